package com.motoroctane.admin.auth;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.motoroctane.admin.config.AdminConfig;

/** The public half of the signing key as a JWK Set, for the gateway and anyone verifying our tokens. */
@ApplicationScoped
public class SigningKeys {

    private final Map<String, Object> jwks;

    public SigningKeys(@ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> location,
                       AdminConfig config) {
        Map<String, Object> published = Map.of("keys", List.of());
        try {
            published = location.filter(l -> !l.isBlank()).map(l -> jwks(read(l), config.jwt().keyId())).orElse(published);
        } catch (IllegalStateException e) {
            // no key, no tokens: login fails too, and the log says why rather than every JWKS read
            org.jboss.logging.Logger.getLogger(SigningKeys.class).errorf("JWKS is empty: %s", e.getMessage());
        }
        this.jwks = published;
    }

    public Map<String, Object> jwks() {
        return jwks;
    }

    private static RSAPublicKey read(String location) {
        try {
            String pem = Files.readString(Path.of(location.startsWith("file:") ? location.substring(5) : location));
            String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the JWT public key at " + location, e);
        }
    }

    private static Map<String, Object> jwks(RSAPublicKey key, String keyId) {
        return Map.of("keys", List.of(Map.of("kty", "RSA", "use", "sig", "alg", "RS256", "kid", keyId,
                "n", base64Url(key.getModulus()), "e", base64Url(key.getPublicExponent()))));
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
