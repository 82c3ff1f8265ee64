package com.motoroctane.media.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.motoroctane.media.image.Vips.VipsException;

/**
 * Makes an upload's renditions with libvips: each {@link Kind.Variant} is resized once (shrink-on-load,
 * EXIF orientation applied, refused if the data is truncated or corrupt), then saved as AVIF, WebP and JPEG
 * with every metadata block (EXIF, GPS, XMP, ICC) stripped ({@link WebpMetadata} makes sure of it for WebP).
 */
@ApplicationScoped
public class Renderer {

    /** One file written. */
    public record Output(Kind.Variant variant, ImageType format, long width, long height, Path file, long bytes) {
    }

    private final Vips vips;

    public Renderer(Vips vips) {
        this.vips = vips;
    }

    /** Writes every rendition of {@code original} into {@code workDir} (which the caller removes). */
    public List<Output> render(Path original, Kind kind, Path workDir) throws VipsException, IOException {
        List<Output> outputs = new ArrayList<>();
        for (Kind.Variant variant : kind.variants()) {
            Path resized = workDir.resolve(variant.name() + ".v");
            List<String> args = new ArrayList<>(List.of("thumbnail", original.toString(), resized.toString(),
                    Integer.toString(variant.width()),
                    "--height", Integer.toString(variant.height() == 0 ? 10_000_000 : variant.height()),
                    "--fail-on", "truncated", "--export-profile", "srgb"));
            if (variant.cover()) {
                args.addAll(List.of("--crop", "centre"));
            } else {
                args.addAll(List.of("--size", "down"));
            }
            vips.run(args.toArray(String[]::new));
            Vips.Size size = vips.header(resized);
            for (ImageType format : Kind.FORMATS) {
                Path out = workDir.resolve(variant.name() + "." + format.extension());
                vips.run("copy", resized.toString(), out + saveOptions(format));
                if (format == ImageType.WEBP) {
                    WebpMetadata.strip(out);
                }
                outputs.add(new Output(variant, format, size.width(), size.height(), out, Files.size(out)));
            }
            Files.deleteIfExists(resized);
        }
        return outputs;
    }

    /** Quality settings per format (sharp's defaults, roughly); {@code strip} drops EXIF/GPS/XMP/ICC. */
    static String saveOptions(ImageType format) {
        return switch (format) {
            case AVIF -> "[Q=50,effort=2,strip]";
            case WEBP -> "[Q=80,effort=4,strip]";
            case JPEG -> "[Q=82,optimize_coding,interlace,strip,background=255]";
            case PNG -> "[strip]";
        };
    }
}
