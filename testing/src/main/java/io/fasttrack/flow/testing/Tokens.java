package io.fasttrack.flow.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Bearer tokens for tests, signed with the TEST-ONLY key pair in {@code fasttrack-test-keys/} (each service's
 * %test profile verifies with its public half). Issuer {@code fasttrack}, caller id in {@code upn}, roles in
 * {@code groups}, as deploy/local/token makes them.
 */
public final class Tokens {

    public static final String ISSUER = "fasttrack";
    public static final String PUBLIC_KEY_LOCATION = "fasttrack-test-keys/public.pem";
    public static final String[] ALL_ROLES = {"submitter", "reader", "architect", "manager"};

    private static final PrivateKey TEST_KEY = loadPrivateKey("fasttrack-test-keys/private.pem");

    private Tokens() {
    }

    /** A valid token for the caller {@code subject} holding {@code roles}, good for an hour. */
    public static String of(String subject, String... roles) {
        return sign(subject, roles, Instant.now(), Duration.ofHours(1), TEST_KEY);
    }

    /** A valid token for a caller named after its first role. */
    public static String forRoles(String... roles) {
        return of(roles.length == 0 ? "nobody" : roles[0] + "-caller", roles);
    }

    /** {@code Authorization} header value for a valid token holding {@code roles}. */
    public static String bearer(String... roles) {
        return "Bearer " + forRoles(roles);
    }

    /** A token with every role that expired ten minutes ago. */
    public static String expired() {
        return sign("expired-caller", ALL_ROLES, Instant.now().minus(Duration.ofHours(2)), Duration.ofHours(1), TEST_KEY);
    }

    /** A token with every role, well formed but signed by a key no service trusts. */
    public static String signedByStranger() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return sign("stranger", ALL_ROLES, Instant.now(), Duration.ofHours(1), generator.generateKeyPair().getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no RSA key generator", e);
        }
    }

    private static String sign(String subject, String[] roles, Instant issuedAt, Duration lifetime, PrivateKey key) {
        return Jwt.issuer(ISSUER)
                .upn(subject)
                .subject(subject)
                .groups(Set.of(roles))
                .issuedAt(issuedAt)
                .expiresAt(issuedAt.plus(lifetime))
                .sign(key);
    }

    private static PrivateKey loadPrivateKey(String resource) {
        try (InputStream pem = Tokens.class.getClassLoader().getResourceAsStream(resource)) {
            if (pem == null) {
                throw new IllegalStateException("missing test key " + resource);
            }
            return KeyUtils.decodePrivateKey(new String(pem.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("unreadable test key " + resource, e);
        }
    }
}
