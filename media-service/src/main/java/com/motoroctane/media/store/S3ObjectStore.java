package com.motoroctane.media.store;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import com.motoroctane.media.config.MediaConfig;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * {@link ObjectStore} over the S3 API with AWS SDK v2 and the JDK's URL connection client, path-style
 * addressing (R2 and S3Proxy both take it), and checksums only where the API requires them (R2 and S3Proxy
 * do not all accept the SDK's newer default trailers).
 */
@ApplicationScoped
public class S3ObjectStore implements ObjectStore {

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;

    public S3ObjectStore(MediaConfig config) {
        MediaConfig.Storage storage = config.storage();
        this.bucket = storage.bucket();
        var credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(storage.accessKeyId(), storage.secretAccessKey()));
        S3Configuration s3Config = S3Configuration.builder().pathStyleAccessEnabled(true)
                .chunkedEncodingEnabled(false).build();
        URI endpoint = URI.create(storage.endpoint());
        Region region = Region.of(storage.region());
        this.s3 = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5)).socketTimeout(Duration.ofSeconds(60)))
                .endpointOverride(endpoint).region(region).credentialsProvider(credentials)
                .serviceConfiguration(s3Config)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
        this.presigner = S3Presigner.builder().endpointOverride(endpoint).region(region)
                .credentialsProvider(credentials).serviceConfiguration(s3Config).build();
    }

    @PreDestroy
    void close() {
        s3.close();
        presigner.close();
    }

    @Override
    public void put(String key, Path file, String contentType, String cacheControl) {
        s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType).cacheControl(cacheControl),
                RequestBody.fromFile(file));
    }

    @Override
    public Head head(String key) {
        try {
            HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key(key));
            return new Head(head.contentLength(), head.contentType());
        } catch (NoSuchKeyException e) {
            return null;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return null;
            }
            throw e;
        }
    }

    @Override
    public Body get(String key, String range) {
        try {
            ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> b.bucket(bucket).key(key).range(range));
            GetObjectResponse response = in.response();
            return new Body(in, response.contentLength(), response.contentType(), response.contentRange());
        } catch (NoSuchKeyException e) {
            return null;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return null;
            }
            if (e.statusCode() == 416) {
                throw new IllegalArgumentException("range not satisfiable");
            }
            throw e;
        }
    }

    @Override
    public void delete(Collection<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        List<ObjectIdentifier> ids = new ArrayList<>();
        for (String key : keys) {
            ids.add(ObjectIdentifier.builder().key(key).build());
        }
        for (int i = 0; i < ids.size(); i += 1000) {
            List<ObjectIdentifier> batch = ids.subList(i, Math.min(ids.size(), i + 1000));
            s3.deleteObjects(b -> b.bucket(bucket).delete(Delete.builder().objects(batch).quiet(true).build()));
        }
    }

    @Override
    public String presignPut(String key, String contentType, long length, Duration ttl) {
        return presigner.presignPutObject(p -> p.signatureDuration(ttl)
                .putObjectRequest(r -> r.bucket(bucket).key(key).contentType(contentType).contentLength(length)))
                .url().toString();
    }

    @Override
    public void ping() {
        s3.headBucket(b -> b.bucket(bucket));
    }
}
