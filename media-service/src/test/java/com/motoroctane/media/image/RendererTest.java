package com.motoroctane.media.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.motoroctane.media.support.TestImages;

/** The libvips pipeline itself, with the real {@code vips} binary on small images. */
class RendererTest {

    private final Vips vips = new Vips("vips", "vipsheader", Duration.ofSeconds(60));
    private final Renderer renderer = new Renderer(vips);

    @Test
    void libvipsIsPresent() {
        assertNull(vips.unavailable(), "libvips must be installed to run these tests (apt-get install -y libvips-tools)");
    }

    @Test
    void imageRenditionsAreNeverEnlargedAndCarryNoExif(@TempDir Path dir) throws Exception {
        byte[] original = TestImages.jpegWithExif(800, 600, 11);
        assertTrue(TestImages.containsExif(original), "the fixture carries EXIF");
        Path file = dir.resolve("original");
        Files.write(file, original);

        List<Renderer.Output> outputs = renderer.render(file, Kind.IMAGE, dir);

        assertEquals(12, outputs.size(), "4 sizes x 3 formats");
        Map<String, List<Renderer.Output>> byVariant = outputs.stream()
                .collect(Collectors.groupingBy(o -> o.variant().name()));
        assertSize(byVariant.get("w320"), 320, 240);
        assertSize(byVariant.get("w640"), 640, 480);
        assertSize(byVariant.get("w1280"), 800, 600); // not enlarged
        assertSize(byVariant.get("thumb"), 300, 300);
        for (Renderer.Output out : outputs) {
            byte[] bytes = Files.readAllBytes(out.file());
            assertEquals(out.format(), ImageType.sniff(bytes, bytes.length), out.file() + " is what its name says");
            assertEquals(new Vips.Size(out.width(), out.height()), vips.header(out.file()), out.file() + " decodes");
            assertFalse(TestImages.containsExif(bytes), out.file() + " has no EXIF");
        }
        assertFalse(Files.exists(dir.resolve("w320.v")), "intermediate files are removed");
    }

    @Test
    void logosFitIn200By200(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("logo");
        Files.write(file, TestImages.png(600, 300, 5));
        List<Renderer.Output> outputs = renderer.render(file, Kind.LOGO, dir);
        assertEquals(3, outputs.size());
        assertSize(outputs, 200, 100);
    }

    @Test
    void aTruncatedJpegIsRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("truncated");
        Files.write(file, TestImages.truncatedJpeg());
        assertEquals(new Vips.Size(800, 600), vips.header(file), "its header alone is intact");
        assertThrows(Vips.VipsException.class, () -> renderer.render(file, Kind.IMAGE, dir));
    }

    private static void assertSize(List<Renderer.Output> outputs, long width, long height) {
        assertEquals(3, outputs.size());
        for (Renderer.Output out : outputs) {
            assertEquals(width, out.width(), out.variant() + " width");
            assertEquals(height, out.height(), out.variant() + " height");
        }
    }
}
