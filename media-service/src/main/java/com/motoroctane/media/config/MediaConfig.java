package com.motoroctane.media.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Every limit and location of media-service ({@code media.*}, env {@code MEDIA_*}; storage under {@code R2_*}). */
@ConfigMapping(prefix = "media")
public interface MediaConfig {

    /** Largest upload accepted, counted while it streams in (bytes). */
    @WithDefault("5242880")
    long maxBytes();

    /** Largest image accepted, width × height as its header declares, checked before any decode. */
    @WithDefault("40000000")
    long maxPixels();

    /** Where uploads and renditions are written while they are processed; every file is removed afterwards. */
    Optional<String> tempDir();

    /** Draw a picture for every image URL of the devstack's demo catalogue on first request (service/DemoPictures). */
    @WithDefault("false")
    boolean demoImages();

    /** The libvips command line tools. */
    Vips vips();

    Workers workers();

    Delivery delivery();

    interface Delivery {
        /**
         * Bytes of hot renditions held in memory (0 = none), so a popular image is not read from the bucket on
         * every request that misses the CDN. Rendition keys name immutable bytes; a delete drops them here.
         */
        @WithDefault("67108864")
        long hotCacheBytes();

        /** Larger objects are always streamed from the bucket. */
        @WithDefault("1048576")
        int hotEntryMaxBytes();

        /** How long another replica may still serve an image deleted elsewhere, at most. */
        @WithDefault("10m")
        Duration hotTtl();
    }

    Storage storage();

    Auth auth();

    Events events();

    interface Events {
        /** Approximate cap of the invalidation stream when this service appends to it (as admin-service does). */
        @WithDefault("100000")
        long streamMaxLength();
    }

    interface Vips {
        @WithDefault("vips")
        String command();

        @WithDefault("vipsheader")
        String headerCommand();

        /** How long one vips call may take before it is killed and the upload refused. */
        @WithDefault("120s")
        Duration timeout();
    }

    interface Workers {
        /** Concurrent processing jobs; 0 = the number of available processors. */
        @WithDefault("0")
        int threads();

        /** Jobs that may wait for a worker; beyond that an upload is answered 503 with Retry-After. */
        @WithDefault("16")
        int queue();

        @WithDefault("5")
        int retryAfterSeconds();
    }

    interface Storage {
        String bucket();

        /** S3 API endpoint (R2: https://&lt;account&gt;.r2.cloudflarestorage.com; devstack: S3Proxy). */
        String endpoint();

        @WithDefault("auto")
        String region();

        String accessKeyId();

        String secretAccessKey();

        /** The CDN origin of public URLs; empty = paths relative to this service ({@code /uploads/...}). */
        Optional<String> publicBaseUrl();

        /** Validity of a presigned PUT URL. */
        @WithDefault("600s")
        Duration presignTtl();
    }

    interface Auth {
        /** Roles of admin-service's tokens that may upload and delete. */
        @WithDefault("admin,super_admin")
        java.util.List<String> writerRoles();
    }
}
