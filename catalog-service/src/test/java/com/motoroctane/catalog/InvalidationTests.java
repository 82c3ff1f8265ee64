package com.motoroctane.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.motoroctane.cache.InvalidationConsumer;
import com.motoroctane.common.events.InvalidationEvent;
import com.motoroctane.devstack.RedisProcess;
import com.motoroctane.devstack.test.DevstackTestResource;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A committed write is announced by admin-service on the event stream; here the write is made directly in
 * MongoDB and the event appended exactly as admin-service appends it, and every read that showed the old
 * value must show the new one, while unrelated cached responses survive.
 */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class InvalidationTests {

    @Inject
    MongoClient mongo;

    @Inject
    RedisDataSource redis;

    @Inject
    ObjectMapper json;

    @Inject
    InvalidationConsumer events;

    @ConfigProperty(name = "devstack.redis.port")
    int redisPort;

    private void announce(List<String> surrogateKeys, String entity, String id) throws Exception {
        InvalidationEvent event = new InvalidationEvent(UUID.randomUUID().toString(), "updated", entity, List.of(id),
                List.of(), List.of(), surrogateKeys, 2, Instant.now());
        redis.stream(String.class).xadd(InvalidationEvent.STREAM, Map.of(InvalidationEvent.STREAM_FIELD, json.writeValueAsString(event)));
    }

    @Test
    void aPriceChangeReachesEveryReadThatShowedIt() throws Exception {
        // the cheapest variant of a model, so the model's starting price moves with it
        JsonPath brand = given().get("/api/brands?limit=1&page=3").jsonPath();
        String brandId = brand.getString("data[0].id");
        JsonPath model = given().get("/api/models?brandId=" + brandId + "&limit=1").jsonPath();
        String modelId = model.getString("data[0].id");
        Map<String, Object> cheapest = given().get("/api/variants?modelId=" + modelId + "&sort=price&limit=1")
                .jsonPath().getMap("data[0]");
        String variantId = (String) cheapest.get("id");
        long oldPrice = ((Number) cheapest.get("price")).longValue();
        long newPrice = oldPrice - 1234;

        String variantUrl = "/api/variants/" + variantId;
        String bundleUrl = "/api/pages/model/" + brand.getString("data[0].slug") + "/" + model.getString("data[0].slug");
        String cardsUrl = "/api/frontend/brands/" + brandId + "/models";
        String listUrl = "/api/variants?modelId=" + modelId + "&sort=price";
        String otherBrandUrl = "/api/brands/" + given().get("/api/brands?limit=1&page=7").jsonPath().getString("data[0].id");
        for (String url : List.of(variantUrl, bundleUrl, cardsUrl, listUrl, otherBrandUrl)) {
            given().get(url).then().statusCode(200);
            given().get(url).then().statusCode(200).header("X-Cache", "HIT");
        }
        String oldEtag = given().get(variantUrl).then().extract().header("ETag");
        assertEquals("\"v" + given().get(variantUrl).jsonPath().getLong("version") + "\"", oldEtag,
                "a document's ETag is its version, usable as If-Match at admin-service");

        MongoCollection<Document> variants = mongo.getDatabase("motoroctane").getCollection("variants");
        variants.updateOne(new Document("id", variantId),
                new Document("$set", new Document("price", newPrice)).append("$inc", new Document("version", 1)));
        // (the cheapest's price down: its model's card too, common Tags.mayChangeCard)
        announce(List.of("variant:" + variantId, "model:" + modelId, "brand:" + brandId, "model-card:" + modelId,
                "variants", "models", "search"), "variant", variantId);

        long seen = 0;
        for (int i = 0; i < 100 && seen != newPrice; i++) {
            seen = given().get(variantUrl).jsonPath().getLong("price");
            if (seen != newPrice) {
                Thread.sleep(50);
            }
        }
        assertEquals(newPrice, seen, "variant detail shows the new price");
        assertNotEquals(oldEtag, given().get(variantUrl).header("ETag"));
        assertEquals(newPrice, given().get(bundleUrl).jsonPath().getLong("pricing.price"), "model page bundle");
        assertEquals(newPrice, given().get(listUrl).jsonPath().getLong("data[0].price"), "the model's variant list");
        long card = given().get(cardsUrl).jsonPath().getList("models", Map.class).stream()
                .filter(m -> modelId.equals(m.get("id"))).map(m -> ((Number) m.get("startingPrice")).longValue()).findFirst().orElseThrow();
        assertEquals(newPrice, card, "the brand's model cards");
        // eviction is targeted: a brand the change does not touch stays cached
        given().get(otherBrandUrl).then().header("X-Cache", "HIT");
        assertTrue(redis.set(String.class).smembers("catalog:tag:variant:" + variantId).stream()
                .anyMatch(k -> k.startsWith("catalog:variants:variant/" + variantId)), "L2 entries are indexed by surrogate key");
    }

    @Test
    void searchResultsFollowARename() throws Exception {
        Map<String, Object> m = given().get("/api/models?isNew=true&limit=1").jsonPath().getMap("data[0]");
        String id = (String) m.get("id");
        String newName = "Zyxwv " + UUID.randomUUID().toString().substring(0, 6);
        given().queryParam("q", newName).get("/api/search").then().statusCode(200).body("data.size()", equalTo(0));
        mongo.getDatabase("motoroctane").getCollection("models")
                .updateOne(new Document("id", id), new Document("$set", new Document("name", newName)));
        announce(List.of("model:" + id, "brand:" + m.get("brandId"), "models", "search", "pages"), "model", id);
        List<String> found = List.of();
        for (int i = 0; i < 100 && found.isEmpty(); i++) {
            found = given().queryParam("q", newName).get("/api/search").jsonPath().getList("data.id", String.class);
            if (found.isEmpty()) {
                Thread.sleep(50);
            }
        }
        assertEquals(id, found.get(0), "the renamed model leads; its variants, named after it, follow");
        assertTrue(found.stream().allMatch(hit -> hit.equals(id) || hit.startsWith("variant-") && hit.contains(id.substring("model-".length()))));
    }

    @Test
    void eventsMissedWhileRedisWasGoneFlushEverything() throws Exception {
        announce(List.of("stats"), "brand", "brand-none");
        for (int i = 0; i < 100 && events.lastEventId() != null && redis.stream(String.class).xlen(InvalidationEvent.STREAM) > 0
                && !isLast(events.lastEventId()); i++) {
            Thread.sleep(20);
        }
        double before = flushes();
        RedisProcess.command(redisPort, "SHUTDOWN NOSAVE"); // the stream, and the id we stopped at, are gone
        new RedisProcess(redisPort, Files.createTempDirectory("redis-restart")).start();
        double after = before;
        for (int i = 0; i < 150 && after == before; i++) {
            Thread.sleep(100);
            after = flushes();
        }
        assertEquals(before + 1, after, "a gap that cannot be replayed is answered with a full flush");
        given().get("/api/stats").then().statusCode(200).header("X-Cache", "MISS");
    }

    private boolean isLast(String id) {
        var newest = redis.stream(String.class).xrevrange(InvalidationEvent.STREAM,
                io.quarkus.redis.datasource.stream.StreamRange.of("-", "+"), 1);
        return !newest.isEmpty() && newest.get(0).id().equals(id);
    }

    private static double flushes() {
        String metrics = given().get("/q/metrics").asString();
        return metrics.lines().filter(l -> l.startsWith("catalog_invalidation_flushes_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
