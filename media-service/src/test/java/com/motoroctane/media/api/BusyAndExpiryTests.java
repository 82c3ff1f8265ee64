package com.motoroctane.media.api;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static io.restassured.RestAssured.given;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import com.motoroctane.media.support.MediaTest;
import com.motoroctane.media.support.MediaTestResource;
import com.motoroctane.media.support.TestImages;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** One worker, a queue of one and presigned URLs valid one second: the faults those limits produce. */
@QuarkusTest
@TestProfile(BusyAndExpiryTests.Tight.class)
@QuarkusTestResource(MediaTestResource.class)
class BusyAndExpiryTests extends MediaTest {

    public static class Tight implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("media.workers.threads", "1", "media.workers.queue", "1", "media.storage.presign-ttl", "1s");
        }
    }

    @Test
    void aFullQueueAnswers503WithRetryAfterAndLeavesNothingBehind() {
        List<CompletableFuture<ExtractableResponse<Response>>> uploads = new ArrayList<>();
        // five client threads released together (the common pool has one thread on a 2-core machine, which
        // would send the uploads one after another and never fill the queue)
        java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(5);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        try {
            for (int i = 0; i < 5; i++) {
                byte[] jpeg = TestImages.jpeg(1600, 1200, 100 + i);
                String token = adminToken();
                uploads.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                    return given().header("Authorization", "Bearer " + token)
                            .multiPart("image", "p.jpg", jpeg, "image/jpeg").when().post("/api/upload/image").then().extract();
                }, clients));
            }
            start.countDown();
            CompletableFuture.allOf(uploads.toArray(CompletableFuture[]::new)).join();
        } finally {
            clients.shutdown();
        }
        int busy = 0;
        int stored = 0;
        for (var upload : uploads) {
            ExtractableResponse<Response> response = upload.join();
            if (response.statusCode() == 503) {
                busy++;
                assertEquals("application/problem+json", response.contentType());
                assertEquals("5", response.header("Retry-After"));
                assertEquals(503, response.jsonPath().getInt("status"));
            } else {
                assertEquals(201, response.statusCode(), response.asString());
                stored++;
            }
        }
        assertTrue(busy >= 1, "one worker and a queue of one cannot take five uploads at once");
        assertTrue(stored >= 2, "the worker and the queue slot were used");
        assertNoTempFiles();
    }

    @Test
    void anExpiredPresignedUrlIsRefused() throws Exception {
        byte[] jpeg = TestImages.jpeg(40, 30, 23);
        long objectsBefore = storedObjects();
        String url = given().header("Authorization", "Bearer " + adminToken()).contentType("application/json")
                .body(Map.of("contentType", "image/jpeg", "size", jpeg.length)).when().post("/api/uploads/presign")
                .then().statusCode(200).body("expiresIn", equalTo(1)).extract().path("uploadUrl");
        sleep(2500);
        HttpRequest put = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "image/jpeg")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(jpeg)).build();
        assertEquals(403, HttpClient.newHttpClient().send(put, HttpResponse.BodyHandlers.discarding()).statusCode());
        assertEquals(objectsBefore, storedObjects());
    }
}
