package com.acme.governance.edge.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * An identity provider for tests: its JWK set at {@link #jwkSetUri()} over real HTTP, and tokens signed with its key
 * (or, to be refused, with another), for a resource server configured as production configures it.
 */
public final class TestIdentityProvider implements AutoCloseable {

    public static final String ISSUER = "https://login.test.example/realms/acme";
    public static final String AUDIENCE = "governance";

    private final RSAKey key = generate("provider-key");
    private final RSAKey otherKey = generate("provider-key");
    private final HttpServer server;

    private TestIdentityProvider(HttpServer server) {
        this.server = server;
    }

    public static TestIdentityProvider start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            TestIdentityProvider provider = new TestIdentityProvider(server);
            byte[] jwks = new JWKSet(provider.key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/jwks", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(jwks);
                }
            });
            server.start();
            return provider;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String jwkSetUri() {
        return "http://localhost:" + server.getAddress().getPort() + "/jwks";
    }

    /** A token for this caller as the provider issues it: right key, issuer and audience, valid for an hour. */
    public Token token(String subject) {
        return new Token(subject, List.of(), List.of(), ISSUER, AUDIENCE, Instant.now().plus(Duration.ofHours(1)),
                false);
    }

    /** A token's claims, changed one at a time to be refused. */
    public final class Token {

        private final String subject;
        private final List<String> teams;
        private final List<String> roles;
        private final String issuer;
        private final String audience;
        private final Instant expiresAt;
        private final boolean otherKey;

        private Token(String subject, List<String> teams, List<String> roles, String issuer, String audience,
                      Instant expiresAt, boolean otherKey) {
            this.subject = subject;
            this.teams = teams;
            this.roles = roles;
            this.issuer = issuer;
            this.audience = audience;
            this.expiresAt = expiresAt;
            this.otherKey = otherKey;
        }

        public Token teams(String... names) {
            return new Token(subject, List.of(names), roles, issuer, audience, expiresAt, otherKey);
        }

        public Token roles(String... names) {
            return new Token(subject, teams, List.of(names), issuer, audience, expiresAt, otherKey);
        }

        public Token issuer(String other) {
            return new Token(subject, teams, roles, other, audience, expiresAt, otherKey);
        }

        public Token audience(String other) {
            return new Token(subject, teams, roles, issuer, other, expiresAt, otherKey);
        }

        public Token expiredAt(Instant past) {
            return new Token(subject, teams, roles, issuer, audience, past, otherKey);
        }

        /** Signed by a key of the same id that the provider never published. */
        public Token signedWithAnotherKey() {
            return new Token(subject, teams, roles, issuer, audience, expiresAt, true);
        }

        /** The {@code Authorization} header's value. */
        public String bearer() {
            RSAKey signing = otherKey ? TestIdentityProvider.this.otherKey : key;
            JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject).issuer(issuer).audience(audience)
                    .jwtID(UUID.randomUUID().toString()).issueTime(Date.from(expiresAt.minus(Duration.ofHours(2))))
                    .expirationTime(Date.from(expiresAt)).claim("teams", teams).claim("roles", roles).build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signing.getKeyID()).build(),
                    claims);
            try {
                jwt.sign(new RSASSASigner(signing));
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
            return "Bearer " + jwt.serialize();
        }
    }

    private static RSAKey generate(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).keyUse(KeyUse.SIGNATURE).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
