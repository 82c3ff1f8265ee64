package com.motoroctane.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;

import org.junit.jupiter.api.Test;

class PromQlTest {

    @Test
    void namesAreTakenFromSelectorsNotFromFunctionsLabelsOrDurations() {
        assertEquals(Set.of("gateway_requests_seconds_bucket"), PromQl.metricNames(
                "histogram_quantile(0.99, sum by (le, route) (rate(gateway_requests_seconds_bucket{route=~\"catalog|compare\"}[5m]))) > 0.05"));
        assertEquals(Set.of("a_total", "b_total"), PromQl.metricNames(
                "sum by (class) (rate(a_total[5m])) > 10 and sum(rate(b_total[1d] offset 1h)) / clamp_min(sum(rate(a_total[5m])), 1)"));
        assertEquals(Set.of("kube_x", "kube_y"), PromQl.metricNames("kube_x{h=~\"a|b\"} >= kube_y"));
    }
}
