package com.motoroctane.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;

/**
 * The prod overlay's NetworkPolicies allow exactly the edges of the architecture between the platform's pods:
 * the ones each service's configuration names (upstream URLs, MongoDB, Redis, the trace collector), the data
 * tier's own replication, and nothing else; from outside the namespace only the ingress controller reaches
 * the gateway's public port, and Prometheus the metrics ports.
 */
class NetworkPolicyTest {

    /** Who may open a connection to whom, among the platform's own workloads. */
    private static final Set<String> ARCHITECTURE = new TreeSet<>(List.of(
            "gateway -> catalog-service", "gateway -> compare-service", "gateway -> admin-service", "gateway -> media-service",
            "gateway -> redis", "gateway -> redis-sentinel", "gateway -> otel-collector",
            "catalog-service -> mongodb", "catalog-service -> redis", "catalog-service -> redis-sentinel",
            "catalog-service -> otel-collector",
            "compare-service -> catalog-service", "compare-service -> redis", "compare-service -> redis-sentinel",
            "compare-service -> otel-collector",
            "admin-service -> mongodb", "admin-service -> redis", "admin-service -> redis-sentinel", "admin-service -> otel-collector",
            "media-service -> admin-service", "media-service -> mongodb", "media-service -> redis", "media-service -> redis-sentinel",
            "media-service -> otel-collector",
            "mongodb -> mongodb", "mongodb-rs-init -> mongodb", "mongodb-backup -> mongodb",
            "redis -> redis", "redis -> redis-sentinel", "redis-sentinel -> redis", "redis-sentinel -> redis-sentinel"));

    private static final Pattern SERVICE_URL = Pattern.compile("https?://([a-z0-9-]+)(?=[:/]|$)");

    private record Workload(String name, Map<String, String> labels, List<ContainerPort> ports) {
    }

    private static Manifests prod;

    @BeforeAll
    static void render() {
        assumeTrue(Kustomize.kubectl().isPresent(), "kubectl is not on the PATH");
        prod = Manifests.parse(Kustomize.renderOverlay("prod"));
    }

    @Test
    void policiesAllowExactlyTheArchitecturesEdges() {
        List<Workload> workloads = workloads(prod);
        List<NetworkPolicy> policies = prod.of(NetworkPolicy.class);
        Set<String> allowed = new TreeSet<>();
        for (Workload from : workloads) {
            for (Workload to : workloads) {
                if (to.ports().stream().anyMatch(p -> egressAllows(policies, from, to, p) && ingressAllows(policies, from, to, p))) {
                    allowed.add(from.name() + " -> " + to.name());
                }
            }
        }
        assertEquals(ARCHITECTURE, allowed);
    }

    @Test
    void theServicesEdgesAreTheOnesTheirConfigurationNames() {
        Set<String> names = new TreeSet<>();
        workloads(prod).forEach(w -> names.add(w.name()));
        Set<String> derived = new TreeSet<>();
        for (String service : ServiceConfig.SERVICES) {
            ServiceConfig config = ServiceConfig.of(service);
            ConfigMap map = prod.named(ConfigMap.class, service + "-config");
            for (String value : map.getData().values()) {
                Matcher m = SERVICE_URL.matcher(value);
                while (m.find()) {
                    if (names.contains(m.group(1))) {
                        derived.add(service + " -> " + m.group(1));
                    }
                }
            }
            if (config.usesMongoDb()) {
                derived.add(service + " -> mongodb");
            }
            if (config.usesRedis()) {
                derived.add(service + " -> redis");
                derived.add(service + " -> redis-sentinel");
            }
        }
        Set<String> fromServices = new TreeSet<>();
        ARCHITECTURE.stream().filter(e -> ServiceConfig.SERVICES.contains(e.substring(0, e.indexOf(' ')))).forEach(fromServices::add);
        assertEquals(fromServices, derived);
    }

    @Test
    void fromOutsideOnlyTheIngressReachesTheGatewayAndPrometheusTheMetrics() {
        Map<String, Integer> metricsPorts = Map.of("gateway", 9080, "catalog-service", 8081, "compare-service", 8082,
                "admin-service", 8083, "media-service", 8084, "otel-collector", 8888);
        for (NetworkPolicy policy : prod.of(NetworkPolicy.class)) {
            String target = policy.getSpec().getPodSelector().getMatchLabels() == null ? "*"
                    : policy.getSpec().getPodSelector().getMatchLabels().getOrDefault("app.kubernetes.io/name", "*");
            policy.getSpec().getIngress().forEach(rule -> rule.getFrom().forEach(peer -> {
                assertTrue(peer.getIpBlock() == null, policy.getMetadata().getName() + " admits an IP block");
                if (peer.getNamespaceSelector() != null) {
                    String namespace = peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name");
                    List<Integer> ports = rule.getPorts().stream().map(p -> p.getPort().getIntVal()).toList();
                    if ("ingress-nginx".equals(namespace)) {
                        assertEquals("gateway", target, "only the gateway is reachable from the ingress controller");
                        assertEquals(List.of(8080), ports);
                    } else {
                        assertEquals("monitoring", namespace, policy.getMetadata().getName());
                        assertEquals(List.of(metricsPorts.get(target)), ports, target + ": Prometheus reaches only its metrics port");
                    }
                }
            }));
        }
    }

    private static List<Workload> workloads(Manifests manifests) {
        List<Workload> all = new ArrayList<>();
        for (HasMetadata o : manifests.all()) {
            PodTemplateSpec template = o instanceof Deployment d ? d.getSpec().getTemplate()
                    : o instanceof StatefulSet s ? s.getSpec().getTemplate()
                    : o instanceof Job j ? j.getSpec().getTemplate()
                    : o instanceof CronJob c ? c.getSpec().getJobTemplate().getSpec().getTemplate() : null;
            if (template != null) {
                List<ContainerPort> ports = template.getSpec().getContainers().stream().map(Container::getPorts)
                        .flatMap(List::stream).toList();
                all.add(new Workload(o.getMetadata().getName(), template.getMetadata().getLabels(), ports));
            }
        }
        return all;
    }

    private static boolean selects(LabelSelector selector, Map<String, String> labels) {
        assertTrue(selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty(), "matchLabels only");
        return selector.getMatchLabels() == null || labels.entrySet().containsAll(selector.getMatchLabels().entrySet());
    }

    private static boolean egressAllows(List<NetworkPolicy> policies, Workload from, Workload to, ContainerPort port) {
        return policies.stream()
                .filter(p -> p.getSpec().getPolicyTypes().contains("Egress") && selects(p.getSpec().getPodSelector(), from.labels()))
                .flatMap(p -> p.getSpec().getEgress().stream())
                .anyMatch(rule -> portMatches(rule.getPorts(), port) && rule.getTo().stream().anyMatch(peer -> samePod(peer, to)));
    }

    private static boolean ingressAllows(List<NetworkPolicy> policies, Workload from, Workload to, ContainerPort port) {
        return policies.stream()
                .filter(p -> p.getSpec().getPolicyTypes().contains("Ingress") && selects(p.getSpec().getPodSelector(), to.labels()))
                .flatMap(p -> p.getSpec().getIngress().stream())
                .anyMatch(rule -> portMatches(rule.getPorts(), port) && rule.getFrom().stream().anyMatch(peer -> samePod(peer, from)));
    }

    /** A peer naming pods of this namespace (no namespaceSelector, no ipBlock) that match. */
    private static boolean samePod(NetworkPolicyPeer peer, Workload workload) {
        return peer.getPodSelector() != null && peer.getNamespaceSelector() == null && peer.getIpBlock() == null
                && selects(peer.getPodSelector(), workload.labels());
    }

    private static boolean portMatches(List<NetworkPolicyPort> ports, ContainerPort port) {
        return ports == null || ports.isEmpty() || ports.stream().anyMatch(p -> p.getPort() == null
                || p.getPort().getIntVal() != null && p.getPort().getIntVal().equals(port.getContainerPort())
                || port.getName() != null && port.getName().equals(p.getPort().getStrVal()));
    }
}
