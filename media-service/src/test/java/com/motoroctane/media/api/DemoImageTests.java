package com.motoroctane.media.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.motoroctane.common.media.DemoImages;
import com.motoroctane.media.image.ImageType;
import com.motoroctane.media.image.Vips;
import com.motoroctane.media.support.MediaTest;
import com.motoroctane.media.support.MediaTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The devstack's demo catalogue (seeded into the test database by the devstack itself) against common's
 * {@link DemoImages} and media-service's drawing: every image URL the seed writes has a picture, brochures
 * do not, and a brand's logo and a model's images are real, served, decodable images.
 */
@QuarkusTest
@QuarkusTestResource(MediaTestResource.class)
class DemoImageTests extends MediaTest {

    @Test
    void everyImageUrlOfTheSeedCatalogueHasAPictureAndNoBrochureDoes() {
        List<String> images = new ArrayList<>();
        List<String> brochures = new ArrayList<>();
        var db = mongo.getDatabase("motoroctane");
        for (Document brand : db.getCollection("brands").find()) {
            images.add(brand.getString("logo"));
        }
        for (Document model : db.getCollection("models").find()) {
            images.add(model.getString("heroImage"));
            collect(model, images);
            brochures.add(model.getString("brochureUrl"));
        }
        for (Document variant : db.getCollection("variants").find().limit(2000)) {
            collect(variant, images);
        }
        assertTrue(images.size() > 1000, "the seed catalogue's image URLs: " + images.size());
        for (String url : images) {
            assertNotNull(DemoImages.label(url), url);
        }
        for (String url : brochures) {
            assertNull(DemoImages.label(url), url);
        }
    }

    @Test
    void aBrandLogoAndAModelsImagesAreServedAsRealPictures() throws Exception {
        var db = mongo.getDatabase("motoroctane");
        String logo = db.getCollection("brands").find().first().getString("logo");
        Document model = db.getCollection("models").find().first();
        String hero = model.getString("heroImage");

        byte[] picture = given().header("Accept", "image/webp").when().get(logo).then().statusCode(200)
                .header("Content-Type", "image/webp").header("Vary", "Accept").extract().asByteArray();
        Path file = Files.createTempFile("demo", ".webp");
        try {
            Files.write(file, picture);
            assertEquals(ImageType.WEBP, ImageType.sniff(picture, picture.length));
            assertEquals(new Vips.Size(200, 200), new Vips("vips", "vipsheader", Duration.ofSeconds(30)).header(file),
                    "a brand's picture is its logo, rendered like an uploaded logo (fit 200x200)");
            byte[] heroPicture = given().header("Accept", "image/webp").when().get(hero).then().statusCode(200)
                    .header("Content-Type", "image/webp").extract().asByteArray();
            Files.write(file, heroPicture);
            assertEquals(new Vips.Size(1200, 675), new Vips("vips", "vipsheader", Duration.ofSeconds(30)).header(file),
                    "a model's picture is a 16:9 image, never upscaled to 1280");
        } finally {
            Files.deleteIfExists(file);
        }
        String etag = given().when().get(hero).then().statusCode(200).header("Content-Type", "image/jpeg")
                .extract().header("ETag");
        long assets = assetCount();
        String other = model.getString("heroImage").replace("/hero.webp", "/variants/any-1.webp");
        given().when().get(other).then().statusCode(200).header("ETag", etag);
        assertEquals(assets, assetCount(), "every URL of one model shows the same stored picture");
        problem(given().when().get(model.getString("brochureUrl")).then(), 404);
        assertNoTempFiles();
    }

    @SuppressWarnings("unchecked")
    private static void collect(Document doc, List<String> into) {
        for (Object value : doc.values()) {
            if (value instanceof List<?> list) {
                for (Object item : list) {
                    if (item instanceof Document image && image.get("url") instanceof String url && url.startsWith("/uploads/")) {
                        into.add(url);
                    }
                }
            }
        }
    }
}
