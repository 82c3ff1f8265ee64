package com.motoroctane.catalog.news;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The news reads' knobs ({@code catalog.news.*}, env {@code CATALOG_NEWS_*}); see application.properties. */
@ConfigMapping(prefix = "catalog.news")
public interface NewsConfig {

    /** Seconds a news answer lives in L2 (the previous system's NEWS TTL), capped at the next scheduled publishDate. */
    @WithDefault("600")
    int ttl();

    /** {@code limit} when none is given (the previous system's 10). */
    @WithDefault("10")
    int defaultLimit();

    @WithDefault("50")
    int maxLimit();

    /** Longest {@code search} accepted. */
    @WithDefault("100")
    int maxSearchLength();

    @WithDefault("5")
    int featured();

    @WithDefault("10")
    int trending();

    /** How often the view counts held in Redis are added to MongoDB's {@code articleViews}. */
    @WithDefault("30s")
    Duration viewsFlushEvery();

    /** How long the next scheduled publishDate is trusted before it is read again (events also reset it). */
    @WithDefault("60s")
    Duration scheduleRefresh();
}
