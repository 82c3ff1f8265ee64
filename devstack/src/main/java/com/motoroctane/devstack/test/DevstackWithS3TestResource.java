package com.motoroctane.devstack.test;

import java.util.HashMap;
import java.util.Map;

import com.motoroctane.devstack.S3ProxyProcess;

/**
 * The devstack of {@link DevstackTestResource} plus a real S3 API: S3Proxy over a temporary folder (removed
 * when the tests end), in a child JVM so its libraries never meet Quarkus' on the test classpath (see
 * {@link S3ProxyProcess}). The bucket {@value S3ProxyProcess#BUCKET} exists; keys are new for every run.
 *
 * <p>Config keys it adds, for the service to map onto its own storage settings in its test
 * {@code application.properties} (for example {@code media.storage.endpoint=${devstack.s3.endpoint}}):
 * <ul>
 *   <li>{@code devstack.s3.endpoint}: {@code http://127.0.0.1:<port>}; address it path-style;</li>
 *   <li>{@code devstack.s3.bucket}: {@value S3ProxyProcess#BUCKET};</li>
 *   <li>{@code devstack.s3.access-key}: the access key id requests are signed with;</li>
 *   <li>{@code devstack.s3.secret-key}: its secret (AWS signature V2 or V4; any other secret gets 403).</li>
 * </ul>
 * Also {@code devstack.s3.dir}, the folder the objects are stored in (one sub-folder per bucket), for tests
 * that check what was (not) stored.
 */
public class DevstackWithS3TestResource extends DevstackTestResource {

    private S3ProxyProcess s3;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        s3 = S3ProxyProcess.temporary(S3ProxyProcess.BUCKET);
        System.out.println("devstack: started S3Proxy on " + s3.endpoint() + " (bucket " + s3.bucket() + ")");
        config.put("devstack.s3.endpoint", s3.endpoint());
        config.put("devstack.s3.bucket", s3.bucket());
        config.put("devstack.s3.access-key", s3.accessKey());
        config.put("devstack.s3.secret-key", s3.secretKey());
        config.put("devstack.s3.dir", s3.dataDir().toString());
        return config;
    }

    @Override
    public void stop() {
        try {
            if (s3 != null) {
                s3.close();
            }
        } finally {
            super.stop();
        }
    }
}
