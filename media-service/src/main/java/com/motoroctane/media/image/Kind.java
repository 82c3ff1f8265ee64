package com.motoroctane.media.image;

import java.util.List;

/**
 * What an upload is for, which decides its renditions. The kind is the first segment of its keys
 * ({@code logos/<sha256>/logo.webp}, {@code images/<sha256>/w640.avif}).
 */
public enum Kind {
    /** Fit into 200×200, never enlarged. */
    LOGO("logos", "logo", List.of(new Variant("logo", 200, 200, false))),
    /** Widths 320, 640, 1280 (never enlarged) and a 300×300 cover thumbnail. */
    IMAGE("images", "image", List.of(
            new Variant("w320", 320, 0, false),
            new Variant("w640", 640, 0, false),
            new Variant("w1280", 1280, 0, false),
            new Variant("thumb", 300, 300, true)));

    /** Output formats, in the order content negotiation prefers them. */
    public static final List<ImageType> FORMATS = List.of(ImageType.AVIF, ImageType.WEBP, ImageType.JPEG);

    private final String prefix;
    private final String field;
    private final List<Variant> variants;

    Kind(String prefix, String field, List<Variant> variants) {
        this.prefix = prefix;
        this.field = field;
        this.variants = variants;
    }

    /**
     * One rendition size. {@code height} 0 = the width alone decides; {@code cover} = fill the box and crop
     * the centre (a thumbnail), otherwise fit inside it without enlarging.
     */
    public record Variant(String name, int width, int height, boolean cover) {
    }

    /** First key segment. */
    public String prefix() {
        return prefix;
    }

    /** The multipart field name the previous admin app sends. */
    public String field() {
        return field;
    }

    public List<Variant> variants() {
        return variants;
    }

    /** The variant served when a URL names none: the largest. */
    public Variant defaultVariant() {
        return this == LOGO ? variants.get(0) : variants.get(2);
    }

    public Variant variant(String name) {
        for (Variant v : variants) {
            if (v.name.equals(name)) {
                return v;
            }
        }
        return null;
    }

    public static Kind ofPrefix(String prefix) {
        for (Kind k : values()) {
            if (k.prefix.equals(prefix)) {
                return k;
            }
        }
        return null;
    }
}
