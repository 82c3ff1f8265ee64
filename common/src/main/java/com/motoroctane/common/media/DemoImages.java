package com.motoroctane.common.media;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The contract between the devstack's demo catalogue and media-service's demo pictures: which image URLs
 * the seed data writes ({@code /uploads/brands/<slug>.webp}, {@code /uploads/models/<brand>-<model>/...webp},
 * gallery, colour and variant images under the model's folder) and which picture answers each. Every URL of
 * one brand logo, or of one model's folder, shows the same picture: the {@link #label} names it, and
 * media-service draws it once (the name on a coloured background), renders it like an upload and stores it.
 * Anything else (brochure PDFs, unknown folders) has no demo picture.
 */
public final class DemoImages {

    private static final Pattern BRAND_LOGO = Pattern.compile("brands/([a-z0-9][a-z0-9-]*)\\.webp");
    private static final Pattern MODEL_IMAGE = Pattern.compile("models/([a-z0-9][a-z0-9-]*)/[a-z0-9/_.-]+\\.webp");

    private DemoImages() {
    }

    /**
     * The picture a catalogue image path (without {@code /uploads/}) shows, e.g. {@code brand:tata} or
     * {@code model:tata-nexon}; null when the path is no demo image.
     */
    public static String label(String path) {
        String p = path.startsWith("/uploads/") ? path.substring("/uploads/".length()) : path;
        Matcher brand = BRAND_LOGO.matcher(p);
        if (brand.matches()) {
            return "brand:" + brand.group(1);
        }
        Matcher model = MODEL_IMAGE.matcher(p);
        if (model.matches() && !p.contains("..")) {
            return "model:" + model.group(1);
        }
        return null;
    }

    /** The text drawn for a label: its slug in words, {@code tata-nexon} → {@code Tata Nexon}. */
    public static String title(String label) {
        String slug = label.substring(label.indexOf(':') + 1);
        StringBuilder out = new StringBuilder();
        for (String word : slug.split("-")) {
            if (!word.isEmpty()) {
                out.append(out.isEmpty() ? "" : " ").append(word.substring(0, 1).toUpperCase(Locale.ROOT))
                        .append(word.substring(1));
            }
        }
        return out.toString();
    }

    /** A background colour per label (RGB, dark enough for white text), the same on every run. */
    public static int[] colour(String label) {
        int h = label.hashCode();
        return new int[] {40 + Math.floorMod(h, 140), 40 + Math.floorMod(h >> 8, 140), 40 + Math.floorMod(h >> 16, 140)};
    }
}
