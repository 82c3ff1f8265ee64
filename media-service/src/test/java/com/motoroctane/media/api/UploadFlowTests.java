package com.motoroctane.media.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.motoroctane.common.events.InvalidationEvent;
import com.motoroctane.media.image.ImageType;
import com.motoroctane.media.image.Vips;
import com.motoroctane.media.support.MediaTest;
import com.motoroctane.media.support.MediaTestResource;
import com.motoroctane.media.support.TestImages;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/**
 * An admin uploads a real 4000×3000 photo with EXIF/GPS: every rendition is stored under a content-addressed
 * key, decodes as what it claims to be, at the right size, without metadata, and is served with immutable
 * caching, negotiation, ETag/304, Range and HEAD; the same bytes again store nothing; a delete removes
 * every rendition and announces it on the invalidation stream.
 */
@QuarkusTest
@QuarkusTestResource(MediaTestResource.class)
class UploadFlowTests extends MediaTest {

    private final Vips vips = new Vips("vips", "vipsheader", Duration.ofSeconds(60));

    @Inject
    RedisDataSource redis;

    @Test
    void aPhotoBecomesTwelveVerifiedRenditionsServedImmutableThenDeleted() throws Exception {
        byte[] photo = TestImages.jpegWithExif(4000, 3000, 42);
        assertTrue(TestImages.containsExif(photo));
        long objectsBefore = storedObjects();

        long started = System.nanoTime();
        JsonPath created = uploadImage("family car.jpg", photo).statusCode(201)
                .contentType(startsWith("application/json")).extract().jsonPath();
        long millis = (System.nanoTime() - started) / 1_000_000;

        String id = created.getString("id");
        String sha = created.getString("sha256");
        assertEquals("images/" + sha, id);
        assertEquals(4000, created.getInt("width"));
        assertEquals(3000, created.getInt("height"));
        assertEquals("webp", created.getString("format"));
        assertEquals("/uploads/" + id + "/w1280.webp", created.getString("url"));
        List<Map<String, Object>> renditions = created.getList("renditions");
        assertEquals(12, renditions.size());
        assertEquals(objectsBefore + 12, storedObjects(), "12 objects stored, nothing else (no original)");

        Map<String, String> sizes = new TreeMap<>();
        for (Map<String, Object> r : renditions) {
            String key = (String) r.get("key");
            String variant = (String) r.get("variant");
            ImageType format = ImageType.fromExtension((String) r.get("format"));
            byte[] served = given().when().get("/uploads/" + key).then().statusCode(200)
                    .header("Content-Type", format.mediaType())
                    .header("Cache-Control", "public, max-age=31536000, immutable")
                    .header("Surrogate-Key", "media:" + sha)
                    .extract().asByteArray();
            assertEquals(((Number) r.get("bytes")).longValue(), served.length, key);
            assertEquals(format, ImageType.sniff(served, served.length), key + " is a " + format);
            assertFalse(TestImages.containsExif(served), key + " carries no EXIF/GPS");
            Path file = Files.createTempFile("rendition", "." + format.extension());
            try {
                Files.write(file, served);
                Vips.Size size = vips.header(file);
                long[] expected = switch (variant) {
                    case "w320" -> new long[] {320, 240};
                    case "w640" -> new long[] {640, 480};
                    case "w1280" -> new long[] {1280, 960};
                    case "thumb" -> new long[] {300, 300};
                    default -> throw new AssertionError(variant);
                };
                assertEquals(new Vips.Size(expected[0], expected[1]), size, key);
                // a full decode, not just the header: vips reads every pixel to compute the average
                vips.run("avg", file.toString());
            } finally {
                Files.deleteIfExists(file);
            }
            sizes.put(variant + "." + format.extension(), served.length + " B");
        }
        System.out.printf("media: 4000x3000 JPEG of %d bytes uploaded and rendered in %d ms; renditions %s%n",
                photo.length, millis, sizes);

        // negotiation: AVIF, then WebP, then JPEG; the same URL for all, Vary: Accept
        String negotiated = "/uploads/" + id;
        given().header("Accept", "image/avif,image/webp,*/*").when().get(negotiated + "?w=640").then().statusCode(200)
                .header("Content-Type", "image/avif").header("Vary", "Accept")
                .header("Cache-Control", "public, max-age=31536000, immutable");
        given().header("Accept", "image/webp,*/*").when().get(negotiated + "?w=320").then().statusCode(200)
                .header("Content-Type", "image/webp").header("Vary", "Accept");
        given().header("Accept", "*/*").when().get(negotiated).then().statusCode(200)
                .header("Content-Type", "image/jpeg").header("Vary", "Accept")
                .header("Content-Length", String.valueOf(bytesOf(renditions, "w1280", "jpg")));
        given().header("Accept", "image/webp").when().get(negotiated + "/thumb").then().statusCode(200)
                .header("Content-Type", "image/webp");
        problem(given().when().get(negotiated + "?w=999").then(), 400);

        // ETag / 304
        String key = id + "/w640.webp";
        String etag = given().when().get("/uploads/" + key).then().statusCode(200).extract().header("ETag");
        assertNotNull(etag);
        given().header("If-None-Match", etag).when().get("/uploads/" + key).then().statusCode(304)
                .header("ETag", etag).body(emptyOrNullString());

        // Range
        long length = bytesOf(renditions, "w640", "webp");
        byte[] part = given().header("Range", "bytes=0-99").when().get("/uploads/" + key).then().statusCode(206)
                .header("Content-Range", "bytes 0-99/" + length).header("Content-Length", "100")
                .extract().asByteArray();
        assertEquals(100, part.length);
        assertEquals(ImageType.WEBP, ImageType.sniff(part, part.length));

        // HEAD
        given().when().head("/uploads/" + key).then().statusCode(200).header("Content-Length", String.valueOf(length))
                .header("Content-Type", "image/webp").header("ETag", etag);

        // the same bytes again: the same asset, nothing new stored
        long objects = storedObjects();
        long assets = assetCount();
        uploadImage("again.jpg", photo).statusCode(200).body("id", equalTo(id)).body("created", equalTo(false));
        assertEquals(objects, storedObjects());
        assertEquals(assets, assetCount());

        // delete by URL: every rendition goes, the record goes, an event names the surrogate key
        given().header("Authorization", "Bearer " + adminToken()).contentType("application/json")
                .body(Map.of("url", "/uploads/" + key)).when().delete("/api/uploads/object").then().statusCode(200)
                .body("success", equalTo(true)).body("id", equalTo(id)).body("deleted.size()", equalTo(12));
        assertEquals(objectsBefore, storedObjects(), "every rendition removed");
        assertNull(asset(id));
        problem(given().when().get("/uploads/" + key).then(), 404);
        problem(given().when().get(negotiated).then(), 404);
        InvalidationEvent event = lastEvent();
        assertEquals("media", event.entity());
        assertEquals("deleted", event.type());
        assertEquals(List.of(id), event.ids());
        assertEquals(List.of("media:" + sha), event.surrogateKeys());
        assertNoTempFiles();
    }

    @Test
    void readyWhenLibvipsRunsAndTheBucketAnswers() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'media' }.data.libvips", startsWith("vips-"))
                .body("checks.find { it.name == 'media' }.data.storage", equalTo("up"));
    }

    @Test
    void openApiDescribesUploadsPresignAndDelivery() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/upload/image'.post.summary", startsWith("Upload an image"))
                .body("paths.'/api/upload/logo'", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/api/uploads/presign'.post", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/uploads/{path}'.get", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void metricsCountUploadsProcessingTimeAndBytesSaved() {
        uploadImage("metrics.jpg", TestImages.jpeg(500, 400, 31)).statusCode(201);
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("media_uploads_total{kind=\"image\",result=\"stored\"}"), metrics);
        assertTrue(metrics.contains("media_processing_time_seconds_count"), "processing time");
        assertTrue(metrics.contains("media_bytes_saved_bytes_count"), "bytes saved");
        assertTrue(metrics.contains("media_processing_queue"), "queue depth");
    }

    @Test
    void aLogoFitsIn200By200AndItsRecordNamesUploaderAndOriginal() {
        JsonPath logo = upload("/api/upload/logo", "logo", "brand.png", TestImages.png(640, 320, 77), adminToken())
                .statusCode(201).extract().jsonPath();
        String id = logo.getString("id");
        assertTrue(id.startsWith("logos/"));
        assertEquals(3, logo.getList("renditions").size());
        for (Map<String, Object> r : logo.<Map<String, Object>>getList("renditions")) {
            assertEquals(200, ((Number) r.get("width")).intValue());
            assertEquals(100, ((Number) r.get("height")).intValue());
        }
        var record = asset(id);
        assertEquals("user-test", record.getString("uploaderId"));
        assertEquals("brand.png", record.getString("originalName"));
        assertEquals("image/png", record.getString("originalType"));
        assertEquals(640L, ((Number) record.get("width")).longValue());
        assertNotNull(record.get("createdAt"));
        assertNoTempFiles();
    }

    private InvalidationEvent lastEvent() throws Exception {
        List<StreamMessage<String, String, String>> all = redis.stream(String.class)
                .xrange(InvalidationEvent.STREAM, io.quarkus.redis.datasource.stream.StreamRange.of("-", "+"));
        assertFalse(all.isEmpty(), "an event on " + InvalidationEvent.STREAM);
        return new com.fasterxml.jackson.databind.ObjectMapper().findAndRegisterModules()
                .readValue(all.get(all.size() - 1).payload().get(InvalidationEvent.STREAM_FIELD), InvalidationEvent.class);
    }

    private static long bytesOf(List<Map<String, Object>> renditions, String variant, String format) {
        return renditions.stream().filter(r -> variant.equals(r.get("variant")) && format.equals(r.get("format")))
                .mapToLong(r -> ((Number) r.get("bytes")).longValue()).findFirst().orElseThrow();
    }
}
