package com.motoroctane.gateway.support;

import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Set;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.motoroctane.devstack.RedisProcess;
import com.motoroctane.gateway.proxy.Upstream;
import com.motoroctane.gateway.proxy.Upstreams;
import com.motoroctane.gateway.ratelimit.RateLimiter;

import io.smallrye.jwt.build.Jwt;

/**
 * What every gateway test starts from: no rate-limit counts left by an earlier test, an empty edge cache,
 * closed breakers, an empty stub. Tests then count from zero, against the real limits of the configuration.
 */
public abstract class GatewayTest {

    @Inject
    protected RateLimiter limiter;

    @Inject
    protected Upstreams upstreams;

    @Inject
    protected TestWindowClock clock;

    @Inject
    protected com.motoroctane.gateway.edgecache.EdgeCache edgeCache;

    @Inject
    protected com.motoroctane.gateway.config.GatewayConfig gatewayConfig;

    @Inject
    protected com.motoroctane.gateway.edgecache.EdgeCacheInvalidations edgeInvalidations;

    @ConfigProperty(name = "wiremock.port")
    protected int wiremockPort;

    @ConfigProperty(name = "devstack.redis.port")
    protected int redisPort;

    @ConfigProperty(name = "test.jwt.private-key")
    protected String privateKey;

    @ConfigProperty(name = "gateway.auth.issuer")
    protected String issuer;

    protected WireMock stub;

    @BeforeEach
    void cleanSlate() throws Exception {
        stub = new WireMock("127.0.0.1", wiremockPort);
        stub.resetMappings();
        stub.resetRequests();
        stub.resetScenarios();
        clearRateLimits();
        // an earlier test's event may still have its second purge ahead: it would purge what this test primes
        for (int i = 0; i < 100 && edgeInvalidations.pendingRePurges() > 0; i++) {
            Thread.sleep(50);
        }
        edgeCache.purgeAll();
        upstreams.all().forEach(upstream -> upstream.breaker().reset());
    }

    protected void clearRateLimits() throws Exception {
        limiter.counters().clear();
        clock.startNextWindow(longestWindowMillis());
        try {
            RedisProcess.command(redisPort, "EVAL \"for _,k in ipairs(redis.call('KEYS','rl:*')) do redis.call('DEL',k) end return 1\" 0");
        } catch (java.io.IOException redisDown) {
            // a test that stopped Redis restarts it itself
        }
    }

    private long longestWindowMillis() {
        var limits = gatewayConfig.rateLimit();
        return java.util.stream.Stream.of(limits.publicReads(), limits.media(), limits.modify(), limits.bulk(), limits.auth())
                .mapToLong(limit -> limit.window().toMillis()).max().orElse(60_000);
    }

    protected Upstream upstream(String name) {
        return upstreams.get(name);
    }

    protected String token(Set<String> groups) {
        return Jwt.issuer(issuer).subject("admin-test").upn("admin@motoroctane.com").groups(groups)
                .expiresIn(300).sign(privateKey());
    }

    protected String adminToken() {
        return token(Set.of("admin"));
    }

    protected String expiredToken() {
        long now = System.currentTimeMillis() / 1000;
        return Jwt.issuer(issuer).subject("admin-test").groups(Set.of("admin"))
                .issuedAt(now - 7200).expiresAt(now - 3600).sign(privateKey());
    }

    protected PrivateKey privateKey() {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateKey)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
