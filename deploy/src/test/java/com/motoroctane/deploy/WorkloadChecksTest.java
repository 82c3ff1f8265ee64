package com.motoroctane.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * Every Deployment of every overlay: probes on /q/health/*, requests and a memory limit, a hardened
 * securityContext, a writable /tmp, an HPA (CPU and requests per second) and a PDB, and a grace period that
 * covers the preStop sleep plus the service's own quarkus.shutdown.timeout.
 */
@EnabledIf("com.motoroctane.deploy.Kustomize#kubectlPresent")
class WorkloadChecksTest {

    @ParameterizedTest
    @MethodSource("com.motoroctane.deploy.Kustomize#overlays")
    void everyDeploymentIsProbedSizedHardenedScaledAndProtected(String overlay) {
        Manifests manifests = Manifests.parse(Kustomize.renderOverlay(overlay));
        List<Deployment> deployments = manifests.of(Deployment.class);
        assertTrue(deployments.stream().map(d -> d.getMetadata().getName()).toList().containsAll(ServiceConfig.SERVICES),
                "every service is deployed in " + overlay);
        for (Deployment deployment : deployments) {
            String name = overlay + "/" + deployment.getMetadata().getName();
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();

            assertNotNull(pod.getSecurityContext(), name + " pod securityContext");
            assertEquals(Boolean.TRUE, pod.getSecurityContext().getRunAsNonRoot(), name + " runAsNonRoot");
            assertEquals("RuntimeDefault", pod.getSecurityContext().getSeccompProfile().getType(), name + " seccomp");
            assertEquals(Boolean.FALSE, pod.getAutomountServiceAccountToken(), name + " no service account token");
            assertFalse(pod.getTopologySpreadConstraints().isEmpty(), name + " topology spread");
            for (Container c : pod.getContainers()) {
                String where = name + "/" + c.getName();
                assertProbe(where + " startup", c.getStartupProbe());
                assertProbe(where + " liveness", c.getLivenessProbe());
                assertProbe(where + " readiness", c.getReadinessProbe());
                Map<String, Quantity> requests = c.getResources().getRequests();
                assertTrue(requests != null && requests.containsKey("cpu") && requests.containsKey("memory"), where + " requests");
                assertTrue(c.getResources().getLimits() != null && c.getResources().getLimits().containsKey("memory"),
                        where + " memory limit");
                assertEquals(Boolean.TRUE, c.getSecurityContext().getReadOnlyRootFilesystem(), where + " read-only root");
                assertEquals(Boolean.FALSE, c.getSecurityContext().getAllowPrivilegeEscalation(), where + " no escalation");
                assertEquals(List.of("ALL"), c.getSecurityContext().getCapabilities().getDrop(), where + " drops ALL");
            }

            HorizontalPodAutoscaler hpa = manifests.of(HorizontalPodAutoscaler.class).stream()
                    .filter(h -> h.getSpec().getScaleTargetRef().getKind().equals("Deployment")
                            && h.getSpec().getScaleTargetRef().getName().equals(deployment.getMetadata().getName()))
                    .findFirst().orElseThrow(() -> new AssertionError(name + " has no HPA"));
            assertTrue(hpa.getSpec().getMinReplicas() >= 1 && hpa.getSpec().getMaxReplicas() > hpa.getSpec().getMinReplicas(),
                    name + " HPA min/max");
            assertTrue(hpa.getSpec().getMetrics().stream().map(MetricSpec::getResource).filter(Objects::nonNull)
                    .anyMatch(r -> r.getName().equals("cpu")), name + " HPA on CPU");
            assertNotNull(hpa.getSpec().getBehavior().getScaleDown().getStabilizationWindowSeconds(), name + " scale-down window");

            assertTrue(manifests.of(PodDisruptionBudget.class).stream()
                    .anyMatch(p -> labels.entrySet().containsAll(p.getSpec().getSelector().getMatchLabels().entrySet())),
                    name + " has a PodDisruptionBudget selecting its pods");
        }
    }

    @ParameterizedTest
    @MethodSource("com.motoroctane.deploy.Kustomize#overlays")
    void servicesAreProbedWhereTheyAnswerAndShutDownWithinTheirGracePeriod(String overlay) {
        Manifests manifests = Manifests.parse(Kustomize.renderOverlay(overlay));
        for (String service : ServiceConfig.SERVICES) {
            ServiceConfig config = ServiceConfig.of(service);
            Deployment deployment = manifests.named(Deployment.class, service);
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            Container app = pod.getContainers().get(0);

            for (Probe probe : List.of(app.getStartupProbe(), app.getLivenessProbe(), app.getReadinessProbe())) {
                String port = probe.getHttpGet().getPort().getStrVal();
                int number = app.getPorts().stream().filter(p -> p.getName().equals(port)).map(ContainerPort::getContainerPort)
                        .findFirst().orElseThrow(() -> new AssertionError(service + " probes an unnamed port " + port));
                int expected = config.managementPort() > 0 ? config.managementPort() : -1;
                if (expected > 0) {
                    assertEquals(expected, number, service + " is probed on its management port");
                }
            }
            assertTrue(app.getStartupProbe().getHttpGet().getPath().equals("/q/health/started")
                    && app.getLivenessProbe().getHttpGet().getPath().equals("/q/health/live")
                    && app.getReadinessProbe().getHttpGet().getPath().equals("/q/health/ready"), service + " probe paths");

            Duration shutdown = config.shutdownTimeout();
            assertNotNull(shutdown, service + " sets quarkus.shutdown.timeout");
            long preStop = app.getLifecycle().getPreStop().getSleep().getSeconds();
            assertTrue(pod.getTerminationGracePeriodSeconds() >= preStop + shutdown.toSeconds(),
                    service + ": grace " + pod.getTerminationGracePeriodSeconds() + " s < preStop " + preStop + " s + shutdown "
                            + shutdown.toSeconds() + " s");

            assertTrue(app.getVolumeMounts().stream().anyMatch(m -> m.getMountPath().equals("/tmp")),
                    service + " has a writable /tmp on its read-only root");
            Service svc = manifests.named(Service.class, service);
            assertTrue(svc.getSpec().getPorts().stream().anyMatch(p -> "http".equals(p.getTargetPort().getStrVal())),
                    service + " Service targets the http port");
        }
    }

    private static void assertProbe(String what, Probe probe) {
        assertNotNull(probe, what + " probe");
        assertTrue(probe.getHttpGet() != null || probe.getExec() != null || probe.getTcpSocket() != null, what + " probe action");
    }
}
