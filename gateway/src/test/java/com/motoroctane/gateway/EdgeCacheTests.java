package com.motoroctane.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.zip.GZIPInputStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.aayushatharva.brotli4j.decoder.Decoder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.http.Fault;
import com.motoroctane.common.events.InvalidationEvent;
import com.motoroctane.devstack.RedisProcess;
import com.motoroctane.gateway.edgecache.EdgeCache;
import com.motoroctane.gateway.edgecache.EdgeCacheInvalidations;
import com.motoroctane.gateway.support.GatewayTest;
import com.motoroctane.gateway.support.GatewayTestResource;
import com.motoroctane.invalidation.InvalidationStamp;
import com.motoroctane.invalidation.InvalidationStream;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerState;

/**
 * The edge cache against the real catalog-service (and a stub upstream where an answer's headers must be
 * chosen or its arrival held back), the real Redis and its invalidation stream.
 */
@QuarkusTest
@WithTestResource(value = GatewayTestResource.class, scope = TestResourceScope.GLOBAL)
class EdgeCacheTests extends GatewayTest {

    @Inject
    EdgeCache cache;

    @Inject
    EdgeCacheInvalidations invalidations;

    @Inject
    RedisDataSource redis;

    @Inject
    ObjectMapper json;

    @TestHTTPResource("/")
    URL root;

    /** HTTP/1.1, as a TLS-terminating load balancer speaks to the gateway (h2c is checked on its own). */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aSecondReadIsAnEdgeHitWithTheSameBytesAndAnAge() {
        var first = given().header("Accept-Encoding", "identity").get("/api/brands").then().statusCode(200)
                .header("X-Cache", not(equalTo("EDGE-HIT"))).extract();
        var second = given().header("Accept-Encoding", "identity").get("/api/brands").then().statusCode(200)
                .header("X-Cache", equalTo("EDGE-HIT"))
                .header("Age", notNullValue())
                .header("ETag", equalTo(first.header("ETag")))
                .header("Surrogate-Key", equalTo(first.header("Surrogate-Key")))
                .header("X-Frame-Options", equalTo("DENY"))
                .extract();
        assertArrayEquals(first.asByteArray(), second.asByteArray());
        given().head("/api/brands").then().statusCode(200).header("X-Cache", equalTo("EDGE-HIT"));
    }

    @Test
    void ifNoneMatchIsAnswered304AtTheEdge() {
        String etag = given().get("/api/brands").then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", etag).get("/api/brands").then().statusCode(304)
                .header("X-Cache", equalTo("EDGE-HIT")).header("ETag", equalTo(etag));
        given().header("If-None-Match", "\"something-else\"").get("/api/brands").then().statusCode(200)
                .header("X-Cache", equalTo("EDGE-HIT"));
    }

    @Test
    void aRequestWithCredentialsIsNeverAnsweredFromTheEdge() {
        given().get("/api/brands").then().statusCode(200);
        given().get("/api/brands").then().header("X-Cache", equalTo("EDGE-HIT"));
        given().header("Cookie", "session=abc").get("/api/brands").then().statusCode(200)
                .header("X-Cache", not(equalTo("EDGE-HIT")));
        given().header("Authorization", "Bearer " + adminToken()).get("/api/brands").then().statusCode(200)
                .header("X-Cache", not(equalTo("EDGE-HIT")));
    }

    @Test
    void answersThatArePrivateNoStoreNoCacheSetACookieVaryOrCarryNoFreshnessAreNotStored() {
        String[][] answers = {
                {"private", "Cache-Control", "private, max-age=60"},
                {"no-store", "Cache-Control", "public, s-maxage=60, no-store"},
                {"no-cache", "Cache-Control", "public, no-cache, max-age=60"},
                {"cookie", "Set-Cookie", "id=1"},
                {"vary", "Vary", "Accept"},
                {"no-freshness", "X-Nothing", "1"},
        };
        for (String[] answer : answers) {
            String path = "/api/edge-test/" + answer[0];
            var response = aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                    .withHeader(answer[1], answer[2]).withBody("{\"a\":1}");
            if (!answer[1].equals("Cache-Control")) {
                response = response.withHeader("Cache-Control", "public, max-age=60");
            }
            if (answer[0].equals("no-freshness")) {
                response = aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{}");
            }
            stub.register(get(urlPathEqualTo(path)).willReturn(response));
            given().get(path).then().statusCode(200);
            given().get(path).then().statusCode(200).header("X-Cache", not(equalTo("EDGE-HIT")));
            stub.verifyThat(2, getRequestedFor(urlPathEqualTo(path)));
        }
        stub.register(get(urlPathEqualTo("/api/edge-test/unavailable")).willReturn(aResponse().withStatus(503)
                .withHeader("Cache-Control", "public, max-age=60").withBody("{}")));
        given().get("/api/edge-test/unavailable").then().statusCode(503);
        given().get("/api/edge-test/unavailable").then().statusCode(503).header("X-Cache", not(equalTo("EDGE-HIT")));
        assertEquals(0, cache.size(), "nothing of these is held");
    }

    @Test
    void sMaxAgeIsPreferredAndTheQueryOrderDoesNotSplitEntries() {
        stub.register(get(urlPathEqualTo("/api/edge-test/shared")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withHeader("Cache-Control", "public, max-age=0, s-maxage=120").withBody("{\"shared\":true}")));
        given().get("/api/edge-test/shared?b=2&a=1").then().statusCode(200);
        given().get("/api/edge-test/shared?a=1&b=2").then().statusCode(200).header("X-Cache", equalTo("EDGE-HIT"))
                .header("X-Cache-TTL", notNullValue());
        stub.verifyThat(1, getRequestedFor(urlPathEqualTo("/api/edge-test/shared")));
    }

    @Test
    void gzipAndBrVariantsDecodeToTheIdentityBytes() throws Exception {
        given().get("/api/brands").then().statusCode(200);
        HttpResponse<byte[]> identity = raw("/api/brands", "identity");
        assertEquals("EDGE-HIT", identity.headers().firstValue("X-Cache").orElse(""));
        assertEquals("identity", identity.headers().firstValue("Content-Encoding").orElse("identity"));
        assertTrue(identity.body().length >= 1024, "a list worth compressing");

        HttpResponse<byte[]> gzip = raw("/api/brands", "gzip");
        assertEquals("gzip", gzip.headers().firstValue("Content-Encoding").orElse(""));
        assertEquals("EDGE-HIT", gzip.headers().firstValue("X-Cache").orElse(""));
        assertTrue(gzip.headers().allValues("Vary").toString().contains("Accept-Encoding"));
        assertArrayEquals(identity.body(), new GZIPInputStream(new ByteArrayInputStream(gzip.body())).readAllBytes());
        assertTrue(gzip.body().length < identity.body().length);

        HttpResponse<byte[]> br = raw("/api/brands", "gzip, deflate, br");
        if (cache.brotli()) {
            assertEquals("br", br.headers().firstValue("Content-Encoding").orElse(""));
            assertArrayEquals(identity.body(), Decoder.decompress(br.body()).getDecompressedData());
        } else {
            assertEquals("gzip", br.headers().firstValue("Content-Encoding").orElse(""));
        }
        // h2c: the server's HTTP/2 encoder compresses itself (a stored gzip body would be gzipped twice there)
        HttpResponse<byte[]> h2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build().send(
                HttpRequest.newBuilder(root.toURI().resolve("/api/brands")).header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        byte[] h2Body = "gzip".equals(h2.headers().firstValue("Content-Encoding").orElse(""))
                ? new GZIPInputStream(new ByteArrayInputStream(h2.body())).readAllBytes() : h2.body();
        assertArrayEquals(identity.body(), h2Body);

        HttpResponse<byte[]> refused = raw("/api/brands", "br;q=0, gzip;q=0");
        assertEquals("identity", refused.headers().firstValue("Content-Encoding").orElse("identity"));
        assertArrayEquals(identity.body(), refused.body());
    }

    /**
     * An answer worth compressing is stored as gzip and br only; a client that accepts neither gets the identity
     * decoded from the gzip, byte for byte, however few of those the identity budget (64 KiB here) keeps decoded.
     */
    @Test
    void compressedAnswersKeepNoIdentityAndDecodeItForAClientThatAcceptsNone() throws Exception {
        int answers = 6;
        List<String> bodies = new ArrayList<>();
        long identityBytes = 0;
        for (int i = 0; i < answers; i++) {
            StringBuilder body = new StringBuilder("{\"items\":[");
            for (int row = 0; row < 400; row++) {
                body.append(row == 0 ? "" : ",").append("{\"id\":").append(row * 7919 % 1000 + i).append(",\"name\":\"variant ")
                        .append(Integer.toHexString(row * 31 + i * 1013)).append("\"}");
            }
            bodies.add(body.append("]}").toString());
            identityBytes += bodies.get(i).length();
            stub.register(get(urlPathEqualTo("/api/edge-test/identity/" + i)).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json").withHeader("Cache-Control", "public, s-maxage=300")
                    .withBody(bodies.get(i))));
        }
        for (int i = 0; i < answers; i++) {
            assertEquals(200, raw("/api/edge-test/identity/" + i, "gzip").statusCode());
        }
        await(() -> cache.size() == answers, "every answer stored (a fill is stored once compressed, after it was relayed)");
        cache.cleanUp();
        assertTrue(cache.weightedBytes() < identityBytes / 2,
                cache.weightedBytes() + " bytes held for " + identityBytes + " bytes of identity: compressed forms only");
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < answers; i++) {
                HttpResponse<byte[]> identity = raw("/api/edge-test/identity/" + i, "identity");
                assertEquals("EDGE-HIT", identity.headers().firstValue("X-Cache").orElse(""));
                assertEquals("identity", identity.headers().firstValue("Content-Encoding").orElse("identity"));
                assertEquals(bodies.get(i), new String(identity.body(), StandardCharsets.UTF_8));
                assertEquals(String.valueOf(bodies.get(i).length()), identity.headers().firstValue("Content-Length").orElse(""));
                HttpResponse<byte[]> head = http.send(HttpRequest.newBuilder(root.toURI().resolve("/api/edge-test/identity/" + i))
                        .method("HEAD", HttpRequest.BodyPublishers.noBody()).header("Accept-Encoding", "identity").build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertEquals("EDGE-HIT", head.headers().firstValue("X-Cache").orElse(""));
                assertEquals(String.valueOf(bodies.get(i).length()), head.headers().firstValue("Content-Length").orElse(""),
                        "HEAD: the identity's length, without decoding it");
            }
            cache.cleanUp();
            assertTrue(cache.identityBytes() <= gatewayConfig.edgeCache().identityMaxBytes(),
                    cache.identityBytes() + " bytes of decoded identity kept");
        }
        for (int i = 0; i < answers; i++) {
            stub.verifyThat(1, getRequestedFor(urlPathEqualTo("/api/edge-test/identity/" + i)));
        }
    }

    @Test
    void concurrentMissesForOneKeyShareOneUpstreamRequest() throws Exception {
        stub.register(get(urlPathEqualTo("/api/edge-test/slow")).willReturn(aResponse().withStatus(200)
                .withFixedDelay(400).withHeader("Content-Type", "application/json")
                .withHeader("Cache-Control", "public, s-maxage=60").withBody("{\"slow\":true}")));
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            answers.add(http.sendAsync(HttpRequest.newBuilder(root.toURI().resolve("/api/edge-test/slow")).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get();
            assertEquals(200, response.statusCode());
            assertEquals("{\"slow\":true}", response.body());
        }
        // whether a request came while the first was in flight (it waited) or after (a hit), none went upstream
        stub.verifyThat(1, getRequestedFor(urlPathEqualTo("/api/edge-test/slow")));
    }

    @Test
    void theByteBoundEvictsAndAnObjectOverTheSizeLimitIsNotStored() {
        byte[] body = new byte[200 * 1024];
        Arrays.fill(body, (byte) 'x');
        stub.register(get(urlPathEqualTo("/api/edge-test/big/1")).willReturn(binary(body)));
        for (int i = 1; i <= 8; i++) {
            stub.register(get(urlPathEqualTo("/api/edge-test/big/" + i)).willReturn(binary(body)));
            given().get("/api/edge-test/big/" + i).then().statusCode(200);
        }
        cache.cleanUp();
        long max = gatewayConfig.edgeCache().maxBytes();
        assertTrue(cache.weightedBytes() <= max, cache.weightedBytes() + " bytes held, bound " + max);
        assertTrue(cache.size() < 8, "1.6 MB of answers do not fit in 1 MiB: " + cache.size() + " held");
        assertTrue(cache.size() > 0);

        byte[] huge = new byte[gatewayConfig.edgeCache().maxObjectBytes() + 1];
        stub.register(get(urlPathEqualTo("/api/edge-test/huge")).willReturn(binary(huge)));
        given().get("/api/edge-test/huge").then().statusCode(200);
        byte[] again = given().get("/api/edge-test/huge").then().statusCode(200)
                .header("X-Cache", not(equalTo("EDGE-HIT"))).extract().asByteArray();
        assertEquals(huge.length, again.length, "relayed whole, only not kept");
        stub.verifyThat(2, getRequestedFor(urlPathEqualTo("/api/edge-test/huge")));
    }

    /**
     * Bodies are held off the heap, one reference per holder (an entry in the cache, a stale copy of it, a decoded
     * identity, an answer being written): whatever was answered (decoded identity, gzip, br, HEAD, 304), marked
     * stale by a purge, refreshed, replaced or evicted by the byte bound, nothing is left allocated once the cache
     * is emptied. A reference kept anywhere would leave its bytes here: they are freed by nobody else.
     */
    @Test
    void bodiesHeldOffTheHeapAreFreedOnceTheirEntriesLeave() throws Exception {
        await(() -> EdgeCache.offHeapBytes() == 0, "nothing held after the clean slate's purge: " + EdgeCache.offHeapBytes());
        String path = "/api/edge-test/offheap";
        StringBuilder rows = new StringBuilder("{\"v\":1,\"rows\":[");
        for (int row = 0; row < 300; row++) {
            rows.append(row == 0 ? "" : ",").append("{\"id\":").append(row * 7919 % 1000).append('}');
        }
        String first = rows.append("]}").toString();
        stub.register(get(urlPathEqualTo(path)).willReturn(tagged("offheap-tag", first).withHeader("ETag", "\"offheap-1\"")));
        prime(path);
        assertTrue(EdgeCache.offHeapBytes() > 0, "the entry's gzip and br are held off the heap");
        for (String encoding : new String[] {"identity", "identity", "gzip", "gzip, deflate, br"}) {
            HttpResponse<byte[]> answer = raw(path, encoding);
            assertEquals("EDGE-HIT", answer.headers().firstValue("X-Cache").orElse(""));
            byte[] body = switch (answer.headers().firstValue("Content-Encoding").orElse("identity")) {
                case "gzip" -> new GZIPInputStream(new ByteArrayInputStream(answer.body())).readAllBytes();
                case "br" -> Decoder.decompress(answer.body()).getDecompressedData();
                default -> answer.body();
            };
            assertEquals(first, new String(body, StandardCharsets.UTF_8), encoding);
        }
        String etag = given().head(path).then().statusCode(200).header("X-Cache", equalTo("EDGE-HIT")).extract().header("ETag");
        given().header("If-None-Match", etag).get(path).then().statusCode(304);

        String second = first.replace("\"v\":1", "\"v\":2");
        stub.register(get(urlPathEqualTo(path)).willReturn(tagged("offheap-tag", second)));
        publish("offheap-tag");
        await(() -> cache.staleEntries() == 1, "the entry is marked stale (a copy holding the same bodies)");
        given().get(path).then().statusCode(200).header("X-Cache", equalTo("EDGE-STALE"));
        await(() -> "EDGE-HIT".equals(given().get(path).then().extract().header("X-Cache")), "the refresh replaced it");
        assertEquals(second, new String(raw(path, "identity").body(), StandardCharsets.UTF_8));

        byte[] big = new byte[200 * 1024];
        Arrays.fill(big, (byte) 'y');
        for (int i = 1; i <= 8; i++) { // 1.6 MB of identity entries through a 1 MiB bound: some are evicted
            stub.register(get(urlPathEqualTo("/api/edge-test/offheap-big/" + i)).willReturn(binary(big)));
            assertEquals(big.length, given().get("/api/edge-test/offheap-big/" + i).then().statusCode(200).extract()
                    .asByteArray().length);
        }
        cache.cleanUp();
        assertTrue(cache.size() < 9, cache.size() + " held");

        cache.purgeAll();
        await(() -> EdgeCache.offHeapBytes() == 0, "every body freed once the cache is empty and the answers are written: "
                + EdgeCache.offHeapBytes() + " bytes left");
    }

    @Test
    void anInvalidationEventOnTheStreamPurgesTheEntriesWithItsTags() throws Exception {
        String tags = prime("/api/brands");
        String tag = tags.trim().split("\\s+")[0];
        stubTagged("/api/edge-test/other", "unrelated-tag");
        prime("/api/edge-test/other");
        assertEquals(2, cache.size());

        publish(tag);
        await(() -> cache.staleEntries() == 1, "the entry tagged " + tag + " is purged (marked stale)");
        given().get("/api/edge-test/other").then().header("X-Cache", equalTo("EDGE-HIT"));
        given().get("/api/brands").then().header("X-Cache", not(equalTo("EDGE-HIT")));
        await(() -> given().get("/api/brands").then().extract().header("X-Cache").equals("EDGE-HIT"),
                "the stale entry is replaced by a refresh from catalog-service once it applied the event");
    }

    /**
     * Soft purge: after an event, the old answer is still given ({@code EDGE-STALE}) while one background request
     * fetches the new one; nobody waits for the origin, and however many ask, the origin is asked once.
     */
    @Test
    void aPurgedEntryIsAnsweredStaleWhileOneBackgroundRequestFetchesTheNewAnswer() throws Exception {
        String path = "/api/edge-test/soft";
        stub.register(get(urlPathEqualTo(path)).willReturn(tagged("soft-tag", "{\"v\":1}")));
        prime(path);
        stub.register(get(urlPathEqualTo(path)).willReturn(tagged("soft-tag", "{\"v\":2}").withFixedDelay(600)));
        publish("soft-tag");
        await(() -> cache.staleEntries() == 1, "the entry is marked stale");

        long began = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            given().get(path).then().statusCode(200).header("X-Cache", equalTo("EDGE-STALE"))
                    .header("X-Cache-TTL", equalTo("0")).body("v", equalTo(1));
        }
        if (System.nanoTime() - began < 500_000_000L) { // all five while the one refresh was held back
            stub.verifyThat(2, getRequestedFor(urlPathEqualTo(path))); // the fill, then one refresh for five
        }
        // (a refresh still on its way when the event's second purge runs is not kept: a later request asks again)
        await(() -> "EDGE-HIT".equals(given().get(path).then().extract().header("X-Cache")), "the refresh is stored");
        given().get(path).then().statusCode(200).header("X-Cache", equalTo("EDGE-HIT")).body("v", equalTo(2));
    }

    /**
     * A purge visits the entries its tags index, not every entry: an entry stored again under its key (its refresh
     * after a purge) is still found by the next purge of its tag, and the index forgets what is no longer held.
     */
    @Test
    void aRefreshedEntryIsFoundByTheNextPurgeOfItsTag() throws Exception {
        String path = "/api/edge-test/again";
        stub.register(get(urlPathEqualTo(path)).willReturn(tagged("again-tag", "{\"v\":1}")));
        prime(path);
        for (int round = 2; round <= 4; round++) {
            int v = round;
            stub.register(get(urlPathEqualTo(path)).willReturn(tagged("again-tag", "{\"v\":" + v + "}")));
            publish("again-tag");
            await(() -> cache.staleEntries() == 1 && invalidations.pendingRePurges() == 0,
                    "purge " + (v - 1) + " finds the entry and marks it stale");
            await(() -> {
                var answer = given().get(path).then().statusCode(200).extract();
                return "EDGE-HIT".equals(answer.header("X-Cache")) && v == answer.jsonPath().getInt("v");
            }, "the entry is refreshed to v" + v);
        }
        assertTrue(cache.indexedPairs() > 0);
        cache.purgeAll();
        await(() -> cache.indexedPairs() == 0, "nothing indexed once nothing is held");
    }

    /** Background refreshes are best effort and capped per upstream (max-refreshes, 1 towards the stub here). */
    @Test
    void backgroundRefreshesToAnUpstreamAreCapped() throws Exception {
        String a = "/api/edge-test/cap-a";
        String b = "/api/edge-test/cap-b";
        stub.register(get(urlPathEqualTo(a)).willReturn(tagged("cap-tag", "{\"v\":1}")));
        stub.register(get(urlPathEqualTo(b)).willReturn(tagged("cap-tag", "{\"v\":1}")));
        prime(a);
        prime(b);
        publish("cap-tag");
        await(() -> cache.staleEntries() == 2 && invalidations.pendingRePurges() == 0, "both stale, the second purge done");
        stub.register(get(urlPathEqualTo(a)).willReturn(tagged("cap-tag", "{\"v\":2}").withFixedDelay(1500)));
        stub.register(get(urlPathEqualTo(b)).willReturn(tagged("cap-tag", "{\"v\":2}")));

        given().get(a).then().header("X-Cache", equalTo("EDGE-STALE")); // its refresh is held 1.5 s
        given().get(b).then().header("X-Cache", equalTo("EDGE-STALE")).body("v", equalTo(1));
        Thread.sleep(300);
        assertEquals(1, stub.find(getRequestedFor(urlPathEqualTo(b))).size(), "no slot for b's refresh: only its fill so far");
        await(() -> "EDGE-HIT".equals(given().get(b).then().extract().header("X-Cache")),
                "b is refreshed by a later request, once a's refresh is done");
        // a's slot is given back when its answer has arrived; its entry is compressed and stored on a worker after
        // that, which on a loaded machine can finish after b's quick refresh
        await(() -> "EDGE-HIT".equals(given().get(a).then().extract().header("X-Cache")), "a's refresh is stored");
        given().get(a).then().header("X-Cache", equalTo("EDGE-HIT")).body("v", equalTo(2));
    }

    /** Without the upstream's stale-while-revalidate an answer may not be given stale: a purge drops it. */
    @Test
    void anAnswerWithoutStaleWhileRevalidateIsDroppedByAPurge() throws Exception {
        String path = "/api/edge-test/hard";
        stub.register(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withHeader("Cache-Control", "public, s-maxage=300")
                .withHeader("Surrogate-Key", "hard-tag").withBody("{\"v\":1}")));
        prime(path);
        publish("hard-tag");
        await(() -> cache.size() == 0, "the entry is dropped, not marked stale");
        given().get(path).then().statusCode(200).header("X-Cache", not(equalTo("EDGE-STALE")))
                .header("X-Cache", not(equalTo("EDGE-HIT")));
    }

    /**
     * stale-if-error (RFC 5861): a purged answer past its stale window is kept for its upstream's
     * {@code stale-if-error} and given instead of the error of the request that would replace it (an answered
     * 503 or 500, a reset connection); the next good answer replaces it.
     */
    @Test
    void aPurgedAnswerStandsInForAnUpstreamErrorWithinItsStaleIfError() throws Exception {
        String path = "/api/edge-test/if-error";
        purgedWithStaleIfError(path, "if-error-tag");
        for (var failure : List.of(aResponse().withStatus(503).withBody("{}"), aResponse().withStatus(500).withBody("{}"),
                aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))) {
            stub.register(get(urlPathEqualTo(path)).willReturn(failure));
            given().get(path).then().statusCode(200).header("X-Cache", equalTo("EDGE-STALE-IF-ERROR"))
                    .header("X-Cache-TTL", equalTo("0")).body("v", equalTo(1));
        }
        stub.register(get(urlPathEqualTo(path)).willReturn(ifError("if-error-tag", "{\"v\":2}", "s-maxage=300")));
        given().get(path).then().statusCode(200).header("X-Cache", not(equalTo("EDGE-STALE-IF-ERROR"))).body("v", equalTo(2));
        given().get(path).then().statusCode(200).header("X-Cache", equalTo("EDGE-HIT")).body("v", equalTo(2));
    }

    /**
     * The answers given stale still count as failures for the upstream's breaker; once it is open, the gateway
     * stops calling the upstream and the stale answer is given without it.
     */
    @Test
    void withTheBreakerOpenTheStaleAnswerIsGivenWithoutCallingTheUpstream() throws Exception {
        String path = "/api/edge-test/if-error-breaker";
        purgedWithStaleIfError(path, "if-error-breaker-tag");
        stub.register(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(503).withBody("{}")));
        for (int i = 0; i < 100 && upstream("edge").breaker().state() != CircuitBreakerState.OPEN; i++) {
            given().get(path).then().statusCode(200).header("X-Cache", equalTo("EDGE-STALE-IF-ERROR")).body("v", equalTo(1));
        }
        assertEquals(CircuitBreakerState.OPEN, upstream("edge").breaker().state());
        int contacted = stub.find(getRequestedFor(urlPathEqualTo(path))).size();
        for (int i = 0; i < 3; i++) {
            given().get(path).then().statusCode(200).header("X-Cache", equalTo("EDGE-STALE-IF-ERROR")).body("v", equalTo(1));
        }
        assertEquals(contacted, stub.find(getRequestedFor(urlPathEqualTo(path))).size(), "the open breaker kept it from the upstream");
    }

    /** The same for an answer past its TTL; an answer without the directive lets the error through. */
    @Test
    void anExpiredAnswerStandsInForAnErrorOnlyWithStaleIfError() throws Exception {
        String kept = "/api/edge-test/expired-kept";
        String plain = "/api/edge-test/expired-plain";
        stub.register(get(urlPathEqualTo(kept)).willReturn(ifError("expired-tag", "{\"v\":1}", "s-maxage=1")));
        stub.register(get(urlPathEqualTo(plain)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withHeader("Cache-Control", "public, s-maxage=1")
                .withBody("{\"v\":1}")));
        prime(kept);
        prime(plain);
        Thread.sleep(1_100);
        stub.register(get(urlPathEqualTo(kept)).willReturn(aResponse().withStatus(503).withBody("{}")));
        stub.register(get(urlPathEqualTo(plain)).willReturn(aResponse().withStatus(503).withBody("{}")));
        given().get(kept).then().statusCode(200).header("X-Cache", equalTo("EDGE-STALE-IF-ERROR")).body("v", equalTo(1));
        given().get(plain).then().statusCode(503).header("X-Cache", not(equalTo("EDGE-STALE-IF-ERROR")));
    }

    /** Stores {"v":1} for {@code path} with stale-if-error (no stale-while-revalidate) and purges it by {@code tag}. */
    private void purgedWithStaleIfError(String path, String tag) throws Exception {
        stub.register(get(urlPathEqualTo(path)).willReturn(ifError(tag, "{\"v\":1}", "s-maxage=300")));
        prime(path);
        publish(tag);
        await(() -> cache.staleEntries() == 1, "kept for errors, not dropped (it has no stale-while-revalidate)");
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder ifError(String tag, String body,
                                                                                          String freshness) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withHeader("Cache-Control", "public, " + freshness + ", stale-if-error=600")
                .withHeader("Surrogate-Key", tag).withBody(body);
    }

    @Inject
    io.micrometer.core.instrument.MeterRegistry registry;

    /**
     * The edge's own invalidation lag, as the services record theirs: an event's publication to its purge here (what
     * the bench's invalidate scenario reads next to the services' to tell applying an event from refilling).
     */
    @Test
    void theLagFromAnEventsPublicationToItsPurgeIsRecorded() throws Exception {
        long before = lagCount();
        publish("lag-tag-" + UUID.randomUUID());
        await(() -> lagCount() > before, "gateway_edge_invalidation_lag counts the event");
        io.micrometer.core.instrument.Timer lag = registry.find("gateway.edge.invalidation.lag").timer();
        assertTrue(lag.max(java.util.concurrent.TimeUnit.SECONDS) < 30, "a lag of the event just published, not of 'at' unset");
    }

    private long lagCount() {
        io.micrometer.core.instrument.Timer lag = registry.find("gateway.edge.invalidation.lag").timer();
        return lag == null ? 0 : lag.count();
    }

    private double declinedFills() {
        io.micrometer.core.instrument.Counter declined = registry.find("gateway.edge.cache.fills.declined").counter();
        return declined == null ? 0 : declined.count();
    }

    /**
     * The ordering contract with the services: a refresh whose answer is stamped before the purged event (its
     * service had not applied it yet) is not kept, and is declined as its headers arrive (neither copied nor
     * compressed); the stale entry stays until an answer that had is.
     */
    @Test
    void aRefreshFromAServiceThatHadNotAppliedTheEventIsNotKept() throws Exception {
        String path = "/api/edge-test/stamped";
        stub.register(get(urlPathEqualTo(path)).willReturn(tagged("stamp-tag", "{\"v\":1}")
                .withHeader(InvalidationStamp.HEADER, "1-0")));
        prime(path);
        String event = publish("stamp-tag");
        await(() -> cache.staleEntries() == 1, "the entry is marked stale");
        stub.register(get(urlPathEqualTo(path)).willReturn(tagged("stamp-tag", "{\"v\":1}")
                .withHeader(InvalidationStamp.HEADER, "1-0"))); // still the old data: behind the event
        double declinedBefore = declinedFills();
        given().get(path).then().statusCode(200).header("X-Cache", equalTo("EDGE-STALE"))
                .header(InvalidationStamp.HEADER, org.hamcrest.Matchers.nullValue());
        await(() -> stub.find(getRequestedFor(urlPathEqualTo(path))).size() >= 2, "the refresh reached the origin");
        await(() -> declinedFills() > declinedBefore, "the answer from before the event is declined on its headers");
        Thread.sleep(200); // its answer had time to be stored, were it kept
        assertEquals(1, cache.staleEntries(), "an answer from before the event is not kept");

        stub.register(get(urlPathEqualTo(path)).willReturn(tagged("stamp-tag", "{\"v\":2}")
                .withHeader(InvalidationStamp.HEADER, event)));
        given().get(path).then().statusCode(200).header("X-Cache", equalTo("EDGE-STALE"));
        await(() -> cache.staleEntries() == 0, "an answer from a service that had applied it replaces the stale one");
        given().get(path).then().header("X-Cache", equalTo("EDGE-HIT")).body("v", equalTo(2));
    }

    /** Both sides' real code: catalog-service stamps its answers with the event it applied; the edge keeps them. */
    @Test
    void catalogServiceStampsItsAnswersWithTheLastEventItApplied() throws Exception {
        String event = publish("nothing-cached-has-this-tag-either");
        String catalog = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("gateway.upstreams.catalog.url", String.class);
        await(() -> {
            String stamp = given().baseUri(catalog).get("/api/brands").then().statusCode(200).extract()
                    .header(InvalidationStamp.HEADER);
            return stamp != null && !InvalidationStamp.before(stamp, event);
        }, "catalog-service stamps " + InvalidationStamp.HEADER + " at or after " + event);
        String tags = prime("/api/brands");
        publish(tags.trim().split("\\s+")[0]);
        await(() -> cache.staleEntries() == 1, "purged");
        given().get("/api/brands").then().statusCode(200).header(InvalidationStamp.HEADER, org.hamcrest.Matchers.nullValue());
        await(() -> "EDGE-HIT".equals(given().get("/api/brands").then().extract().header("X-Cache")),
                "refreshed from catalog-service once it had applied the event");
        Thread.sleep(500); // past the event's second purge (re-purge-after, 300 ms here)
        given().get("/api/brands").then().header("X-Cache", equalTo("EDGE-HIT")); // which leaves stamped answers alone
    }

    /** A refill from a service that had not applied the event yet would keep the old answer: the tags go again. */
    @Test
    void anEventsTagsArePurgedAgainShortlyAfter() throws Exception {
        stubTagged("/api/edge-test/refilled", "refill-tag");
        prime("/api/edge-test/refilled");
        publish("refill-tag");
        await(() -> cache.staleEntries() == 1, "the first purge");
        prime("/api/edge-test/refilled"); // refilled at once, as from a service still holding the old answer
        await(() -> cache.staleEntries() == 1, "the second purge, re-purge-after (300 ms here) later");
        given().get("/api/edge-test/refilled").then().header("X-Cache", equalTo("EDGE-STALE"));
    }

    @Test
    void aGapInTheStreamAfterARedisOutageFlushesEverything() throws Exception {
        String marker = publish("nothing-cached-has-this-tag");
        await(() -> marker.equals(invalidations.lastEventId()), "the edge has read the stream up to " + marker);
        prime("/api/brands");
        stubTagged("/api/edge-test/other", "unrelated-tag");
        prime("/api/edge-test/other");
        assertEquals(2, cache.size());

        RedisProcess.command(redisPort, "SHUTDOWN NOSAVE");
        new RedisProcess(redisPort, Files.createTempDirectory("redis-restart")).start(); // empty: the stream is gone
        await(() -> cache.size() == 0, "everything is flushed: events may have been missed");
        clearRateLimits();
    }

    @Test
    void theAdminPurgeNeedsAnAdminTokenAndPurgesByTagOrEverything() throws Exception {
        stubTagged("/api/edge-test/a", "tag-a");
        stubTagged("/api/edge-test/b", "tag-b");
        prime("/api/edge-test/a");
        prime("/api/edge-test/b");
        String purge = "/api/admin/edge-cache/purge";

        given().contentType("application/json").body("{\"tags\":[\"tag-a\"]}").post(purge).then().statusCode(401)
                .contentType("application/problem+json");
        given().header("Authorization", "Bearer " + token(Set.of("editor"))).contentType("application/json")
                .body("{\"tags\":[\"tag-a\"]}").post(purge).then().statusCode(403);
        assertEquals(2, cache.size(), "a refused purge purges nothing");

        given().header("Authorization", "Bearer " + adminToken()).contentType("application/json")
                .body("{\"tags\":[]}").post(purge).then().statusCode(400).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("tags"));
        given().header("Authorization", "Bearer " + adminToken()).contentType("application/json")
                .body("{\"tags\":").post(purge).then().statusCode(400).contentType("application/problem+json");

        given().header("Authorization", "Bearer " + adminToken()).contentType("application/json")
                .body("{\"tags\":[\"tag-a\"]}").post(purge).then().statusCode(200)
                .body("purged", equalTo(1)).body("announced", equalTo(true));
        given().get("/api/edge-test/b").then().header("X-Cache", equalTo("EDGE-HIT"));
        given().get("/api/edge-test/a").then().header("X-Cache", not(equalTo("EDGE-HIT")));

        given().header("Authorization", "Bearer " + adminToken()).contentType("application/json")
                .body("{\"all\":true}").post(purge).then().statusCode(200).body("all", equalTo(true));
        await(() -> cache.size() == 0, "everything is purged");
    }

    /**
     * Fills the entry and waits until it is stored: the second read waits for the fill (or hits), so it is an
     * EDGE-HIT only once the entry is there. Returns the entry's surrogate keys.
     */
    private static String prime(String path) throws InterruptedException {
        given().get(path).then().statusCode(200);
        String[] tags = {null};
        await(() -> {
            var answer = given().get(path).then().statusCode(200).extract();
            tags[0] = answer.header("Surrogate-Key");
            return "EDGE-HIT".equals(answer.header("X-Cache"));
        }, path + " is stored (after its refresh, when it was stale)");
        return tags[0];
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder tagged(String tag, String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withHeader("Cache-Control", "public, s-maxage=300, stale-while-revalidate=60")
                .withHeader("Surrogate-Key", tag).withBody(body);
    }

    private void stubTagged(String path, String tag) {
        stub.register(get(urlPathEqualTo(path)).willReturn(tagged(tag, "{\"path\":\"" + path + "\"}")));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder binary(byte[] body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/octet-stream")
                .withHeader("Cache-Control", "public, s-maxage=300").withBody(body);
    }

    /** Appends an event as admin-service does; returns its stream id. */
    private String publish(String tag) throws Exception {
        InvalidationEvent event = new InvalidationEvent(UUID.randomUUID().toString(), "updated", "brand", List.of("x"),
                List.of(), List.of(), List.of(tag), 1, Instant.now());
        InvalidationStream.publish(redis, json.writeValueAsString(event), 100_000);
        return redis.stream(String.class).xrevrange(InvalidationEvent.STREAM,
                io.quarkus.redis.datasource.stream.StreamRange.of("+", "-"), 1).get(0).id(); // XREVRANGE takes end, start
    }

    private HttpResponse<byte[]> raw(String path, String acceptEncoding) throws Exception {
        URI uri = root.toURI().resolve(path);
        return http.send(HttpRequest.newBuilder(uri).header("Accept-Encoding", acceptEncoding).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        for (int i = 0; i < 400 && !condition.getAsBoolean(); i++) {
            Thread.sleep(25);
        }
        assertTrue(condition.getAsBoolean(), what);
    }
}
