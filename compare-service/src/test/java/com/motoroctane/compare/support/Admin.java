package com.motoroctane.compare.support;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Writes test data through admin-service's real HTTP API, as the platform's only writer. */
public final class Admin {

    private static String token;
    /** The id of the last document written, whose event {@link Events#settled} waits for. */
    static volatile String lastWritten;

    private Admin() {
    }

    public static String url() {
        return ConfigProvider.getConfig().getValue("test.admin.url", String.class);
    }

    static synchronized String token() {
        if (token == null) {
            token = given().baseUri(url()).contentType(ContentType.JSON)
                    .body(Map.of("email", CompareTestResource.ADMIN_EMAIL, "password", CompareTestResource.ADMIN_PASSWORD))
                    .post("/api/auth/login").then().statusCode(200).extract().path("token");
        }
        return token;
    }

    public static RequestSpecification as() {
        return given().baseUri(url()).contentType(ContentType.JSON).auth().oauth2(token());
    }

    /** A word of random letters, so names (and the slugs made from them) are unique per run. */
    public static String word() {
        StringBuilder s = new StringBuilder();
        for (char c : UUID.randomUUID().toString().replace("-", "").toCharArray()) {
            s.append(Character.isDigit(c) ? (char) ('g' + (c - '0')) : c);
            if (s.length() == 6) {
                break;
            }
        }
        return s.toString();
    }

    public static String brand(String name) {
        return written(as().body(Map.of("name", name)).post("/api/brands").then().statusCode(201).extract().path("id"));
    }

    private static String written(String id) {
        lastWritten = id;
        return id;
    }

    public static String model(String brandId, String name, String bodyType) {
        return written(as().body(Map.of("name", name, "brandId", brandId, "bodyType", bodyType, "heroImage", "/img/" + word() + ".webp"))
                .post("/api/models").then().statusCode(201).extract().path("id"));
    }

    public static String variant(String brandId, String modelId, String name, long price, Map<String, Object> specs) {
        Map<String, Object> body = new HashMap<>(specs);
        body.put("name", name);
        body.put("brandId", brandId);
        body.put("modelId", modelId);
        body.put("price", price);
        return written(as().body(body).post("/api/variants").then().statusCode(201).extract().path("id"));
    }

    public static void patch(String collection, String id, Map<String, Object> changes) {
        as().body(changes).patch("/api/" + collection + "/" + id).then().statusCode(200);
        written(id);
    }

    public static String comparison(String model1Id, String model2Id, int order, boolean active) {
        return written(as().body(Map.of("model1Id", model1Id, "model2Id", model2Id, "order", order, "isActive", active))
                .post("/api/popular-comparisons").then().statusCode(201).extract().path("id"));
    }
}
