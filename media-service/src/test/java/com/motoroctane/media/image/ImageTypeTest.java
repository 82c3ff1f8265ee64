package com.motoroctane.media.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.motoroctane.media.support.TestImages;

class ImageTypeTest {

    private static ImageType sniff(byte[] data) {
        return ImageType.sniff(data, data.length);
    }

    @Test
    void magicBytesDecideTheType() {
        assertEquals(ImageType.JPEG, sniff(TestImages.jpeg(8, 8, 1)));
        assertEquals(ImageType.PNG, sniff(TestImages.png(8, 8, 1)));
        assertEquals(ImageType.WEBP, sniff("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(ImageType.AVIF, sniff("\0\0\0\u001cftypavif\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void documentsAndSvgAreNoImage() {
        assertNull(sniff(TestImages.pdf()));
        assertNull(sniff(TestImages.svgWithScript()));
        assertNull(sniff("<html><body>".getBytes(StandardCharsets.US_ASCII)));
        assertNull(sniff(new byte[0]));
        assertNull(sniff("\0\0\0\u001cftypheic\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals("a PDF document", ImageType.describe(TestImages.pdf(), 16));
        assertEquals("an SVG/XML document", ImageType.describe(TestImages.svgWithScript(), 16));
    }
}
