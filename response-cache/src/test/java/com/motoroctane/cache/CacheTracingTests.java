package com.motoroctane.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.motoroctane.devstack.test.DevstackTestResource;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The cache tiers as a trace shows them: an L2 lookup and an origin load under the request, an L1 hit as attributes. */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class CacheTracingTests {

    @Inject
    ResponseCache cache;

    @Inject
    Tracer tracer;

    @Inject
    InMemorySpanExporter exported;

    @Test
    void aMissIsAnL2LookupAndALoadUnderTheRequestAndAnL1HitIsTaggedOnTheRequest() throws Exception {
        String key = cache.key("traced", UUID.randomUUID().toString());
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);

        Span miss = tracer.spanBuilder("request-miss").startSpan();
        try (Scope ignored = miss.makeCurrent()) {
            assertEquals(ResponseCache.Source.MISS,
                    cache.serve(key, 600, () -> new ResponseCache.Rendered(body, "traced")).await().indefinitely().source());
        } finally {
            miss.end();
        }
        Span hit = tracer.spanBuilder("request-hit").startSpan();
        try (Scope ignored = hit.makeCurrent()) {
            assertEquals(ResponseCache.Source.HIT, cache.serve(key, 600, () -> {
                throw new AssertionError("served from L1");
            }).await().indefinitely().source());
        } finally {
            hit.end();
        }

        String traceOfMiss = miss.getSpanContext().getTraceId();
        List<SpanData> spans = awaitSpans(traceOfMiss, 3);
        SpanData lookup = named(spans, "cache.l2.get");
        SpanData load = named(spans, "cache.load");
        SpanData request = named(spans, "request-miss");
        assertEquals(request.getSpanId(), lookup.getParentSpanId(), "the L2 lookup is a child of the request");
        assertEquals(request.getSpanId(), load.getParentSpanId(), "so is the load, though it ran on a worker thread");
        assertEquals("miss", attribute(lookup, "cache.result"));
        assertEquals(key, attribute(load, "cache.key"));
        assertEquals("origin", attribute(request, "cache.tier"));

        List<SpanData> hitSpans = awaitSpans(hit.getSpanContext().getTraceId(), 1);
        assertEquals(1, hitSpans.size(), "an L1 hit adds no span: " + hitSpans);
        assertEquals("l1", attribute(hitSpans.get(0), "cache.tier"));
        assertEquals("hit", attribute(hitSpans.get(0), "cache.result"));
    }

    private List<SpanData> awaitSpans(String traceId, int atLeast) throws InterruptedException {
        List<SpanData> spans = List.of();
        for (int i = 0; i < 200; i++) {
            spans = exported.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(traceId)).toList();
            if (spans.size() >= atLeast) {
                break;
            }
            Thread.sleep(25);
        }
        assertTrue(spans.size() >= atLeast, "spans of trace " + traceId + ": " + spans);
        return spans;
    }

    private static SpanData named(List<SpanData> spans, String name) {
        return spans.stream().filter(s -> s.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no span " + name + " in " + spans));
    }

    private static Object attribute(SpanData span, String name) {
        return span.getAttributes().asMap().entrySet().stream().filter(e -> e.getKey().getKey().equals(name))
                .map(java.util.Map.Entry::getValue).findFirst().orElse(null);
    }
}
