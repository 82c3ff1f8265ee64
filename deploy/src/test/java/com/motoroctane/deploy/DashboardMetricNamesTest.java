package com.motoroctane.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.motoroctane.devstack.RedisProcess;
import com.motoroctane.devstack.test.DevstackWithS3TestResource;
import com.motoroctane.devstack.test.ServiceProcess;

/**
 * Every metric name the Grafana dashboard and the PrometheusRule read from the services is one the services
 * really export: the five services run from their packaged jars on the devstack, see some traffic through the
 * gateway (a cached read, a comparison, a rate-limit rejection, a refused login, an image miss), and their
 * /q/metrics are scraped. kube-state-metrics' names (kube_*) come from the cluster, not from us.
 */
class DashboardMetricNamesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    // HTTP/1.1: on JDK 25 the default h2c upgrade fails on the services' answer ("Prohibited header name 'connection'")
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static final DevstackWithS3TestResource DEVSTACK = new DevstackWithS3TestResource();
    private static final List<ServiceProcess> SERVICES = new ArrayList<>();
    private static final Map<String, String> METRICS_URLS = new TreeMap<>();
    private static String gateway;
    private static ServiceProcess compareService;

    @BeforeAll
    static void startThePlatform() throws Exception {
        Map<String, String> infra = DEVSTACK.start();
        Path keys = Files.createTempDirectory("deploy-jwt");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Files.writeString(keys.resolve("private.pem"), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.writeString(keys.resolve("public.pem"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));

        int catalogPort = RedisProcess.freePort();
        int adminPort = RedisProcess.freePort();
        int mediaPort = RedisProcess.freePort();
        int comparePort = RedisProcess.freePort();
        int gatewayPort = RedisProcess.freePort();
        int managementPort = RedisProcess.freePort();
        String admin = "http://127.0.0.1:" + adminPort;
        String jwks = admin + "/.well-known/jwks.json";

        ServiceProcess catalog = common(ServiceProcess.of("catalog-service", catalogPort), infra)
                .jvmFlag("-Dvertx.disableURIValidation=true")
                .env("CATALOG_PORT", String.valueOf(catalogPort)).env("CATALOG_CURSOR_SECRET", "deploy-tests-cursor-key").start();
        ServiceProcess adminService = common(ServiceProcess.of("admin-service", adminPort), infra)
                .env("ADMIN_PORT", String.valueOf(adminPort))
                .env("ADMIN_JWT_PRIVATE_KEY_FILE", keys.resolve("private.pem").toString())
                .env("ADMIN_JWT_PUBLIC_KEY_FILE", keys.resolve("public.pem").toString()).start();
        ServiceProcess media = common(ServiceProcess.of("media-service", mediaPort), infra)
                .env("MEDIA_PORT", String.valueOf(mediaPort)).env("MEDIA_JWKS_URL", jwks)
                // a brand logo of the demo data is drawn on first request: the rendition pool's meters appear
                .env("MEDIA_DEMO_IMAGES", "true")
                .env("R2_ENDPOINT", infra.get("devstack.s3.endpoint")).env("R2_BUCKET", infra.get("devstack.s3.bucket"))
                .env("R2_ACCESS_KEY_ID", infra.get("devstack.s3.access-key"))
                .env("R2_SECRET_ACCESS_KEY", infra.get("devstack.s3.secret-key")).start();
        SERVICES.addAll(List.of(catalog, adminService, media));
        catalog.awaitReady();
        ServiceProcess compare = common(ServiceProcess.of("compare-service", comparePort), infra)
                .env("COMPARE_PORT", String.valueOf(comparePort)).env("CATALOG_URL", catalog.url()).start();
        SERVICES.add(compare);
        compareService = compare;
        adminService.awaitReady();
        media.awaitReady();
        compare.awaitReady();
        ServiceProcess gatewayService = ServiceProcess.of("gateway", gatewayPort)
                .jvmFlag("-Dvertx.disableURIValidation=true")
                .env("REDIS_URL", infra.get("quarkus.redis.hosts"))
                .env("GATEWAY_PORT", String.valueOf(gatewayPort))
                .env("GATEWAY_MANAGEMENT_PORT", String.valueOf(managementPort))
                .env("GATEWAY_MANAGEMENT_HOST", "127.0.0.1")
                .env("CATALOG_URL", catalog.url()).env("COMPARE_URL", compare.url())
                .env("ADMIN_URL", admin).env("MEDIA_URL", media.url()).env("GATEWAY_JWKS_URL", jwks)
                // a small public limit, so a few reads produce a rejection to count
                .env("GATEWAY_RATE_LIMIT_PUBLIC_LIMIT", "6")
                .start();
        SERVICES.add(gatewayService);
        // ServiceProcess.awaitReady asks the service port; the gateway's probes are on its management port
        awaitReady("http://127.0.0.1:" + managementPort + "/q/health/ready", gatewayService);
        gateway = gatewayService.url();
        METRICS_URLS.put("gateway", "http://127.0.0.1:" + managementPort + "/q/metrics");
        METRICS_URLS.put("catalog-service", catalog.url() + "/q/metrics");
        METRICS_URLS.put("compare-service", compare.url() + "/q/metrics");
        METRICS_URLS.put("admin-service", admin + "/q/metrics");
        METRICS_URLS.put("media-service", media.url() + "/q/metrics");
    }

    private static void awaitReady(String url, ServiceProcess service) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            try {
                if (get(url).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("gateway not ready at " + url + ":\n" + service.tail());
    }

    private static ServiceProcess common(ServiceProcess service, Map<String, String> infra) {
        return service.env("QUARKUS_HTTP_HOST", "127.0.0.1")
                .env("MONGODB_URI", infra.get("quarkus.mongodb.connection-string"))
                .env("MONGODB_DATABASE", infra.get("quarkus.mongodb.database"))
                .env("REDIS_URL", infra.get("quarkus.redis.hosts"));
    }

    @AfterAll
    static void stopThePlatform() {
        SERVICES.forEach(ServiceProcess::stop);
        DEVSTACK.stop();
    }

    @Test
    void everyServiceMetricTheDashboardAndTheAlertsReadIsExported() throws Exception {
        JsonNode models = JSON.readTree(get(gateway + "/api/models?limit=2&fields=id").body());
        String first = models.path("data").path(0).path("id").asText();
        String second = models.path("data").path(1).path("id").asText();
        assertEquals(200, get(gateway + "/api/compare?models=" + first + "," + second).statusCode(), "a comparison");
        assertEquals(404, get(gateway + "/uploads/brands/none/none.webp").statusCode(), "an image that is not there");
        assertEquals(200, get(gateway + "/uploads/brands/tata.webp").statusCode(), "a demo logo, rendered on the way");
        HttpResponse<String> login = HTTP.send(HttpRequest.newBuilder(URI.create(gateway + "/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"nobody@example.com\",\"password\":\"wrong-password\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, login.statusCode(), "a refused login reaches admin-service");
        Map<String, Set<String>> exported = new TreeMap<>();
        exported.put("compare-service", scrape("compare-service"));
        // an upstream that went away (after its own metrics were read): the gateway counts the failed attempts and retries
        compareService.stop();
        assertTrue(get(gateway + "/api/compare?models=" + second + "," + first).statusCode() >= 500, "compare-service is gone");
        int status = 0;
        for (int i = 0; i < 10 && status != 429; i++) {
            status = get(gateway + "/api/brands?limit=1").statusCode();
        }
        assertEquals(429, status, "the public limit of 6/min is reached");

        for (String service : METRICS_URLS.keySet()) {
            if (!exported.containsKey(service)) {
                exported.put(service, scrape(service));
            }
        }
        Set<String> all = new TreeSet<>();
        exported.values().forEach(all::addAll);

        Set<String> used = usedMetricNames();
        assertTrue(used.containsAll(Set.of("gateway_requests_seconds_bucket", "catalog_cache_requests_total",
                "catalog_invalidation_lag_seconds_bucket", "http_server_requests_seconds_count")), "the names are found: " + used);
        Set<String> missing = new TreeSet<>(used);
        missing.removeIf(name -> name.startsWith("kube_") || all.contains(name));
        assertEquals(Set.of(), missing, "used by the dashboard or the alerts but exported by no service");
        for (String service : METRICS_URLS.keySet()) {
            assertTrue(exported.get(service).contains(service.equals("gateway") ? "gateway_requests_seconds_count"
                    : "http_server_requests_seconds_count"), service + " exports the requests the HPA scales on");
        }
    }

    private static Set<String> scrape(String service) throws IOException, InterruptedException {
        HttpResponse<String> scrape = get(METRICS_URLS.get(service));
        assertEquals(200, scrape.statusCode(), service + " /q/metrics");
        return metricNames(scrape.body());
    }

    /** Metric names in the dashboard's and the PrometheusRule's PromQL. */
    static Set<String> usedMetricNames() throws IOException {
        Path monitoring = Kustomize.k8s().resolve("components/monitoring");
        List<String> expressions = new ArrayList<>();
        JSON.readTree(monitoring.resolve("dashboard.json").toFile()).path("panels")
                .forEach(p -> p.path("targets").forEach(t -> expressions.add(t.path("expr").asText())));
        YAML.readTree(monitoring.resolve("prometheusrule.yaml").toFile()).path("spec").path("groups")
                .forEach(g -> g.path("rules").forEach(r -> expressions.add(r.path("expr").asText())));
        Set<String> names = new TreeSet<>();
        expressions.forEach(e -> names.addAll(PromQl.metricNames(e)));
        return names;
    }

    private static Set<String> metricNames(String exposition) {
        Set<String> names = new TreeSet<>();
        for (String line : exposition.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                Matcher m = Pattern.compile("^[a-zA-Z_:][a-zA-Z0-9_:]*").matcher(line);
                if (m.find()) {
                    names.add(m.group());
                }
            }
        }
        return names;
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
