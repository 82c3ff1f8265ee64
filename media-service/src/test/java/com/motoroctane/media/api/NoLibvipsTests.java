package com.motoroctane.media.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.motoroctane.media.support.MediaTest;
import com.motoroctane.media.support.MediaTestResource;
import com.motoroctane.media.support.TestImages;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Without libvips the service starts, is alive, and says why it is not ready; uploads get a 503. */
@QuarkusTest
@TestProfile(NoLibvipsTests.Missing.class)
@QuarkusTestResource(MediaTestResource.class)
class NoLibvipsTests extends MediaTest {

    public static class Missing implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("media.vips.command", "/nonexistent/vips");
        }
    }

    @Test
    void aliveButNotReadyWithTheReason() {
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'media' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'media' }.data.libvips", containsString("libvips-tools"))
                .body("checks.find { it.name == 'media' }.data.storage", equalTo("up"));
        problem(uploadImage("a.jpg", TestImages.jpeg(32, 24, 4)), 503).header("Retry-After", "30")
                .body("detail", containsString("libvips"));
        assertNoTempFiles();
    }
}
