package com.motoroctane.media.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;

import com.motoroctane.common.error.ProblemException;
import com.motoroctane.common.media.DemoImages;
import com.motoroctane.media.config.MediaConfig;
import com.motoroctane.media.image.Kind;
import com.motoroctane.media.image.Vips;
import com.motoroctane.media.image.Vips.VipsException;
import com.motoroctane.media.store.Assets;

/**
 * The devstack's demo catalogue names tens of thousands of image URLs; with {@code media.demo-images=true}
 * (bin/platform sets it, production leaves it off) each of them shows a real picture: common's
 * {@link DemoImages} maps the URL to a label (a brand, or a model's folder), and the first request for a
 * label draws it with libvips (its name in white on a colour of its own: 1200×675 for a model, a 400×400 logo for a brand), renders and stores it
 * like any upload and records the asset with its {@code demoLabel}. Later requests, for any URL of that
 * label, are one indexed look-up. Seeding stays as fast as before: nothing is drawn until it is asked for.
 */
@ApplicationScoped
public class DemoPictures {

    private final boolean enabled;
    private final Vips vips;
    private final MediaService media;
    private final ProcessingPool pool;
    private final Assets assets;
    private final Map<String, String> idsByLabel = new ConcurrentHashMap<>();

    public DemoPictures(MediaConfig config, Vips vips, MediaService media, ProcessingPool pool, Assets assets) {
        this.enabled = config.demoImages();
        this.vips = vips;
        this.media = media;
        this.pool = pool;
        this.assets = assets;
    }

    /** The asset a demo catalogue path shows, drawn on first use; null when demo pictures are off or the path has none. */
    public Document assetFor(String path) {
        String label = enabled ? DemoImages.label(path) : null;
        if (label == null) {
            return null;
        }
        String known = idsByLabel.get(label);
        Document asset = known != null ? assets.find(known) : assets.findByDemoLabel(label);
        if (asset == null) {
            asset = draw(label);
        }
        idsByLabel.put(label, asset.getString("_id"));
        return asset;
    }

    private Document draw(String label) {
        try {
            return pool.submit(() -> {
                Path work = Files.createTempDirectory(media.tempRoot(), "demo-");
                try {
                    Path picture = work.resolve("demo.png");
                    // a brand's picture stands for its logo: square, and rendered as a logo (fit 200x200)
                    boolean logo = label.startsWith("brand:");
                    paint(label, work, picture, logo);
                    Document asset = media.ingest(picture, logo ? Kind.LOGO : Kind.IMAGE, label + ".png", null, null).asset();
                    assets.setDemoLabel(asset.getString("_id"), label);
                    return asset;
                } finally {
                    MediaService.deleteTree(work);
                }
            }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ProblemException p) {
                throw p;
            }
            throw new IllegalStateException("Demo picture " + label + " could not be made", e.getCause());
        }
    }

    /** Background of the label's colour, its title in white, centred. */
    private void paint(String label, Path work, Path out, boolean logo) throws VipsException, IOException {
        int width = logo ? 400 : 1200;
        int height = logo ? 400 : 675;
        int[] rgb = DemoImages.colour(label);
        String black = work.resolve("black.v").toString();
        String background = work.resolve("background.v").toString();
        String text = work.resolve("text.v").toString();
        String white = work.resolve("white.v").toString();
        String coloured = work.resolve("coloured.v").toString();
        String bands = work.resolve("bands.v").toString();
        String overlay = work.resolve("overlay.v").toString();
        vips.run("black", black, Integer.toString(width), Integer.toString(height), "--bands", "3");
        vips.run("linear", black, coloured, "1 1 1", rgb[0] + " " + rgb[1] + " " + rgb[2], "--uchar");
        vips.run("copy", coloured, background, "--interpretation", "srgb");
        vips.run("text", text, DemoImages.title(label), "--width", Integer.toString(width - 160), "--dpi", logo ? "150" : "400",
                "--font", "sans bold", "--align", "centre");
        vips.run("linear", text, white, "0", "255", "--uchar");
        vips.run("bandjoin", white + " " + white + " " + white + " " + text, bands);
        vips.run("copy", bands, overlay, "--interpretation", "srgb");
        Vips.Size size = vips.header(Path.of(overlay));
        long x = Math.max(0, (width - size.width()) / 2);
        long y = Math.max(0, (height - size.height()) / 2);
        vips.run("composite2", background, overlay, out.toString(), "over", "--x", Long.toString(x), "--y", Long.toString(y));
    }
}
