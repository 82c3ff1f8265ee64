package com.motoroctane.admin;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.motoroctane.admin.support.AdminTestResource;
import com.motoroctane.admin.support.CatalogTest;
import com.motoroctane.admin.support.Streams;
import com.motoroctane.common.cache.Tags;
import com.motoroctane.common.news.NewsFields;
import com.motoroctane.devstack.test.DevstackTestResource;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = AdminTestResource.class, scope = TestResourceScope.GLOBAL)
class NewsAdminTests extends CatalogTest {

    private static final String XSS = "<p>ok</p><script>alert(1)</script><img src=x onerror=alert(2)><a href=\"javascript:alert(3)\">x</a>";
    private static final ObjectMapper JSON = new ObjectMapper();

    private MongoCollection<Document> articles() {
        return db().getCollection(NewsFields.ARTICLES);
    }

    private static String create(String kind, Map<String, ?> body) {
        return as("editor").body(body).post("/api/admin/" + kind).then().statusCode(201).extract().path("id");
    }

    private static String category() {
        return create("categories", Map.of("name", unique("Launches")));
    }

    private static String tag() {
        return create("tags", Map.of("name", unique("SUV"), "type", "topic"));
    }

    private static String author() {
        return create("authors", Map.of("name", unique("Asha Rao"), "email", "asha@motoroctane.test", "role", "author"));
    }

    private static String model() {
        String brandId = as("admin").body(Map.of("name", unique("Brand"))).post("/api/brands").then().statusCode(201)
                .extract().path("id");
        return as("admin").body(Map.of("name", unique("Model"), "brandId", brandId)).post("/api/models").then()
                .statusCode(201).extract().path("id");
    }

    private static Map<String, Object> article(String title) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("excerpt", "What changed this week");
        body.put("contentBlocks", List.of(Map.of("type", "paragraph", "content", "<p>Hello</p>")));
        return body;
    }

    /** The last event on the stream about {@code entity} that names {@code id}. */
    private JsonNode lastEvent(String entity, String id) throws Exception {
        List<String> all = Streams.events(redis);
        for (int i = all.size() - 1; i >= 0; i--) {
            JsonNode e = JSON.readTree(all.get(i));
            if (entity.equals(e.get("entity").asText()) && e.get("ids").toString().contains("\"" + id + "\"")) {
                return e;
            }
        }
        return null;
    }

    private static List<String> keys(JsonNode event) {
        List<String> keys = new ArrayList<>();
        event.get("surrogateKeys").forEach(k -> keys.add(k.asText()));
        return keys;
    }

    @Test
    void eachKindHasTheWholeCrudCycleWithETags() {
        Map<String, Map<String, Object>> bodies = new LinkedHashMap<>();
        bodies.put("categories", Map.of("name", unique("Reviews"), "description", "Road tests", "isFeatured", true));
        bodies.put("tags", Map.of("name", unique("Electric"), "type", "topic"));
        bodies.put("authors", Map.of("name", unique("Ravi Kumar"), "email", "ravi@motoroctane.test", "role", "editor",
                "socialLinks", Map.of("twitter", "https://x.com/ravi")));
        bodies.put("articles", article(unique("Nexon facelift launched")));
        for (var entry : bodies.entrySet()) {
            String kind = entry.getKey();
            String path = "/api/admin/" + kind;
            String id = as("editor").body(entry.getValue()).post(path).then().statusCode(201).header("ETag", "\"v1\"")
                    .body("version", equalTo(1)).extract().path("id");
            as("editor").get(path + "/" + id).then().statusCode(200).header("ETag", "\"v1\"").body("id", equalTo(id))
                    .body("$", not(org.hamcrest.Matchers.hasKey("_id")));
            Object text = entry.getValue().containsKey("title") ? entry.getValue().get("title") : entry.getValue().get("name");
            as("editor").queryParam("limit", 100).queryParam("search", text.toString().substring(text.toString().length() - 8))
                    .get(path).then().statusCode(200).body("data.id", hasItem(id)).body("pagination.page", equalTo(1));
            String field = "articles".equals(kind) ? "excerpt" : "categories".equals(kind) ? "description"
                    : "tags".equals(kind) ? "type" : "bio";
            String value = "tags".equals(kind) ? "brand" : "Changed";
            as("editor").header("If-Match", "\"v1\"").body(Map.of(field, value)).patch(path + "/" + id).then()
                    .statusCode(200).header("ETag", "\"v2\"").body(field, equalTo(value));
            Map<String, Object> replaced = new HashMap<>(entry.getValue());
            replaced.remove(field);
            as("editor").header("If-Match", "\"v2\"").body(replaced).put(path + "/" + id).then().statusCode(200)
                    .header("ETag", "\"v3\"").body("$", not(org.hamcrest.Matchers.hasKey(field)));
            as("admin").header("If-Match", "\"v3\"").delete(path + "/" + id).then().statusCode(204);
            as("editor").get(path + "/" + id).then().statusCode(404).contentType("application/problem+json");
        }
    }

    @Test
    void editorsReadCreateAndEditButOnlyAdminsDelete() {
        for (String kind : List.of("articles", "categories", "tags", "authors")) {
            String path = "/api/admin/" + kind;
            as(null).get(path).then().statusCode(401).contentType("application/problem+json");
            as(null).body(Map.of("name", "x", "title", "x")).post(path).then().statusCode(401);
            Map<String, Object> body = "articles".equals(kind) ? article(unique("Roles")) : Map.of("name", unique("Roles"));
            for (String role : List.of("editor", "admin", "super_admin")) {
                as(role).get(path).then().statusCode(200);
            }
            String id = as("editor").body(body).post(path).then().statusCode(201).extract().path("id");
            as("editor").body(Map.of()).patch(path + "/" + id).then().statusCode(200);
            as("editor").delete(path + "/" + id).then().statusCode(403).contentType("application/problem+json");
            as(null).delete(path + "/" + id).then().statusCode(401);
            assertEquals(200, as("editor").get(path + "/" + id).statusCode(), "an editor's delete removes nothing");
            as("admin").delete(path + "/" + id).then().statusCode(204);
            String again = as("editor").body(body).post(path).then().statusCode(201).extract().path("id");
            as("super_admin").delete(path + "/" + again).then().statusCode(204);
        }
    }

    @Test
    void contentBlocksAreSanitisedAndPlainFieldsRejectMarkup() {
        Map<String, Object> body = article(unique("Safe article"));
        body.put("contentBlocks", List.of(Map.of("type", "paragraph", "content", XSS),
                Map.of("type", "quote", "content", "<blockquote onclick=\"x()\">Quoted</blockquote>"),
                Map.of("type", "image", "imageUrl", "/uploads/news/a.webp", "imageCaption", "Front")));
        String id = create("articles", body);
        List<Document> blocks = articles().find(Filters.eq("id", id)).first().getList("contentBlocks", Document.class);
        assertEquals(3, blocks.size());
        for (Document block : blocks.subList(0, 2)) {
            String html = block.getString("content");
            assertFalse(html.contains("<script") || html.contains("onerror") || html.contains("javascript:")
                    || html.contains("onclick"), html);
        }
        assertTrue(blocks.get(0).getString("content").contains("<p>ok</p>"), blocks.get(0).toJson());
        assertTrue(blocks.get(1).getString("content").contains("Quoted"));
        assertEquals("block-1", blocks.get(0).getString("id"), "a block sent without an id gets one");
        assertEquals("/uploads/news/a.webp", blocks.get(2).getString("imageUrl"));
        as("editor").body(Map.of("title", "<b>Bold</b> news")).post("/api/admin/articles").then().statusCode(400)
                .contentType("application/problem+json").body("parameter", equalTo("title"));
        as("editor").body(Map.of("name", "Ok", "bio", "<script>x</script>")).post("/api/admin/authors").then()
                .statusCode(400).body("parameter", equalTo("bio"));
    }

    @Test
    void badInputIs400NamingTheFieldAndWritesNothing() throws Exception {
        String categoryId = category();
        List<Object[]> cases = new ArrayList<>();
        cases.add(new Object[] {"title", Map.of("excerpt", "no title")});
        cases.add(new Object[] {"title", Map.of("title", "   ")});
        cases.add(new Object[] {"title", Map.of("title", "!!!")});
        cases.add(new Object[] {"title", Map.of("title", "x".repeat(201))});
        cases.add(new Object[] {"title", Map.of("title", Map.of("$gt", ""))});
        cases.add(new Object[] {"status", Map.of("title", "T", "status", "live")});
        cases.add(new Object[] {"publishDate", Map.of("title", "T", "status", "scheduled")});
        cases.add(new Object[] {"publishDate", Map.of("title", "T", "publishDate", "next tuesday")});
        cases.add(new Object[] {"publishDate", Map.of("title", "T", "publishDate", "2026-03-01T09:30:00")});
        cases.add(new Object[] {"slug", Map.of("title", "T", "slug", "Not A Slug")});
        cases.add(new Object[] {"slug", Map.of("title", "T", "slug", "double--dash")});
        cases.add(new Object[] {"categoryId", Map.of("title", "T", "categoryId", "category-none")});
        cases.add(new Object[] {"authorId", Map.of("title", "T", "categoryId", categoryId, "authorId", "author-none")});
        cases.add(new Object[] {"tags[0]", Map.of("title", "T", "tags", List.of("tag-none"))});
        cases.add(new Object[] {"tags", Map.of("title", "T", "tags", "one")});
        cases.add(new Object[] {"linkedCars[0]", Map.of("title", "T", "linkedCars", List.of(categoryId))});
        cases.add(new Object[] {"contentBlocks[0].type", Map.of("title", "T", "contentBlocks", List.of(Map.of("type", "video", "content", "x")))});
        cases.add(new Object[] {"contentBlocks[0].content", Map.of("title", "T", "contentBlocks", List.of(Map.of("type", "paragraph")))});
        cases.add(new Object[] {"contentBlocks[0].imageUrl", Map.of("title", "T", "contentBlocks", List.of(Map.of("type", "image")))});
        cases.add(new Object[] {"contentBlocks[0].imageUrl", Map.of("title", "T", "contentBlocks",
                List.of(Map.of("type", "image", "imageUrl", "javascript:alert(1)")))});
        cases.add(new Object[] {"contentBlocks[0].extra", Map.of("title", "T", "contentBlocks",
                List.of(Map.of("type", "paragraph", "content", "x", "extra", 1)))});
        cases.add(new Object[] {"contentBlocks[0].content", Map.of("title", "T", "contentBlocks",
                List.of(Map.of("type", "paragraph", "content", "x".repeat(20_001))))});
        cases.add(new Object[] {"featuredImage", Map.of("title", "T", "featuredImage", "//evil.example/x.png")});
        cases.add(new Object[] {"views", Map.of("title", "T", "views", 1_000_000)});
        cases.add(new Object[] {"likes", Map.of("title", "T", "likes", 5)});
        cases.add(new Object[] {"isFeatured", Map.of("title", "T", "isFeatured", "yes")});
        cases.add(new Object[] {"seoKeywords[0]", Map.of("title", "T", "seoKeywords", List.of("<b>x</b>"))});
        cases.add(new Object[] {"id", Map.of("title", "T", "id", "article-mine")});
        long articlesBefore = articles().countDocuments();
        long eventsBefore = Streams.events(redis).size();
        for (Object[] c : cases) {
            as("editor").body(c[1]).post("/api/admin/articles").then().statusCode(400)
                    .contentType("application/problem+json").body("status", equalTo(400))
                    .body("parameter", equalTo(c[0])).body("detail", containsString(c[0].toString()));
        }
        as("editor").body(Map.of("name", "Tagged", "type", "colour")).post("/api/admin/tags").then().statusCode(400)
                .body("parameter", equalTo("type"));
        as("editor").body(Map.of("name", "A", "email", "not-an-email")).post("/api/admin/authors").then().statusCode(400)
                .body("parameter", equalTo("email"));
        as("editor").body(Map.of("name", "A", "socialLinks", Map.of("twitter", "javascript:alert(1)"))).post("/api/admin/authors")
                .then().statusCode(400).body("parameter", equalTo("socialLinks.twitter"));
        as("editor").body(Map.of("name", "A", "role", "owner")).post("/api/admin/authors").then().statusCode(400)
                .body("parameter", equalTo("role"));
        as("editor").body("{\"title\":").post("/api/admin/articles").then().statusCode(400)
                .contentType("application/problem+json");
        assertEquals(articlesBefore, articles().countDocuments(), "no bad article was written");
        assertEquals(eventsBefore, Streams.events(redis).size(), "no event for a write that did not happen");
        // the same rules on an update, and the stored article is left as it was
        String id = create("articles", article(unique("Unchanged")));
        as("editor").body(Map.of("status", "scheduled")).patch("/api/admin/articles/" + id).then().statusCode(400)
                .body("parameter", equalTo("publishDate"));
        as("editor").body(Map.of("comments", 3)).patch("/api/admin/articles/" + id).then().statusCode(400)
                .body("parameter", equalTo("comments")).body("detail", containsString("set by the server"));
        as("editor").get("/api/admin/articles/" + id).then().statusCode(200).body("status", equalTo("draft"))
                .body("version", equalTo(1));
    }

    @Test
    void referencesStatusAndPublishDateAreStoredAsReadersExpect() {
        String categoryId = category();
        String tagId = tag();
        String authorId = author();
        String modelId = model();
        Map<String, Object> body = article(unique("Creta review"));
        body.put("categoryId", categoryId);
        body.put("tags", List.of(tagId, tagId));
        body.put("authorId", authorId);
        body.put("linkedCars", List.of(modelId));
        body.put("seoKeywords", List.of("creta", "review"));
        body.put("status", "scheduled");
        body.put("publishDate", "2030-01-01T05:30:00+05:30");
        String id = create("articles", body);
        Document stored = articles().find(Filters.eq("id", id)).first();
        assertEquals(List.of(tagId), stored.getList("tags", String.class), "tags are tag ids, once each");
        assertEquals(List.of(modelId), stored.getList("linkedCars", String.class));
        assertInstanceOf(Date.class, stored.get("publishDate"), "publishDate is a BSON date");
        assertEquals(java.time.Instant.parse("2030-01-01T00:00:00Z"), ((Date) stored.get("publishDate")).toInstant());
        assertEquals("scheduled", stored.getString("status"));
        // published without a date: dated now
        String now = create("articles", Map.of("title", unique("Breaking"), "status", "published", "isBreaking", true));
        assertInstanceOf(Date.class, articles().find(Filters.eq("id", now)).first().get("publishDate"));
        // a new article is a draft
        as("editor").get("/api/admin/articles/" + create("articles", article(unique("Draft")))).then()
                .body("status", equalTo("draft")).body("publishDate", nullValue());
        // a new author is active
        as("editor").get("/api/admin/authors/" + authorId).then().body("isActive", equalTo(true))
                .body("$", not(org.hamcrest.Matchers.hasKey("password")));
    }

    @Test
    void slugsAreMadeFromTheTitleKeptOnRetitleAndUnique() {
        String title = unique("Harrier EV first drive");
        String first = as("editor").body(article(title)).post("/api/admin/articles").then().statusCode(201)
                .body("slug", equalTo(title.toLowerCase().replace(' ', '-'))).extract().path("id");
        assertEquals("article-" + title.toLowerCase().replace(' ', '-'), first);
        String second = as("editor").body(article(title)).post("/api/admin/articles").then().statusCode(201)
                .body("slug", equalTo(title.toLowerCase().replace(' ', '-') + "-1")).extract().path("id");
        as("editor").body(Map.of("title", "A new headline")).patch("/api/admin/articles/" + first).then().statusCode(200)
                .body("slug", equalTo(title.toLowerCase().replace(' ', '-')));
        String own = "custom-" + unique("slug").replace(' ', '-');
        Map<String, Object> withSlug = article(unique("Anything"));
        withSlug.put("slug", own);
        String third = as("editor").body(withSlug).post("/api/admin/articles").then().statusCode(201)
                .body("slug", equalTo(own)).extract().path("id");
        assertEquals("article-" + own, third);
        as("editor").body(withSlug).post("/api/admin/articles").then().statusCode(409)
                .contentType("application/problem+json").body("parameter", equalTo("slug"));
        as("editor").body(Map.of("slug", own)).patch("/api/admin/articles/" + second).then().statusCode(409)
                .body("parameter", equalTo("slug"));
        // a category's slug follows its name, as a brand's does
        String name = unique("Auto Expo");
        String categoryId = create("categories", Map.of("name", name));
        as("editor").body(Map.of("name", name + " 2026")).patch("/api/admin/categories/" + categoryId).then()
                .statusCode(200).body("slug", equalTo(name.toLowerCase().replace(' ', '-') + "-2026"))
                .body("id", equalTo(categoryId));
    }

    @Test
    void aStaleIfMatchIs412AndChangesNothing() {
        String id = create("articles", article(unique("Versioned")));
        as("editor").header("If-Match", "\"v1\"").body(Map.of("excerpt", "two")).patch("/api/admin/articles/" + id)
                .then().statusCode(200).header("ETag", "\"v2\"");
        as("editor").header("If-Match", "\"v1\"").body(Map.of("excerpt", "three")).patch("/api/admin/articles/" + id)
                .then().statusCode(412).contentType("application/problem+json").body("parameter", equalTo("If-Match"));
        as("editor").header("If-Match", "W/\"v1\"").body(article("Whole")).put("/api/admin/articles/" + id)
                .then().statusCode(412);
        as("admin").header("If-Match", "\"v1\"").delete("/api/admin/articles/" + id).then().statusCode(412);
        as("editor").get("/api/admin/articles/" + id).then().statusCode(200).body("excerpt", equalTo("two"))
                .header("ETag", "\"v2\"");
        as("editor").header("If-Match", "\"v9\", \"v2\"").body(Map.of("excerpt", "four")).patch("/api/admin/articles/" + id)
                .then().statusCode(200).header("ETag", "\"v3\"");
    }

    @Test
    void everyWriteIsAudited() {
        String id = create("articles", article(unique("Audited")));
        as("editor").body(Map.of("excerpt", "audited")).patch("/api/admin/articles/" + id).then().statusCode(200);
        as("admin").delete("/api/admin/articles/" + id).then().statusCode(204);
        String tagId = tag();
        for (String action : List.of("create", "update", "delete")) {
            assertEquals(1, db().getCollection("auditlog").countDocuments(Filters.and(Filters.eq("entity", NewsFields.ARTICLE_ENTITY),
                    Filters.eq("entityId", id), Filters.eq("action", action))), action);
        }
        as("admin").queryParam("entity", NewsFields.ARTICLE_ENTITY).queryParam("limit", 100).get("/api/admin/audit").then()
                .statusCode(200)
                .body("data.find { it.entityId == '" + id + "' && it.action == 'update' }.diff.excerpt.to", equalTo("audited"))
                .body("data.find { it.entityId == '" + id + "' && it.action == 'update' }.actor.role", equalTo("editor"));
        assertEquals(1, db().getCollection("auditlog").countDocuments(Filters.and(Filters.eq("entity", NewsFields.TAG_ENTITY),
                Filters.eq("entityId", tagId), Filters.eq("action", "create"))));
    }

    @Test
    void writesAnnounceTheNewsTagsOnTheStream() throws Exception {
        String id = create("articles", article(unique("Evented")));
        JsonNode created = lastEvent(NewsFields.ARTICLE_ENTITY, id);
        assertNotNull(created, "an article create is announced");
        assertEquals("created", created.get("type").asText());
        assertEquals(List.of(Tags.article(id), Tags.NEWS), keys(created));
        as("editor").body(Map.of("isFeatured", true)).patch("/api/admin/articles/" + id).then().statusCode(200);
        JsonNode updated = lastEvent(NewsFields.ARTICLE_ENTITY, id);
        assertEquals("updated", updated.get("type").asText());
        assertEquals(List.of(Tags.article(id), Tags.NEWS), keys(updated), "no catalogue list is evicted by news");
        assertEquals(2, updated.get("version").asInt());
        as("admin").delete("/api/admin/articles/" + id).then().statusCode(204);
        JsonNode deleted = lastEvent(NewsFields.ARTICLE_ENTITY, id);
        assertEquals("deleted", deleted.get("type").asText());
        assertTrue(keys(deleted).containsAll(List.of(Tags.article(id), Tags.NEWS)));

        Map<String, String> taxonomy = Map.of(NewsFields.CATEGORY_ENTITY, category(), NewsFields.TAG_ENTITY, tag(),
                NewsFields.AUTHOR_ENTITY, author());
        Map<String, String> paths = Map.of(NewsFields.CATEGORY_ENTITY, "categories", NewsFields.TAG_ENTITY, "tags",
                NewsFields.AUTHOR_ENTITY, "authors");
        for (var t : taxonomy.entrySet()) {
            as("editor").body(Map.of("name", unique("Renamed"))).patch("/api/admin/" + paths.get(t.getKey()) + "/" + t.getValue())
                    .then().statusCode(200);
            JsonNode event = lastEvent(t.getKey(), t.getValue());
            assertNotNull(event, t.getKey());
            assertEquals("updated", event.get("type").asText());
            assertTrue(keys(event).containsAll(List.of(Tags.NEWS, Tags.NEWS_TAXONOMY)), event.toString());
            assertFalse(keys(event).contains(Tags.STATS) || keys(event).contains(Tags.SEARCH), event.toString());
        }
        assertEquals(0, db().getCollection(com.motoroctane.admin.events.EventPublisher.OUTBOX).countDocuments(),
                "every event was sent with its write");
    }

    @Test
    void aCategoryTagOrAuthorInUseIsNotDeleted() throws Exception {
        String categoryId = category();
        String tagId = tag();
        String authorId = author();
        Map<String, Object> body = article(unique("Referencing"));
        body.put("categoryId", categoryId);
        body.put("tags", List.of(tagId));
        body.put("authorId", authorId);
        String first = create("articles", body);
        body.put("title", unique("Referencing again"));
        String second = create("articles", body);
        long events = Streams.events(redis).size();
        for (String path : List.of("categories/" + categoryId, "tags/" + tagId, "authors/" + authorId)) {
            as("admin").delete("/api/admin/" + path).then().statusCode(409).contentType("application/problem+json")
                    .body("detail", containsString("used by 2 articles")).body("parameter", equalTo("id"));
            as("editor").get("/api/admin/" + path).then().statusCode(200);
        }
        assertEquals(events, Streams.events(redis).size(), "a refused delete announces nothing");
        as("admin").delete("/api/admin/articles/" + first).then().statusCode(204);
        as("admin").delete("/api/admin/categories/" + categoryId).then().statusCode(409)
                .body("detail", containsString("used by 1 article;"));
        as("admin").delete("/api/admin/articles/" + second).then().statusCode(204);
        for (String path : List.of("categories/" + categoryId, "tags/" + tagId, "authors/" + authorId)) {
            as("admin").delete("/api/admin/" + path).then().statusCode(204);
        }
        JsonNode event = lastEvent(NewsFields.CATEGORY_ENTITY, categoryId);
        assertEquals("deleted", event.get("type").asText());
        assertTrue(keys(event).containsAll(List.of(Tags.NEWS, Tags.NEWS_TAXONOMY)));
    }

    @Test
    void theArticleListFiltersAndPages() {
        String categoryId = category();
        String categorySlug = as("editor").get("/api/admin/categories/" + categoryId).then().extract().path("slug");
        String marker = unique("Zq").replace(' ', 'x');
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> body = article(marker + " story " + i);
            body.put("categoryId", categoryId);
            body.put("status", i == 0 ? "published" : "draft");
            ids.add(create("articles", body));
        }
        create("articles", article("Other " + marker.toUpperCase()));
        as("editor").queryParam("category", categoryId).get("/api/admin/articles").then().statusCode(200)
                .body("pagination.total", equalTo(3)).body("pagination.limit", equalTo(20))
                .body("data.id", equalTo(List.of(ids.get(2), ids.get(1), ids.get(0))));
        as("editor").queryParam("category", categorySlug).queryParam("status", "draft").get("/api/admin/articles").then()
                .statusCode(200).body("pagination.total", equalTo(2)).body("data.status", everyItem(equalTo("draft")));
        as("editor").queryParam("search", marker.toLowerCase()).get("/api/admin/articles").then().statusCode(200)
                .body("pagination.total", equalTo(4));
        as("editor").queryParam("search", marker).queryParam("limit", 3).queryParam("page", 2).get("/api/admin/articles")
                .then().statusCode(200).body("data.size()", equalTo(1)).body("pagination.pages", equalTo(2));
        as("editor").queryParam("search", ".*").get("/api/admin/articles").then().statusCode(200)
                .body("pagination.total", equalTo(0));
        as("editor").queryParam("status", "live").get("/api/admin/articles").then().statusCode(400)
                .contentType("application/problem+json").body("parameter", equalTo("status"));
        as("editor").queryParam("limit", 0).get("/api/admin/articles").then().statusCode(400).body("parameter", equalTo("limit"));
        as("editor").queryParam("limit", 101).get("/api/admin/categories").then().statusCode(400).body("parameter", equalTo("limit"));
        as("editor").queryParam("page", "x").get("/api/admin/tags").then().statusCode(400).body("parameter", equalTo("page"));
        as("editor").queryParam("type", "colour").get("/api/admin/tags").then().statusCode(400).body("parameter", equalTo("type"));
        as("editor").get("/api/admin/articles/article-none").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void theBackupCarriesTheNewsCollectionsAndImportsBackUnchanged() {
        String categoryId = category();
        Map<String, Object> body = article(unique("Backed up"));
        body.put("categoryId", categoryId);
        body.put("status", "published");
        String id = create("articles", body);
        // a counter the readers own rides along unchanged
        articles().updateOne(Filters.eq("id", id), new Document("$set", new Document("likes", 7)));
        String export = as("admin").get("/api/admin/export").then().statusCode(200).extract().asString();
        List<String> news = export.lines().filter(l -> l.contains("\"collection\": \"" + NewsFields.ARTICLES + "\"")
                || l.contains("\"collection\": \"" + NewsFields.CATEGORIES + "\"")).toList();
        assertTrue(news.stream().anyMatch(l -> l.contains("\"id\": \"" + id + "\"")), "the article is exported");
        assertTrue(news.stream().anyMatch(l -> l.contains("\"id\": \"" + categoryId + "\"")), "its category too");
        String ndjson = String.join("\n", news.stream().filter(l -> l.contains("\"id\": \"" + id + "\"")
                || l.contains("\"id\": \"" + categoryId + "\"")).toList()) + "\n";
        as("admin").queryParam("dryRun", true).contentType("application/x-ndjson").body(ndjson.getBytes(StandardCharsets.UTF_8))
                .post("/api/admin/import").then().statusCode(200)
                .body("summary.articles.unchanged", equalTo(1)).body("summary.articles.updated", equalTo(0))
                .body("summary.newsCategories.unchanged", equalTo(1));
        // an imported article is checked like a written one
        String bad = news.stream().filter(l -> l.contains("\"id\": \"" + id + "\"")).findFirst().orElseThrow()
                .replace("\"status\": \"published\"", "\"status\": \"live\"");
        as("admin").contentType("application/x-ndjson").body(bad.getBytes(StandardCharsets.UTF_8)).post("/api/admin/import")
                .then().statusCode(400).body("errors[0].field", equalTo("status"));
        as("editor").get("/api/admin/articles/" + id).then().body("status", equalTo("published")).body("likes", equalTo(7));
    }

    @Test
    void aPutKeepsTheReadersCounters() {
        String id = create("articles", article(unique("Counted")));
        articles().updateOne(Filters.eq("id", id), new Document("$set", new Document("comments", 4)));
        String slug = articles().find(Filters.eq("id", id)).first().getString("slug");
        as("editor").body(Map.of("status", "published")).patch("/api/admin/articles/" + id).then().statusCode(200);
        // a PUT replaces what clients write: a field not sent is dropped or back to its default (a draft);
        // the slug (the published URL) and the readers' counters stay
        as("editor").body(article("Counted, rewritten")).put("/api/admin/articles/" + id).then().statusCode(200)
                .body("comments", equalTo(4)).body("slug", equalTo(slug)).body("status", equalTo("draft"))
                .body("title", equalTo("Counted, rewritten"));
        Map<String, Object> published = article("Counted, published");
        published.put("status", "published");
        as("editor").body(published).put("/api/admin/articles/" + id).then().statusCode(200)
                .body("status", equalTo("published")).body("publishDate", org.hamcrest.Matchers.notNullValue());
    }
}
