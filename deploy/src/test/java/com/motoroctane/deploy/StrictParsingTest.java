package com.motoroctane.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;

/** The strict parser the other tests rely on refuses what a lenient one would keep quietly. */
class StrictParsingTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: x
            spec:
              %s: 2
              selector:
                matchLabels: {app: x}
              template:
                metadata:
                  labels: {app: x}
                spec:
                  containers:
                    - name: app
                      image: x
            """;

    @Test
    void aKnownDeploymentParses() {
        Deployment deployment = Manifests.parse(DEPLOYMENT.formatted("replicas")).named(Deployment.class, "x");
        assertEquals(2, deployment.getSpec().getReplicas());
    }

    @Test
    void aMisspelledFieldFails() {
        AssertionError error = assertThrows(AssertionError.class, () -> Manifests.parse(DEPLOYMENT.formatted("replcas")));
        assertTrue(error.getMessage().contains("replcas"), error.getMessage());
    }

    @Test
    void aMisspelledFieldOfACustomResourceFails() {
        String monitor = """
                apiVersion: monitoring.coreos.com/v1
                kind: ServiceMonitor
                metadata: {name: m}
                spec:
                  selector: {matchLabels: {app: x}}
                  endpoints:
                    - port: http
                      %s: /q/metrics
                """;
        assertEquals("/q/metrics", Manifests.parse(monitor.formatted("path")).named(ServiceMonitor.class, "m")
                .getSpec().getEndpoints().get(0).getPath());
        assertThrows(AssertionError.class, () -> Manifests.parse(monitor.formatted("pth")));
    }

    @Test
    void anUnknownKindFails() {
        assertThrows(AssertionError.class, () -> Manifests.parse("apiVersion: v1\nkind: Sercret\nmetadata: {name: s}\n"));
    }
}
