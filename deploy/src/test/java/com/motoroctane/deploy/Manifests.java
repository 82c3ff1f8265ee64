package com.motoroctane.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;

/**
 * Rendered manifests parsed strictly into fabric8's Kubernetes model: each kind to its class for its
 * apiVersion, and a field the model does not know fails (fabric8's classes keep unknown fields in an
 * "additionalProperties" map through {@code @JsonAnySetter}; that is switched off here, so Jackson's
 * FAIL_ON_UNKNOWN_PROPERTIES applies). A kind not listed fails too.
 */
final class Manifests {

    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.ofEntries(
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("apps/v1/StatefulSet", StatefulSet.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("batch/v1/Job", Job.class),
            Map.entry("batch/v1/CronJob", CronJob.class),
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class),
            Map.entry("monitoring.coreos.com/v1/PrometheusRule", PrometheusRule.class));

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** Binds to the model with no catch-all for unknown fields. */
    static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public Boolean hasAnySetter(Annotated a) {
                    return Boolean.FALSE;
                }
            });

    private final List<HasMetadata> objects;

    private Manifests(List<HasMetadata> objects) {
        this.objects = objects;
    }

    static Manifests parse(String yaml) {
        List<HasMetadata> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document == null || document.isNull() || document.isEmpty()) {
                    continue;
                }
                objects.add(bind(document));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Manifests(objects);
    }

    static HasMetadata bind(JsonNode document) {
        String type = document.path("apiVersion").asText() + "/" + document.path("kind").asText();
        Class<? extends HasMetadata> model = KINDS.get(type);
        if (model == null) {
            throw new AssertionError("no model for " + type + " (" + document.path("metadata").path("name").asText() + ")");
        }
        try {
            return STRICT.treeToValue(document, model);
        } catch (IOException e) {
            throw new AssertionError(type + " " + document.path("metadata").path("name").asText()
                    + " does not parse strictly: " + e.getMessage(), e);
        }
    }

    /** A Secret example (deploy/k8s/secrets): Secrets are never part of a rendered overlay. */
    static io.fabric8.kubernetes.api.model.Secret parseSecret(String yaml) {
        try {
            return STRICT.treeToValue(YAML.readTree(yaml), io.fabric8.kubernetes.api.model.Secret.class);
        } catch (IOException e) {
            throw new AssertionError("not a Secret: " + e.getMessage(), e);
        }
    }

    List<HasMetadata> all() {
        return objects;
    }

    <T extends HasMetadata> List<T> of(Class<T> kind) {
        return objects.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    <T extends HasMetadata> List<T> of(Class<T> kind, Predicate<T> filter) {
        return of(kind).stream().filter(filter).toList();
    }

    <T extends HasMetadata> T named(Class<T> kind, String name) {
        return of(kind).stream().filter(o -> o.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind.getSimpleName() + " " + name));
    }
}
