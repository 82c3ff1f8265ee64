package com.motoroctane.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;

/**
 * Every environment variable a service's application.properties reads is set in its ConfigMap or by a Secret
 * reference, in every overlay; and every Secret the manifests reference (by key) is documented in
 * deploy/k8s/secrets/secret-<name>.example.yaml with that key, so an operator knows what to create.
 */
@EnabledIf("com.motoroctane.deploy.Kustomize#kubectlPresent")
class EnvCoverageTest {

    @ParameterizedTest
    @MethodSource("com.motoroctane.deploy.Kustomize#overlays")
    void everyVariableAServiceReadsIsSet(String overlay) {
        Manifests manifests = Manifests.parse(Kustomize.renderOverlay(overlay));
        for (String service : ServiceConfig.SERVICES) {
            Container app = manifests.named(Deployment.class, service).getSpec().getTemplate().getSpec().getContainers().get(0);
            Set<String> set = new TreeSet<>();
            for (EnvFromSource from : app.getEnvFrom()) {
                assertTrue(from.getConfigMapRef() != null, service + ": envFrom only from ConfigMaps (Secrets by key)");
                set.addAll(manifests.named(ConfigMap.class, from.getConfigMapRef().getName()).getData().keySet());
            }
            app.getEnv().forEach(e -> set.add(e.getName()));
            Set<String> missing = new TreeSet<>(ServiceConfig.of(service).environmentVariables());
            missing.removeAll(set);
            assertEquals(Set.of(), missing, overlay + ": " + service + " reads these but its ConfigMap and env do not set them");
        }
    }

    @Test
    void placeholdersAreFoundInApplicationProperties() {
        // the check above is only as good as this extraction
        Set<String> catalog = ServiceConfig.of("catalog-service").environmentVariables();
        assertTrue(catalog.containsAll(Set.of("MONGODB_URI", "REDIS_URL", "CATALOG_CURSOR_SECRET", "REDIS_CLIENT_TYPE")), catalog.toString());
        assertTrue(ServiceConfig.of("media-service").environmentVariables().contains("R2_SECRET_ACCESS_KEY"));
    }

    @Test
    void everyReferencedSecretAndKeyIsDocumented() {
        Map<String, Set<String>> documented = documentedSecrets();
        Map<String, Set<String>> referenced = new HashMap<>();
        List<String> renders = new java.util.ArrayList<>();
        Kustomize.overlays().forEach(o -> renders.add(Kustomize.renderOverlay(o)));
        // the managed components and backups reference Secrets of their own
        renders.add(Kustomize.renderWith(List.of("managed-mongodb", "managed-redis", "backup")));
        for (String yaml : renders) {
            for (HasMetadata object : Manifests.parse(yaml).all()) {
                PodSpec pod = podSpec(object);
                if (pod != null) {
                    Stream.concat(pod.getContainers().stream(), pod.getInitContainers().stream()).forEach(c -> {
                        for (EnvVar env : c.getEnv()) {
                            SecretKeySelector ref = env.getValueFrom() == null ? null : env.getValueFrom().getSecretKeyRef();
                            if (ref != null) {
                                referenced.computeIfAbsent(ref.getName(), n -> new TreeSet<>()).add(ref.getKey());
                            }
                        }
                    });
                    for (Volume volume : pod.getVolumes()) {
                        if (volume.getSecret() != null) {
                            Set<String> keys = referenced.computeIfAbsent(volume.getSecret().getSecretName(), n -> new TreeSet<>());
                            volume.getSecret().getItems().forEach(i -> keys.add(i.getKey()));
                        }
                    }
                }
                if (object instanceof Ingress ingress) {
                    ingress.getSpec().getTls().forEach(t -> referenced.computeIfAbsent(t.getSecretName(), n -> new TreeSet<>()));
                }
            }
        }
        assertTrue(referenced.keySet().containsAll(Set.of("redis-auth", "mongodb-users", "admin-service-jwt", "managed-mongodb")),
                "the references are found: " + referenced.keySet());
        referenced.forEach((secret, keys) -> {
            assertTrue(documented.containsKey(secret), "Secret " + secret + " has no deploy/k8s/secrets/secret-" + secret + ".example.yaml");
            assertTrue(documented.get(secret).containsAll(keys), secret + ": keys " + keys + " vs documented " + documented.get(secret));
        });
    }

    private static PodSpec podSpec(HasMetadata object) {
        if (object instanceof Deployment d) {
            return d.getSpec().getTemplate().getSpec();
        }
        if (object instanceof StatefulSet s) {
            return s.getSpec().getTemplate().getSpec();
        }
        if (object instanceof Job j) {
            return j.getSpec().getTemplate().getSpec();
        }
        if (object instanceof CronJob c) {
            return c.getSpec().getJobTemplate().getSpec().getTemplate().getSpec();
        }
        return null;
    }

    private static Map<String, Set<String>> documentedSecrets() {
        Map<String, Set<String>> secrets = new HashMap<>();
        Path dir = Kustomize.k8s().resolve("secrets");
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("secret-.+\\.example\\.yaml")).toList()) {
                io.fabric8.kubernetes.api.model.Secret secret = Manifests.parseSecret(Files.readString(file));
                assertEquals("secret-" + secret.getMetadata().getName() + ".example.yaml", file.getFileName().toString());
                secrets.put(secret.getMetadata().getName(), new TreeSet<>(secret.getStringData().keySet()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return secrets;
    }
}
