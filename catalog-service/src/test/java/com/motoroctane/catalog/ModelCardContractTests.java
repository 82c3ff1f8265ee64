package com.motoroctane.catalog;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.inject.Inject;

import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.motoroctane.catalog.store.ModelSummaries;
import com.motoroctane.common.cache.Tags;
import com.motoroctane.common.catalog.CatalogFields;
import com.motoroctane.devstack.test.DevstackTestResource;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * catalog-service's side of common {@code Tags.CARD_FIELDS}: admin-service names a model's card tag
 * ({@code model-card:<id>}) for a variant write only when one of those fields changed, so the summary every model card
 * shows ({@link ModelSummaries}: starting and top price, count, the cheapest's power and mileage) must read no other
 * variant field. Copies of a seeded model's variants (every field a real variant has) are written under a model id no
 * other test reads; each field outside the card fields is changed on all of them, and the summary must stay equal;
 * each card field the summary reads, changed on the cheapest, must change it (so the comparison can fail).
 */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class ModelCardContractTests {

    @Inject
    MongoClient mongo;

    @Inject
    ModelSummaries summaries;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    @Test
    void theSummaryACardShowsReadsNoVariantFieldOutsideTheCardFields() {
        MongoCollection<Document> variants = mongo.getDatabase(database).getCollection("variants");
        String source = variants.find(eq("status", CatalogFields.ACTIVE)).sort(Sorts.ascending("id")).first().getString("modelId");
        List<Document> copies = variants.find(and(eq("modelId", source), eq("status", CatalogFields.ACTIVE)))
                .into(new ArrayList<>());
        assertTrue(copies.size() >= 2, "a seeded model with two shown variants: " + source);
        String modelId = "card-contract-" + UUID.randomUUID();
        for (int i = 0; i < copies.size(); i++) {
            copies.get(i).remove("_id");
            copies.get(i).append("id", modelId + "-" + i).append("modelId", modelId);
        }
        copies.sort(Comparator.comparingDouble(d -> ((Number) d.get("price")).doubleValue()));
        // strictly the cheapest, so the summary's power and mileage are its own whatever order ties come in
        copies.get(0).put("price", ((Number) copies.get(0).get("price")).longValue() - 1);
        String cheapest = copies.get(0).getString("id");
        variants.insertMany(copies);
        try {
            ModelSummaries.Summary before = summary(modelId);
            assertNotNull(before);
            assertEquals(copies.size(), before.variantCount());
            Set<String> fields = new TreeSet<>();
            copies.forEach(d -> fields.addAll(d.keySet()));
            fields.removeAll(Set.of("_id", "id"));
            fields.removeAll(Tags.CARD_FIELDS);
            assertTrue(fields.size() >= 10, "a seeded variant has many fields besides the card's: " + fields);
            for (String field : fields) {
                variants.updateMany(eq("modelId", modelId), Updates.set(field, "changed " + field));
                assertEquals(before, summary(modelId), field + " is not a card field, yet the model's summary changed with it");
            }

            Map<String, Object> cardFields = Map.of("price", 1L, "power", "999 bhp", "mileageCompanyClaimed", "99 kmpl",
                    "status", "inactive");
            for (Map.Entry<String, Object> e : cardFields.entrySet()) {
                Document was = variants.find(eq("id", cheapest)).first();
                variants.updateOne(eq("id", cheapest), Updates.set(e.getKey(), e.getValue()));
                assertNotEquals(before, summary(modelId), e.getKey() + " of the cheapest");
                variants.updateOne(eq("id", cheapest), Updates.set(e.getKey(), was.get(e.getKey())));
                assertEquals(before, summary(modelId), e.getKey() + " restored");
            }
        } finally {
            variants.deleteMany(eq("modelId", modelId));
            summaries.refreshModels(List.of(modelId));
        }
    }

    /** The model's summary as catalog-service computes it after a write names the model. */
    private ModelSummaries.Summary summary(String modelId) {
        summaries.refreshModels(List.of(modelId));
        return summaries.of(modelId);
    }
}
