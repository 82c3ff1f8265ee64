package com.motoroctane.media.image;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Removes the {@code EXIF} and {@code XMP } chunks from a WebP file. libvips 8.14's webpsave writes an EXIF
 * chunk even with {@code strip} (fixed in later releases), so every WebP rendition passes through here:
 * whatever the installed libvips, no WebP leaves with metadata.
 */
public final class WebpMetadata {

    private static final int VP8X_FLAG_EXIF = 0x08;
    private static final int VP8X_FLAG_XMP = 0x04;

    private WebpMetadata() {
    }

    /** Rewrites {@code file} without metadata chunks; a file that is not a well-formed WebP is left alone. */
    public static void strip(Path file) throws IOException {
        byte[] data = Files.readAllBytes(file);
        byte[] stripped = strip(data);
        if (stripped != data) {
            Files.write(file, stripped);
        }
    }

    static byte[] strip(byte[] data) {
        if (data.length < 12 || !ascii(data, 0).equals("RIFF") || !ascii(data, 8).equals("WEBP")) {
            return data;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length);
        out.write(data, 0, 12);
        boolean removed = false;
        int pos = 12;
        while (pos + 8 <= data.length) {
            String fourcc = ascii(data, pos);
            long size = ByteBuffer.wrap(data, pos + 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
            long padded = size + (size & 1);
            if (pos + 8 + padded > data.length) {
                return data; // malformed: do not guess
            }
            if (fourcc.equals("EXIF") || fourcc.equals("XMP ")) {
                removed = true;
            } else {
                int start = out.size();
                out.write(data, pos, (int) (8 + padded));
                if (fourcc.equals("VP8X")) {
                    byte[] so = out.toByteArray();
                    // flags byte follows the chunk header
                    int flags = so[start + 8] & 0xFF;
                    so[start + 8] = (byte) (flags & ~(VP8X_FLAG_EXIF | VP8X_FLAG_XMP));
                    out.reset();
                    out.write(so, 0, so.length);
                }
            }
            pos += (int) (8 + padded);
        }
        if (!removed) {
            return data;
        }
        byte[] result = out.toByteArray();
        ByteBuffer.wrap(result, 4, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(result.length - 8);
        return result;
    }

    private static String ascii(byte[] data, int at) {
        return new String(data, at, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
