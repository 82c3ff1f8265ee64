package com.motoroctane.common.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class DemoImagesTest {

    @Test
    void brandLogosAndEverythingInAModelsFolderHaveAPicture() {
        assertEquals("brand:maruti-suzuki", DemoImages.label("/uploads/brands/maruti-suzuki.webp"));
        assertEquals("model:tata-nexon", DemoImages.label("models/tata-nexon/hero.webp"));
        assertEquals("model:tata-nexon", DemoImages.label("/uploads/models/tata-nexon/variants/xz-plus-2.webp"));
        assertEquals("Maruti Suzuki", DemoImages.title("brand:maruti-suzuki"));
        assertArrayEquals(DemoImages.colour("brand:tata"), DemoImages.colour("brand:tata"));
    }

    @Test
    void brochuresAndStrangePathsHaveNone() {
        assertNull(DemoImages.label("/uploads/brochures/tata-nexon.pdf"));
        assertNull(DemoImages.label("/uploads/brands/Tata.webp"));
        assertNull(DemoImages.label("/uploads/models/tata-nexon/../../x.webp"));
        assertNull(DemoImages.label("/uploads/images/abc"));
    }
}
