package com.motoroctane.deploy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.apps.Deployment;

/** Every overlay, and the base with every combination of components, renders and parses strictly. */
class RenderTest {

    @BeforeAll
    static void needsKubectl() {
        if (Kustomize.kubectl().isEmpty()) {
            System.out.println("SKIPPED: kubectl is not on the PATH; the manifests were not rendered");
        }
        assumeTrue(Kustomize.kubectl().isPresent(), "kubectl is not on the PATH");
    }

    @Test
    void everyOverlayRendersAndParsesStrictly() {
        List<String> overlays = Kustomize.overlays();
        assertTrue(overlays.containsAll(List.of("dev", "prod")), "overlays: " + overlays);
        for (String overlay : overlays) {
            Manifests manifests = Manifests.parse(Kustomize.renderOverlay(overlay));
            assertFalse(manifests.of(Deployment.class).isEmpty(), overlay + " renders Deployments");
        }
    }

    @Test
    void everyCombinationOfComponentsRendersAndParsesStrictly() throws Exception {
        List<List<String>> combinations = Kustomize.combinations();
        assertTrue(combinations.size() == 144, "3 MongoDB x 3 Redis choices x 16 add-on subsets: " + combinations.size());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> renders = combinations.stream().map(components -> pool.submit(() -> {
                try {
                    return Manifests.parse(Kustomize.renderWith(components)).of(Deployment.class).size();
                } catch (RuntimeException | AssertionError e) {
                    throw new AssertionError("base + " + components + ": " + e.getMessage(), e);
                }
            })).toList();
            for (Future<Integer> render : renders) {
                assertTrue(render.get() >= 5, "the five services are in every combination");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
