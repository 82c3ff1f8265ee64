package com.motoroctane.media.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.motoroctane.media.support.MediaTest;
import com.motoroctane.media.support.MediaTestResource;
import com.motoroctane.media.support.TestImages;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Every kind of bad input the issue lists: each answered 4xx problem+json naming what was wrong, with
 * nothing stored (no asset record; nothing in the bucket) and no temporary file left behind.
 */
@QuarkusTest
@QuarkusTestResource(MediaTestResource.class)
class BadInputTests extends MediaTest {

    @TestHTTPResource("/")
    URI root;

    private long assetsBefore;
    private long objectsBefore;

    @BeforeEach
    void count() {
        assetsBefore = assetCount();
        objectsBefore = storedObjects();
    }

    @AfterEach
    void nothingStoredNothingLeft() {
        assertEquals(assetsBefore, assetCount(), "no asset was recorded");
        assertEquals(objectsBefore, storedObjects(), "nothing was written to the bucket");
        assertNoTempFiles();
    }

    @Test
    void zeroByteFileIs400() {
        problem(uploadImage("empty.jpg", new byte[0]), 400).body("parameter", equalTo("image"))
                .body("detail", containsString("empty"));
    }

    @Test
    void truncatedJpegIs422() {
        problem(uploadImage("cut.jpg", TestImages.truncatedJpeg()), 422).body("parameter", equalTo("image"))
                .body("detail", containsString("truncated"));
    }

    @Test
    void jpegHtmlPolyglotIs415() {
        problem(uploadImage("poly.jpg", TestImages.jpegHtmlPolyglot()), 415).body("detail", containsString("markup"));
    }

    @Test
    void svgWithScriptIs415() {
        problem(upload("/api/upload/logo", "logo", "logo.svg", TestImages.svgWithScript(), adminToken()), 415)
                .body("parameter", equalTo("logo")).body("detail", containsString("SVG"));
    }

    @Test
    void pngClaiming50000By50000Is422BeforeAnyDecode() {
        problem(uploadImage("bomb.png", TestImages.pngHeader(50_000, 50_000)), 422)
                .body("detail", containsString("50000x50000"));
    }

    @Test
    void sixMegabyteFileIs413() {
        problem(uploadImage("big.jpg", sixMegabyteJpeg()), 413).body("parameter", equalTo("image"));
    }

    @Test
    void chunkedUploadGrowingPastTheLimitIs413() throws Exception {
        String boundary = "----motoroctane-test";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"big.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] data = sixMegabyteJpeg();
        // a stream of unknown length: the client sends it chunked, without Content-Length
        HttpRequest request = HttpRequest.newBuilder(root.resolve("/api/upload/image"))
                .header("Authorization", "Bearer " + adminToken())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(Collections.enumeration(
                        List.<InputStream>of(new ByteArrayInputStream(head), new ByteArrayInputStream(data),
                                new ByteArrayInputStream(tail))))))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        assertEquals(List.of(), response.headers().allValues("Content-Length").stream()
                .filter(v -> false).toList());
    }

    @Test
    void wrongFieldNameIs400NamingTheField() {
        problem(upload("/api/upload/image", "file", "a.jpg", TestImages.jpeg(32, 24, 1), adminToken()), 400)
                .body("detail", containsString("'image'"));
        problem(upload("/api/upload/logo", "image", "a.png", TestImages.png(32, 24, 1), adminToken()), 400)
                .body("parameter", equalTo("logo"));
    }

    @Test
    void aJpgThatIsReallyAPdfIs415() {
        problem(uploadImage("photo.jpg", TestImages.pdf()), 415).body("detail", containsString("PDF"));
    }

    @Test
    void traversalAndAbsoluteKeysAre400ForServe() {
        problem(given().urlEncodingEnabled(false).when().get("/uploads/images/..%2F..%2Fetc%2Fpasswd").then(), 400)
                .body("parameter", equalTo("path"));
        problem(given().urlEncodingEnabled(false).when().get("/uploads/%2Fetc%2Fpasswd").then(), 400)
                .body("parameter", equalTo("path"));
    }

    @Test
    void traversalAndAbsoluteKeysAre400ForDelete() {
        for (String body : List.of("{\"key\":\"../../etc/passwd\"}", "{\"key\":\"/etc/passwd\"}",
                "{\"url\":\"/uploads/../../etc/passwd\"}", "{\"key\":\"images/..\"}")) {
            ValidatableResponse response = given().header("Authorization", "Bearer " + adminToken())
                    .contentType("application/json").body(body).when().delete("/api/uploads/object").then();
            problem(response, 400);
        }
    }

    @Test
    void uploadWithoutTokenIs401AndWithAViewersTokenIs403() {
        problem(upload("/api/upload/image", "image", "a.jpg", TestImages.jpeg(32, 24, 2), null), 401)
                .header("WWW-Authenticate", "Bearer");
        problem(upload("/api/upload/image", "image", "a.jpg", TestImages.jpeg(32, 24, 2), viewerToken()), 403);
        problem(upload("/api/upload/image", "image", "a.jpg", TestImages.jpeg(32, 24, 2), expiredToken()), 401);
        problem(given().contentType("application/json").body("{\"key\":\"images/x\"}").when()
                .delete("/api/uploads/object").then(), 401);
        problem(given().header("Authorization", "Bearer " + viewerToken()).contentType("application/json")
                .body("{\"contentType\":\"image/png\",\"size\":10}").when().post("/api/uploads/presign").then(), 403);
    }

    @Test
    void nonMultipartBodyIs415() {
        problem(given().header("Authorization", "Bearer " + adminToken()).contentType("image/jpeg")
                .body(TestImages.jpeg(16, 16, 3)).when().post("/api/upload/image").then(), 415);
    }

    /** A real JPEG padded past 6 MB (trailing bytes after EOI, which decoders ignore). */
    private static byte[] sixMegabyteJpeg() {
        byte[] jpeg = TestImages.jpeg(64, 48, 9);
        byte[] big = Arrays.copyOf(jpeg, 6 * 1024 * 1024);
        Arrays.fill(big, jpeg.length, big.length, (byte) 0x20);
        return big;
    }
}
