package com.motoroctane.media.image;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The image formats accepted, decided by the file's first bytes (never by its name or declared type), and
 * the formats renditions are written in.
 */
public enum ImageType {
    JPEG("image/jpeg", "jpg"),
    PNG("image/png", "png"),
    WEBP("image/webp", "webp"),
    AVIF("image/avif", "avif");

    /** Bytes {@link #sniff} needs at most. */
    public static final int SNIFF_BYTES = 32;

    private final String mediaType;
    private final String extension;

    ImageType(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    public static ImageType fromExtension(String ext) {
        String e = ext.toLowerCase(Locale.ROOT);
        for (ImageType t : values()) {
            if (t.extension.equals(e) || (t == JPEG && e.equals("jpeg"))) {
                return t;
            }
        }
        return null;
    }

    /** The format the magic bytes of {@code head} announce, or null for anything else (SVG, PDF, HTML, ...). */
    public static ImageType sniff(byte[] head, int length) {
        if (length >= 3 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xD8 && (head[2] & 0xff) == 0xFF) {
            return JPEG;
        }
        if (length >= 8 && startsWith(head, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})) {
            return PNG;
        }
        if (length >= 12 && ascii(head, 0, 4).equals("RIFF") && ascii(head, 8, 4).equals("WEBP")) {
            return WEBP;
        }
        // ISO-BMFF: [size]ftyp<major brand>...; AVIF images and sequences
        if (length >= 12 && ascii(head, 4, 4).equals("ftyp")) {
            String brand = ascii(head, 8, 4);
            if (brand.equals("avif") || brand.equals("avis")) {
                return AVIF;
            }
        }
        return null;
    }

    /** A name for what {@code head} is when it is not an accepted image, for the error message. */
    public static String describe(byte[] head, int length) {
        String text = ascii(head, 0, Math.min(length, 16)).trim().toLowerCase(Locale.ROOT);
        if (text.startsWith("%pdf")) {
            return "a PDF document";
        }
        if (text.startsWith("<?xml") || text.startsWith("<svg")) {
            return "an SVG/XML document";
        }
        if (text.startsWith("<")) {
            return "an HTML/XML document";
        }
        if (length >= 6 && ascii(head, 0, 3).equals("GIF")) {
            return "a GIF image";
        }
        return "not a JPEG, PNG, WebP or AVIF image";
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String ascii(byte[] data, int from, int count) {
        return new String(data, from, Math.max(0, Math.min(count, data.length - from)), StandardCharsets.ISO_8859_1);
    }
}
