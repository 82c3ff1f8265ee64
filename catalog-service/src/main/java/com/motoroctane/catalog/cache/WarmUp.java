package com.motoroctane.catalog.cache;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.motoroctane.catalog.config.CatalogConfig;
import com.motoroctane.catalog.store.BrandNames;
import com.motoroctane.catalog.store.ModelBodyTypes;
import com.motoroctane.catalog.store.ModelSummaries;
import com.motoroctane.catalog.store.SearchIndex;

import io.quarkus.vertx.http.HttpServerStart;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;

/**
 * Fills the caches with the hottest responses (the brand list, popular and new models) and builds the
 * derived snapshots right after the HTTP server starts, off the startup path. The responses are warmed
 * by requesting them, so their cache keys are exactly the ones clients hit.
 */
@ApplicationScoped
public class WarmUp {

    private static final Logger LOG = Logger.getLogger(WarmUp.class);

    static final String[] PATHS = {
        "/api/brands", "/api/models?isPopular=true&sort=popularRank", "/api/models?isNew=true&sort=newRank", "/api/stats"
    };

    private final CatalogConfig config;
    private final Vertx vertx;
    private final ModelSummaries summaries;
    private final ModelBodyTypes bodyTypes;
    private final BrandNames brands;
    private final SearchIndex search;

    public WarmUp(CatalogConfig config, Vertx vertx, ModelSummaries summaries, ModelBodyTypes bodyTypes, BrandNames brands,
                  SearchIndex search) {
        this.config = config;
        this.vertx = vertx;
        this.summaries = summaries;
        this.bodyTypes = bodyTypes;
        this.brands = brands;
        this.search = search;
    }

    void onHttpStart(@Observes HttpServerStart start) {
        if (!config.cache().warmUp()) {
            return;
        }
        int port = start.options().getPort();
        vertx.executeBlocking(() -> {
            long began = System.nanoTime();
            int models = summaries.all().size();
            int types = bodyTypes.size();
            int brandCount = brands.size();
            int entries = search.size();
            LOG.infof("Warm-up: price summaries for %d models, %d body types, %d brands' names, search index of %d names in %d ms",
                    models, types, brandCount, entries, (System.nanoTime() - began) / 1_000_000);
            return null;
        }, false).onFailure(failure -> LOG.warnf("Warm-up of snapshots failed: %s", failure.toString()));
        var http = vertx.createHttpClient();
        for (String path : PATHS) {
            http.request(HttpMethod.GET, port, "127.0.0.1", path)
                    .compose(request -> request.send())
                    .onSuccess(response -> LOG.debugf("warmed %s: %d", path, response.statusCode()))
                    .onFailure(failure -> LOG.warnf("Warm-up of %s failed: %s", path, failure.toString()));
        }
    }
}
