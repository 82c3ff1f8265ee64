package com.motoroctane.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Renders deploy/k8s with {@code kubectl kustomize} (kustomize built into kubectl): an overlay as it is, or the
 * base with any set of components through a kustomization written for it under target/.
 */
final class Kustomize {

    /** Every component, in the order an overlay lists them. */
    static final List<String> COMPONENTS = List.of("mongodb-replicaset", "managed-mongodb", "redis-sentinel",
            "managed-redis", "network-policies", "monitoring", "tracing", "backup");

    private Kustomize() {
    }

    /** The repository root (this module's parent directory). */
    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("deploy/k8s"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no deploy/k8s above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    static Path k8s() {
        return repositoryRoot().resolve("deploy/k8s");
    }

    /** kubectl on the PATH, if any. */
    static Optional<Path> kubectl() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "kubectl");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** For {@code @EnabledIf}: the tests that render need kubectl (RenderTest says so when it is missing). */
    static boolean kubectlPresent() {
        return kubectl().isPresent();
    }

    static List<String> overlays() {
        try (Stream<Path> dirs = Files.list(k8s().resolve("overlays"))) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final java.util.Map<String, String> RENDERED = new java.util.concurrent.ConcurrentHashMap<>();

    /** Rendered once per test run (the files do not change while the tests run). */
    static String renderOverlay(String overlay) {
        return RENDERED.computeIfAbsent("overlay:" + overlay, k -> render(k8s().resolve("overlays").resolve(overlay)));
    }

    /** The base with these components, in {@link #COMPONENTS} order. */
    static String renderWith(List<String> components) {
        return RENDERED.computeIfAbsent("components:" + components, k -> renderCombination(components));
    }

    private static String renderCombination(List<String> components) {
        String name = components.isEmpty() ? "base-only" : String.join("+", components);
        Path dir = repositoryRoot().resolve("deploy/target/combinations").resolve(name);
        String body = "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ../../../k8s/base\n"
                + (components.isEmpty() ? "" : "components:\n" + components.stream()
                        .map(c -> "  - ../../../k8s/components/" + c + "\n").collect(Collectors.joining()));
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("kustomization.yaml"), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return render(dir);
    }

    static String render(Path dir) {
        Path kubectl = kubectl().orElseThrow(() -> new IllegalStateException("kubectl is not on the PATH"));
        try {
            Path out = Files.createTempFile("kustomize-", ".yaml");
            Path err = Files.createTempFile("kustomize-", ".err");
            try {
                Process process = new ProcessBuilder(kubectl.toString(), "kustomize", dir.toString())
                        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("kubectl kustomize " + dir + " did not finish in 120 s");
                }
                if (process.exitValue() != 0) {
                    throw new AssertionError("kubectl kustomize " + dir + " failed: "
                            + Files.readString(err, StandardCharsets.UTF_8));
                }
                return Files.readString(out, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every combination an overlay can choose: at most one MongoDB (in-cluster replica set or managed) and one
     * Redis (Sentinel or managed), times every subset of the four independent components.
     */
    static List<List<String>> combinations() {
        List<List<String>> all = new ArrayList<>();
        List<String> mongo = java.util.Arrays.asList(null, "mongodb-replicaset", "managed-mongodb");
        List<String> redis = java.util.Arrays.asList(null, "redis-sentinel", "managed-redis");
        List<String> addOns = List.of("network-policies", "monitoring", "tracing", "backup");
        for (String m : mongo) {
            for (String r : redis) {
                for (int mask = 0; mask < 1 << addOns.size(); mask++) {
                    List<String> chosen = new ArrayList<>();
                    for (String component : COMPONENTS) {
                        int addOn = addOns.indexOf(component);
                        if (component.equals(m) || component.equals(r) || addOn >= 0 && (mask & 1 << addOn) != 0) {
                            chosen.add(component);
                        }
                    }
                    all.add(List.copyOf(chosen));
                }
            }
        }
        return all;
    }
}
