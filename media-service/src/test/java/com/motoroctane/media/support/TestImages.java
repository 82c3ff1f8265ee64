package com.motoroctane.media.support;

import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Images drawn for the tests (Java2D), and the malformed files the bad-input tests send. */
public final class TestImages {

    private TestImages() {
    }

    /** A photo-like JPEG (gradient, shapes, text) of the given size, with an EXIF block carrying GPS. */
    public static byte[] jpegWithExif(int width, int height, long seed) {
        return withExif(jpeg(width, height, seed));
    }

    public static byte[] jpeg(int width, int height, long seed) {
        BufferedImage image = draw(width, height, seed, BufferedImage.TYPE_INT_RGB);
        try {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.85f);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(image, null, null), param);
            }
            writer.dispose();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] png(int width, int height, long seed) {
        BufferedImage image = draw(width, height, seed, BufferedImage.TYPE_INT_ARGB);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static BufferedImage draw(int width, int height, long seed, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        java.util.Random random = new java.util.Random(seed);
        g.setPaint(new GradientPaint(0, 0, new Color(random.nextInt(0xFFFFFF)), width, height,
                new Color(random.nextInt(0xFFFFFF))));
        g.fillRect(0, 0, width, height);
        for (int i = 0; i < 12; i++) {
            g.setColor(new Color(random.nextInt(0xFFFFFF)));
            int w = Math.max(1, width / 4);
            int h = Math.max(1, height / 4);
            g.fillOval(random.nextInt(Math.max(1, width)), random.nextInt(Math.max(1, height)), w, h);
        }
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(8, height / 8)));
        g.drawString("MotorOctane " + seed, width / 10, height / 2);
        g.dispose();
        return image;
    }

    /**
     * Inserts an APP1 EXIF segment right after the JPEG's SOI: a big-endian TIFF header whose IFD0 has an
     * Artist tag and a GPS IFD pointer, and a GPS IFD with a latitude reference: what a phone camera writes.
     */
    public static byte[] withExif(byte[] jpeg) {
        ByteBuffer tiff = ByteBuffer.allocate(64);
        tiff.put(new byte[] {'M', 'M', 0, 42}).putInt(8);           // header, IFD0 at 8
        tiff.putShort((short) 2);                                      // IFD0: 2 entries
        tiff.putShort((short) 0x013B).putShort((short) 2).putInt(4).put(new byte[] {'G', 'P', 'S', 0}); // Artist
        tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(38);  // GPS IFD at 38
        tiff.putInt(0);                                                // no IFD1
        tiff.putShort((short) 1);                                      // GPS IFD: 1 entry
        tiff.putShort((short) 1).putShort((short) 2).putInt(2).put(new byte[] {'N', 0, 0, 0}); // GPSLatitudeRef
        tiff.putInt(0);
        byte[] tiffBytes = Arrays.copyOf(tiff.array(), tiff.position());
        byte[] exifHeader = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
        int length = 2 + exifHeader.length + tiffBytes.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(exifHeader);
        out.writeBytes(tiffBytes);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** Whether {@code data} holds an EXIF block (the {@code Exif\0\0} header JPEG/WebP/AVIF all carry). */
    public static boolean containsExif(byte[] data) {
        byte[] marker = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
        outer:
        for (int i = 0; i + marker.length <= data.length; i++) {
            for (int j = 0; j < marker.length; j++) {
                if (data[i + j] != marker[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** A PNG whose IHDR declares width × height, followed by a token IDAT: a decompression bomb's header. */
    public static byte[] pngHeader(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        java.util.zip.Deflater deflater = new java.util.zip.Deflater();
        deflater.setInput(new byte[4096]);
        deflater.finish();
        byte[] idat = new byte[8192];
        int n = deflater.deflate(idat);
        chunk(out, "IDAT", Arrays.copyOf(idat, n));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(t);
        out.writeBytes(data);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** A real JPEG with an HTML page in a comment segment: valid as an image and as HTML. */
    public static byte[] jpegHtmlPolyglot() {
        byte[] jpeg = jpeg(64, 48, 7);
        byte[] html = "<html><body><script>alert(document.cookie)</script></body></html>".getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xFE); // COM
        int length = html.length + 2;
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(html);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    public static byte[] svgWithScript() {
        return ("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">"
                + "<script>alert(1)</script><rect width=\"10\" height=\"10\"/></svg>").getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] pdf() {
        return "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** The first {@code fraction} of a real JPEG: its header is intact, its data cut off. */
    public static byte[] truncatedJpeg() {
        byte[] jpeg = jpeg(800, 600, 3);
        return Arrays.copyOf(jpeg, jpeg.length / 3);
    }
}
