package com.motoroctane.media.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.motoroctane.media.config.MediaConfig;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

/**
 * Keeps the bytes of hot, small objects in memory in front of the bucket. Every key media-service serves names
 * one immutable byte sequence (content-addressed renditions), so an entry never goes stale; a delete through
 * this replica drops it at once, one through another replica within {@code media.delivery.hot-ttl}. Range
 * requests and objects above {@code hot-entry-max-bytes} always go to the bucket.
 */
@Decorator
@Priority(10)
public abstract class HotObjects implements ObjectStore {

    /** An object as held here: its bytes and type. */
    record Held(byte[] bytes, String contentType) {
    }

    private final ObjectStore bucket;
    private final Cache<String, Held> held;
    private final int entryMaxBytes;

    @Inject
    public HotObjects(@Delegate @Any ObjectStore bucket, MediaConfig config, MeterRegistry registry) {
        this.bucket = bucket;
        MediaConfig.Delivery delivery = config.delivery();
        this.entryMaxBytes = delivery.hotCacheBytes() > 0 ? delivery.hotEntryMaxBytes() : -1;
        this.held = Caffeine.newBuilder()
                .maximumWeight(Math.max(0, delivery.hotCacheBytes()))
                .weigher((String key, Held h) -> key.length() + h.bytes().length + 64)
                .expireAfterWrite(delivery.hotTtl())
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(registry, held, "media.hot.renditions");
    }

    @Override
    public Body get(String key, String range) {
        if (range != null || entryMaxBytes < 0) {
            return bucket.get(key, range);
        }
        Held hit = held.getIfPresent(key);
        if (hit != null) {
            return body(hit);
        }
        Body body = bucket.get(key, null);
        if (body == null || body.length() > entryMaxBytes) {
            return body;
        }
        byte[] bytes;
        try (InputStream in = body.stream()) {
            bytes = in.readNBytes(entryMaxBytes + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length != body.length()) {
            // the bucket sent other than it announced: serve what came, hold nothing
            return new Body(new ByteArrayInputStream(bytes), bytes.length, body.contentType(), null);
        }
        Held entry = new Held(bytes, body.contentType());
        held.put(key, entry);
        return body(entry);
    }

    @Override
    public void put(String key, Path file, String contentType, String cacheControl) {
        bucket.put(key, file, contentType, cacheControl);
        held.invalidate(key);
    }

    @Override
    public void delete(Collection<String> keys) {
        held.invalidateAll(keys);
        bucket.delete(keys);
        held.invalidateAll(keys);
    }

    /** Number of objects held (tests, metrics). */
    public long heldCount() {
        held.cleanUp();
        return held.estimatedSize();
    }

    private static Body body(Held h) {
        return new Body(new ByteArrayInputStream(h.bytes()), h.bytes().length, h.contentType(), null);
    }

    @Override
    public String presignPut(String key, String contentType, long length, Duration ttl) {
        return bucket.presignPut(key, contentType, length, ttl);
    }
}
