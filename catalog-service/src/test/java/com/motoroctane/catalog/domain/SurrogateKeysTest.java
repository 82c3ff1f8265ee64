package com.motoroctane.catalog.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.motoroctane.common.cache.Tags;

/** What a list keeps when its item tags do not fit: the list name, its kept tags, and the untracked marker. */
class SurrogateKeysTest {

    private static SurrogateKeys list() {
        SurrogateKeys keys = new SurrogateKeys(Tags.MODELS).keep(Tags.byPrice(Tags.MODELS));
        for (int i = 0; i < 3; i++) {
            keys.item(Tags.MODEL, new Document(Map.of("id", "model-" + i, "brandId", "brand-" + i)));
        }
        return keys;
    }

    @Test
    void everyTagWhenTheyFit() {
        assertEquals("models models:price brand-own:brand-0 brand-own:brand-1 brand-own:brand-2 model-card:model-0 model-card:model-1 model-card:model-2",
                list().header(1000), "a model's item is its card");
        SurrogateKeys variants = new SurrogateKeys(Tags.VARIANTS);
        variants.item(Tags.VARIANT, new Document(Map.of("id", "v1", "modelId", "m1", "brandId", "b1")));
        assertEquals("variants brand-own:b1 model:m1", variants.header(1000), "a variant's item: its model, which its every write names");
        SurrogateKeys brands = new SurrogateKeys(Tags.BRANDS);
        brands.item(Tags.BRAND, new Document("id", "b1"));
        assertEquals("brands brand:b1", brands.header(1000), "a brand's item keeps the brand's whole tag");
    }

    @Test
    void modelTagsGoFirstThenBrandTagsWhichMarksTheListUntracked() {
        // without model tags the items' brands are tagged brand:, which every event about their models names
        assertEquals("models models:price brand:brand-0 brand:brand-1 brand:brand-2", list().header(61));
        // without item tags only an event naming "models:items" (every event about a model or its variants) reaches it
        assertEquals("models models:items models:price", list().header(20));
    }

    @Test
    void aDetailIsTaggedByItselfAndItsParentsOwnFields() {
        Document variant = new Document(Map.of("id", "v", "modelId", "m", "brandId", "b"));
        assertEquals("variant:v brand-own:b model-own:m", new SurrogateKeys().detail(Tags.VARIANT, variant, false).header(1000));
        Document model = new Document(Map.of("id", "m", "brandId", "b"));
        assertEquals("model-own:m brand-own:b", new SurrogateKeys().detail(Tags.MODEL, model, false).header(1000));
        assertEquals("model-card:m brand-own:b", new SurrogateKeys().detail(Tags.MODEL, model, true).header(1000),
                "a model shown with its variants' price range or count: its card, which their writes name when they may change it");
        assertEquals("brand-own:b", new SurrogateKeys().detail(Tags.BRAND, new Document("id", "b"), false).header(1000));
    }

    @Test
    void aSearchHitOfAVariantIsTaggedByItselfAndByItsModelOncePastTheBudget() {
        SurrogateKeys hits = new SurrogateKeys(Tags.SEARCH);
        hits.hit(Tags.MODEL, "m1", "b1", "m1");
        hits.hit(Tags.VARIANT, "v1", "b1", "m1");
        hits.hit(Tags.VARIANT, "v2", "b1", "m1");
        assertEquals("search brand-own:b1 model-card:m1 variant:v1 variant:v2", hits.header(1000),
                "a sibling's write (model:m1) leaves it alone");
        assertEquals("search brand-own:b1 model-card:m1 model:m1", hits.header(45), "past the budget: the variants' model");
        assertEquals("search brand:b1", hits.header(20));
    }
}
