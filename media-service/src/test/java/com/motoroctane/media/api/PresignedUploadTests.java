package com.motoroctane.media.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.motoroctane.media.support.MediaTest;
import com.motoroctane.media.support.MediaTestResource;
import com.motoroctane.media.support.TestImages;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Presigned uploads: the URL takes exactly the declared type and length and nothing else, a tampered URL is
 * refused by the store, and {@code /api/uploads/complete} validates and renders what arrived (the previous
 * system served presigned uploads unchecked), removing the unchecked original.
 */
@QuarkusTest
@QuarkusTestResource(MediaTestResource.class)
class PresignedUploadTests extends MediaTest {


    @Test
    void aPresignedUploadIsCheckedRenderedAndServedUnderItsPublicUrl() throws Exception {
        byte[] jpeg = TestImages.jpeg(400, 300, 21);
        long objectsBefore = storedObjects();
        JsonPath presigned = presign("image/jpeg", jpeg.length);
        String key = presigned.getString("key");
        assertTrue(key.startsWith("incoming/"), key);
        assertEquals("/uploads/" + key, presigned.getString("publicUrl"));

        assertEquals(200, put(presigned.getString("uploadUrl"), "image/jpeg", jpeg));
        assertEquals(objectsBefore + 1, storedObjects(), "the unchecked original waits in incoming/");

        JsonPath done = given().header("Authorization", "Bearer " + adminToken()).contentType("application/json")
                .body(Map.of("key", key, "kind", "image", "filename", "side.jpg")).when().post("/api/uploads/complete")
                .then().statusCode(201).extract().jsonPath();
        assertEquals(objectsBefore + 12, storedObjects(), "12 renditions, and the original removed");
        String id = done.getString("id");

        given().header("Accept", "image/webp").when().get(presigned.getString("publicUrl")).then().statusCode(200)
                .header("Content-Type", "image/webp").header("Vary", "Accept")
                .header("Cache-Control", DeliveryResource.ALIAS_CACHE);
        given().header("Authorization", "Bearer " + adminToken()).contentType("application/json")
                .body(Map.of("key", key)).when().post("/api/uploads/complete").then().statusCode(200)
                .body("id", equalTo(id));
        given().header("Authorization", "Bearer " + adminToken()).contentType("application/json")
                .body(Map.of("key", key)).when().delete("/api/uploads/object").then().statusCode(200)
                .body("id", equalTo(id));
        assertEquals(objectsBefore, storedObjects());
        assertNoTempFiles();
    }

    @Test
    void aTamperedOrMisusedPresignedUrlIsRefusedAndStoresNothing() throws Exception {
        byte[] jpeg = TestImages.jpeg(40, 30, 22);
        long objectsBefore = storedObjects();
        String url = presign("image/jpeg", jpeg.length).getString("uploadUrl");

        String tampered = url.replaceAll("(X-Amz-Signature=)([0-9a-f])", "$1" + "f").equals(url)
                ? url.replaceAll("(X-Amz-Signature=)([0-9a-f])", "$1" + "0")
                : url.replaceAll("(X-Amz-Signature=)([0-9a-f])", "$1" + "f");
        assertEquals(403, put(tampered, "image/jpeg", jpeg));
        assertEquals(403, put(url, "image/png", jpeg), "bound to the declared type");
        int longer = put(url, "image/jpeg", java.util.Arrays.copyOf(jpeg, jpeg.length + 1000));
        assertTrue(longer == 403 || longer == CLOSED, "bound to the declared length, got " + longer);
        assertEquals(403, put(url.replace("incoming%2F", "images%2F").replace("incoming/", "images/"), "image/jpeg", jpeg),
                "bound to its key");
        assertEquals(objectsBefore, storedObjects());
    }

    @Test
    void theTokenCookieWorksLikeTheBearerHeaderAndTheHeaderWins() {
        given().cookie("token", adminToken()).contentType("application/json")
                .body(Map.of("contentType", "image/png", "size", 100)).when().post("/api/uploads/presign")
                .then().statusCode(200);
        problem(given().header("Authorization", "Bearer " + viewerToken()).cookie("token", adminToken())
                .contentType("application/json").body(Map.of("contentType", "image/png", "size", 100))
                .when().post("/api/uploads/presign").then(), 403);
    }

    @Test
    void presignRefusesWhatCouldNeverBeAccepted() {
        problem(presignRequest(Map.of("contentType", "image/svg+xml", "size", 100)), 415)
                .body("parameter", equalTo("contentType"));
        problem(presignRequest(Map.of("contentType", "image/png", "size", 6 * 1024 * 1024)), 413)
                .body("parameter", equalTo("size"));
        problem(presignRequest(Map.of("contentType", "image/png")), 400).body("parameter", equalTo("size"));
        problem(given().header("Authorization", "Bearer " + adminToken()).contentType("application/json")
                .body(Map.of("key", "incoming/../images/x")).when().post("/api/uploads/complete").then(), 400);
        problem(given().header("Authorization", "Bearer " + adminToken()).contentType("application/json")
                .body(Map.of("key", "incoming/never-uploaded.jpg")).when().post("/api/uploads/complete").then(), 404);
    }

    private io.restassured.response.ValidatableResponse presignRequest(Map<String, Object> body) {
        return given().header("Authorization", "Bearer " + adminToken()).contentType("application/json").body(body)
                .when().post("/api/uploads/presign").then();
    }

    private JsonPath presign(String contentType, long size) {
        return presignRequest(Map.of("filename", "x", "contentType", contentType, "size", size)).statusCode(200)
                .extract().jsonPath();
    }

    /**
     * The store answers a refused PUT before reading its body and may then close the connection: each PUT gets
     * its own client, so a closed connection is never reused, and a body the store would not read (declared
     * length exceeded) may also end with the connection closed under the client, which is refusal too.
     */
    private int put(String url, String contentType, byte[] body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException closedByTheStore) {
            return CLOSED;
        }
    }

    /** What {@link #put} returns when the store closed the connection instead of answering. */
    private static final int CLOSED = -1;
}
