package com.motoroctane.media.service;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.jboss.logging.Logger;

import com.motoroctane.common.error.ProblemException;
import com.motoroctane.media.auth.AdminGuard.Uploader;
import com.motoroctane.media.config.MediaConfig;
import com.motoroctane.media.events.MediaEvents;
import com.motoroctane.media.image.ImageType;
import com.motoroctane.media.image.Kind;
import com.motoroctane.media.image.Renderer;
import com.motoroctane.media.image.Vips;
import com.motoroctane.media.image.Vips.VipsException;
import com.motoroctane.media.store.Assets;
import com.motoroctane.media.store.ObjectStore;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * What happens to an upload after it has arrived in a temporary file: checked (magic bytes, no markup, the
 * header's pixel count), hashed, rendered once per distinct original (keys are content-addressed, so a
 * second upload of the same bytes stores nothing), stored, recorded. Also deletes and presigned uploads.
 */
@ApplicationScoped
public class MediaService {

    private static final Logger LOG = Logger.getLogger(MediaService.class);
    /** Immutable: a content-addressed key's bytes never change. */
    public static final String IMMUTABLE = "public, max-age=31536000, immutable";
    /** Where presigned uploads land before {@code /api/uploads/complete} processes them. */
    public static final String INCOMING = "incoming/";
    /**
     * HTML a browser would act on. Five characters or more, so compressed image data matches one by chance
     * less than once in 10,000 uploads of 5 MB (XMP's {@code <?xpacket}/{@code <x:xmpmeta} are not listed).
     */
    private static final byte[][] MARKUP = markers("<html", "<script", "<!doctype", "<body", "<iframe",
            "<object", "<embed", "javascript:");

    private final MediaConfig config;
    private final Vips vips;
    private final Renderer renderer;
    private final ObjectStore store;
    private final Assets assets;
    private final MediaEvents events;
    private final Path tempRoot;
    private final MeterRegistry meters;
    private final Timer processing;
    private final DistributionSummary saved;

    public MediaService(MediaConfig config, Vips vips, Renderer renderer, ObjectStore store, Assets assets,
                        MediaEvents events, MeterRegistry meters) {
        this.config = config;
        this.vips = vips;
        this.renderer = renderer;
        this.store = store;
        this.assets = assets;
        this.events = events;
        this.meters = meters;
        this.tempRoot = Path.of(config.tempDir().orElse(System.getProperty("java.io.tmpdir")), "motoroctane-media");
        this.processing = Timer.builder("media.processing.time").description("time to render and store one upload")
                .register(meters);
        this.saved = DistributionSummary.builder("media.bytes.saved").baseUnit("bytes")
                .description("original bytes minus the WebP rendition's bytes, per upload").register(meters);
    }

    /** The directory every temporary file of this service lives in (tests check it is left empty). */
    public Path tempRoot() {
        try {
            Files.createDirectories(tempRoot);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create " + tempRoot, e);
        }
        return tempRoot;
    }

    public Path newTempFile() throws IOException {
        return Files.createTempFile(tempRoot(), "upload-", ".tmp");
    }

    /** The stored asset and whether this upload added it (false: the same bytes were uploaded before). */
    public record Ingested(Document asset, boolean created) {
    }

    /**
     * Checks and processes {@code original} (a temporary file the caller deletes). Client faults are 4xx
     * {@link ProblemException}s; nothing is stored unless every rendition was made.
     */
    public Ingested ingest(Path original, Kind kind, String originalName, Uploader uploader, String alias)
            throws IOException {
        if (vips.unavailable() != null) {
            throw new ProblemException(503, "not-ready", "Image processing unavailable", vips.unavailable(), null)
                    .retryAfter(30);
        }
        long bytes = Files.size(original);
        String field = kind.field();
        if (bytes == 0) {
            throw ProblemException.badParameter(field, "the file is empty");
        }
        if (bytes > config.maxBytes()) {
            throw tooLarge(field, config.maxBytes());
        }
        byte[] head = new byte[ImageType.SNIFF_BYTES];
        int read;
        try (InputStream in = Files.newInputStream(original)) {
            read = in.readNBytes(head, 0, head.length);
        }
        ImageType type = ImageType.sniff(head, read);
        if (type == null) {
            throw new ProblemException(415, "unsupported-media-type", "Unsupported image type",
                    "Parameter '" + field + "': the file is " + ImageType.describe(head, read)
                            + "; JPEG, PNG, WebP and AVIF are accepted (decided by the file's content, not its name)",
                    field);
        }
        String sha256 = scan(original, field);
        Vips.Size size;
        try {
            size = vips.header(original);
        } catch (VipsException e) {
            throw unreadable(field, e);
        }
        if (size.pixels() > config.maxPixels()) {
            throw new ProblemException(422, "image-too-large", "Image has too many pixels",
                    "Parameter '" + field + "': the image declares " + size.width() + "x" + size.height() + " = "
                            + size.pixels() + " pixels; at most " + config.maxPixels() + " are accepted", field);
        }
        String id = kind.prefix() + "/" + sha256;
        Document existing = assets.find(id);
        if (existing != null) {
            if (alias != null) {
                assets.addAlias(id, alias);
            }
            meters.counter("media.uploads", "kind", kind.field(), "result", "duplicate").increment();
            return new Ingested(existing, false);
        }
        Timer.Sample sample = Timer.start(meters);
        Path work = Files.createTempDirectory(tempRoot(), "render-");
        try {
            List<Renderer.Output> outputs;
            try {
                outputs = renderer.render(original, kind, work);
            } catch (VipsException e) {
                throw unreadable(field, e);
            }
            List<Document> renditions = new ArrayList<>();
            for (Renderer.Output out : outputs) {
                String key = id + "/" + out.variant().name() + "." + out.format().extension();
                store.put(key, out.file(), out.format().mediaType(), IMMUTABLE);
                renditions.add(new Document("variant", out.variant().name()).append("format", out.format().extension())
                        .append("width", out.width()).append("height", out.height()).append("bytes", out.bytes())
                        .append("key", key));
            }
            Document asset = Assets.newAsset(id, kind.field(), sha256, uploader == null ? null : uploader.id(),
                    uploader == null ? null : uploader.email(), safeName(originalName), type.mediaType(), bytes,
                    size.width(), size.height(), renditions);
            if (alias != null) {
                asset.put("aliases", new ArrayList<>(List.of(alias)));
            }
            if (!assets.insert(asset)) {
                // the same bytes were processed concurrently: the same keys, the same content
                if (alias != null) {
                    assets.addAlias(id, alias);
                }
                return new Ingested(assets.find(id), false);
            }
            sample.stop(processing);
            meters.counter("media.uploads", "kind", kind.field(), "result", "stored").increment();
            saved.record(Math.max(0, bytes - largestWebp(asset)));
            return new Ingested(asset, true);
        } finally {
            deleteTree(work);
        }
    }

    /** Deletes an asset named by any of its keys, its URL or an alias: every rendition, then its record. */
    public Document delete(String keyOrPath, String parameter) {
        Document asset = resolve(keyOrPath, parameter);
        if (asset == null) {
            throw ProblemException.notFound("Media object", keyOrPath);
        }
        store.delete(Assets.keys(asset));
        assets.delete(asset.getString("_id"));
        events.deleted(asset.getString("_id"), asset.getString("sha256"));
        meters.counter("media.deletes").increment();
        return asset;
    }

    /** The asset a checked key or path belongs to: {@code <kind>/<sha256>[/...]}, or an alias. Null if none. */
    public Document resolve(String key, String parameter) {
        MediaPaths.checkKey(parameter, key);
        String[] segments = key.split("/");
        if (segments.length >= 2 && Kind.ofPrefix(segments[0]) != null && segments[1].matches("[0-9a-f]{64}")) {
            return assets.find(segments[0] + "/" + segments[1]);
        }
        return assets.findByAlias(key);
    }

    /** A key given as a URL ({@code https://cdn/.../images/...}, {@code /uploads/images/...}) as a bare key. */
    public String keyOfUrl(String url) {
        String path = url;
        String base = config.storage().publicBaseUrl().orElse("");
        if (!base.isEmpty() && url.startsWith(base)) {
            path = url.substring(base.length());
        } else if (url.startsWith("http://") || url.startsWith("https://")) {
            try {
                path = URI.create(url).getPath();
            } catch (IllegalArgumentException e) {
                throw ProblemException.badParameter("url", "is not a valid URL");
            }
        }
        if (path == null) {
            throw ProblemException.badParameter("url", "has no path");
        }
        if (path.startsWith("/uploads/")) {
            path = path.substring("/uploads/".length());
        } else if (path.startsWith("/") && !base.isEmpty()) {
            path = path.substring(1);
        }
        return path;
    }

    /** The public URL of a stored object: through the CDN when {@code R2_PUBLIC_BASE_URL} is set. */
    public String publicUrl(String key) {
        return config.storage().publicBaseUrl().filter(b -> !b.isBlank())
                .map(b -> (b.endsWith("/") ? b : b + "/") + key).orElse("/uploads/" + key);
    }

    /** A presigned PUT for {@code length} bytes of {@code contentType}, landing under {@value #INCOMING}. */
    public record Presigned(String uploadUrl, String publicUrl, String key, long expiresIn) {
    }

    public Presigned presign(String filename, String contentType, Long length) {
        if (contentType == null || contentType.isBlank()) {
            throw ProblemException.badParameter("contentType", "is required");
        }
        String declared = contentType.trim().toLowerCase(Locale.ROOT);
        ImageType type = null;
        for (ImageType t : ImageType.values()) {
            if (t.mediaType().equals(declared)) {
                type = t;
            }
        }
        if (type == null) {
            throw new ProblemException(415, "unsupported-media-type", "Unsupported image type",
                    "Parameter 'contentType': '" + contentType + "' is not one of image/jpeg, image/png, image/webp, image/avif",
                    "contentType");
        }
        if (length == null || length <= 0) {
            throw ProblemException.badParameter("size", "the file's size in bytes is required (the URL is bound to it)");
        }
        if (length > config.maxBytes()) {
            throw tooLarge("size", config.maxBytes());
        }
        String key = INCOMING + UUID.randomUUID() + "." + type.extension();
        String url = store.presignPut(key, type.mediaType(), length, config.storage().presignTtl());
        // the public URL answers once /api/uploads/complete has processed the upload (an alias of the asset)
        return new Presigned(url, publicUrl(key), key, config.storage().presignTtl().toSeconds());
    }

    /**
     * Processes a presigned upload: its bytes are read from the store (at most the size limit), checked and
     * rendered like a direct upload; the unchecked original is removed either way.
     */
    public Ingested complete(String key, Kind kind, Uploader uploader, String originalName) throws IOException {
        MediaPaths.checkKey("key", key);
        if (!key.startsWith(INCOMING) || key.indexOf('/', INCOMING.length()) >= 0) {
            throw ProblemException.badParameter("key", "is not the key of a presigned upload (" + INCOMING + "<id>)");
        }
        Document done = assets.findByAlias(key);
        if (done != null) {
            return new Ingested(done, false);
        }
        ObjectStore.Head head = store.head(key);
        if (head == null) {
            throw ProblemException.notFound("Presigned upload", key);
        }
        Path file = newTempFile();
        try {
            if (head.length() > config.maxBytes()) {
                throw tooLarge("key", config.maxBytes());
            }
            ObjectStore.Body body = store.get(key, null);
            if (body == null) {
                throw ProblemException.notFound("Presigned upload", key);
            }
            try (InputStream in = body.stream(); var out = Files.newOutputStream(file)) {
                long copied = 0;
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    copied += n;
                    if (copied > config.maxBytes()) {
                        throw tooLarge("key", config.maxBytes());
                    }
                    out.write(buffer, 0, n);
                }
            }
            return ingest(file, kind, originalName, uploader, key);
        } finally {
            Files.deleteIfExists(file);
            try {
                store.delete(List.of(key));
            } catch (RuntimeException e) {
                LOG.warnf("Presigned original %s not removed: %s", key, e.toString());
            }
        }
    }

    public static ProblemException tooLarge(String parameter, long max) {
        return new ProblemException(413, "payload-too-large", "Upload too large",
                "Parameter '" + parameter + "': the file is larger than " + max + " bytes", parameter);
    }

    private static ProblemException unreadable(String field, VipsException e) {
        return new ProblemException(422, "unreadable-image", "Image cannot be decoded",
                "Parameter '" + field + "': the image is truncated or corrupt (" + e.getMessage() + ")", field);
    }

    /**
     * SHA-256 of the file, refusing any that carries HTML/SVG/script markup anywhere: such a file is a
     * polyglot (valid image and valid HTML at once), and nothing legitimate needs it.
     */
    private static String scan(Path file, String field) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        int keep = 16;
        byte[] buffer = new byte[64 * 1024 + keep];
        int carried = 0;
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer, carried, buffer.length - carried)) > 0; ) {
                digest.update(buffer, carried, n);
                int length = carried + n;
                String hit = findMarkup(buffer, length);
                if (hit != null) {
                    throw new ProblemException(415, "unsupported-media-type", "Unsupported image type",
                            "Parameter '" + field + "': the file contains markup ('" + hit
                                    + "'), as an image/HTML polyglot does; it is refused", field);
                }
                carried = Math.min(keep, length);
                System.arraycopy(buffer, length - carried, buffer, 0, carried);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String findMarkup(byte[] data, int length) {
        for (byte[] marker : MARKUP) {
            outer:
            for (int i = 0; i + marker.length <= length; i++) {
                for (int j = 0; j < marker.length; j++) {
                    byte b = data[i + j];
                    if (b >= 'A' && b <= 'Z') {
                        b = (byte) (b + 32);
                    }
                    if (b != marker[j]) {
                        continue outer;
                    }
                }
                return new String(marker, StandardCharsets.US_ASCII);
            }
        }
        return null;
    }

    private static byte[][] markers(String... words) {
        byte[][] out = new byte[words.length][];
        for (int i = 0; i < words.length; i++) {
            out[i] = words[i].getBytes(StandardCharsets.US_ASCII);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static long largestWebp(Document asset) {
        long best = 0;
        long bestWidth = -1;
        for (Document r : (List<Document>) asset.get("renditions", List.class)) {
            if ("webp".equals(r.getString("format")) && !"thumb".equals(r.getString("variant"))
                    && ((Number) r.get("width")).longValue() > bestWidth) {
                bestWidth = ((Number) r.get("width")).longValue();
                best = ((Number) r.get("bytes")).longValue();
            }
        }
        return best;
    }

    private static String safeName(String name) {
        if (name == null) {
            return null;
        }
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        return base.length() > 200 ? base.substring(0, 200) : base;
    }

    public static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.warnf("Temporary file %s not removed: %s", p, e.toString());
                }
            });
        } catch (IOException e) {
            LOG.warnf("Temporary directory %s not removed: %s", dir, e.toString());
        }
    }
}
