package com.motoroctane.media.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;

import com.motoroctane.media.image.Kind;
import com.motoroctane.media.service.MediaService;

/**
 * The JSON an upload answers with: the previous admin app's fields ({@code url} of a WebP, {@code filename},
 * {@code processed}, {@code format}, {@code compression}) plus the asset's id, dimensions, the negotiating
 * URL and every rendition's key and URL.
 */
final class AssetView {

    private AssetView() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> of(Document asset, boolean created, MediaService media) {
        Kind kind = "logo".equals(asset.getString("kind")) ? Kind.LOGO : Kind.IMAGE;
        String main = kind.defaultVariant().name();
        List<Map<String, Object>> renditions = new ArrayList<>();
        Document mainWebp = null;
        for (Document r : (List<Document>) asset.get("renditions", List.class)) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("variant", r.getString("variant"));
            view.put("format", r.getString("format"));
            view.put("width", r.get("width"));
            view.put("height", r.get("height"));
            view.put("bytes", r.get("bytes"));
            view.put("key", r.getString("key"));
            view.put("url", media.publicUrl(r.getString("key")));
            renditions.add(view);
            if (main.equals(r.getString("variant")) && "webp".equals(r.getString("format"))) {
                mainWebp = r;
            }
        }
        long original = ((Number) asset.get("originalBytes")).longValue();
        long webp = mainWebp == null ? 0 : ((Number) mainWebp.get("bytes")).longValue();
        String key = mainWebp == null ? asset.getString("_id") : mainWebp.getString("key");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("url", media.publicUrl(key));
        out.put("key", key);
        out.put("filename", key.substring(key.lastIndexOf('/') + 1));
        out.put("processed", true);
        out.put("format", "webp");
        out.put("compression", Map.of("originalSize", original, "webpSize", webp,
                "compressionRatio", original == 0 ? 0 : Math.round(1000.0 * (original - webp) / original) / 10.0));
        out.put("id", asset.getString("_id"));
        out.put("sha256", asset.getString("sha256"));
        out.put("negotiatedUrl", "/uploads/" + asset.getString("_id"));
        out.put("width", asset.get("width"));
        out.put("height", asset.get("height"));
        out.put("originalName", asset.getString("originalName"));
        out.put("created", created);
        out.put("renditions", renditions);
        return out;
    }
}
