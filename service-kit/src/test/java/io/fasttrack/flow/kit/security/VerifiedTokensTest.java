package io.fasttrack.flow.kit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fasttrack.flow.kit.time.SettableClock;
import io.fasttrack.flow.testing.Tokens;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.util.KeyUtils;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    private final SettableClock clock = new SettableClock();
    private JWTAuthContextInfo trusted;

    @BeforeEach
    void trustTheTestKey() throws Exception {
        try (InputStream pem = getClass().getClassLoader().getResourceAsStream(Tokens.PUBLIC_KEY_LOCATION)) {
            trusted = new JWTAuthContextInfo(KeyUtils.decodePublicKey(new String(pem.readAllBytes(), StandardCharsets.UTF_8)),
                    Tokens.ISSUER);
        }
    }

    @Test
    void aTokenVerifiedOnceIsAnsweredFromMemoryUntilItExpires() throws ParseException {
        VerifiedTokens tokens = new VerifiedTokens(16, clock);
        String token = Tokens.of("caller", "submitter");

        JWTCallerPrincipal first = tokens.parse(token, trusted);
        JWTCallerPrincipal again = tokens.parse(token, trusted);

        assertThat(first.getName()).isEqualTo("caller");
        assertThat(first.getGroups()).containsExactly("submitter");
        assertThat(again).as("the second use of the token is not verified again").isSameAs(first);

        clock.set(Instant.ofEpochSecond(first.getExpirationTime()).plus(Duration.ofSeconds(1)));
        assertThat(tokens.parse(token, trusted)).as("past its exp the token is verified again").isNotSameAs(first);
    }

    @Test
    void whatDoesNotVerifyIsNeverKept() {
        VerifiedTokens tokens = new VerifiedTokens(16, clock);

        assertThatThrownBy(() -> tokens.parse(Tokens.signedByStranger(), trusted)).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> tokens.parse(Tokens.expired(), trusted)).isInstanceOf(ParseException.class);
        String tampered = Tokens.of("caller", "reader");
        String[] parts = tampered.split("\\.");
        String withOtherRoles = Tokens.of("caller", "manager").split("\\.")[1];
        assertThatThrownBy(() -> tokens.parse(parts[0] + "." + withOtherRoles + "." + parts[2], trusted))
                .isInstanceOf(ParseException.class);
        assertThat(tokens.held()).isZero();
    }

    @Test
    void aTokenVerifiedAgainstOtherSettingsIsVerifiedAgain() throws ParseException {
        VerifiedTokens tokens = new VerifiedTokens(16, clock);
        String token = Tokens.of("caller", "submitter");
        JWTCallerPrincipal first = tokens.parse(token, trusted);

        JWTAuthContextInfo otherIssuer = new JWTAuthContextInfo(trusted.getPublicVerificationKey(), "someone-else");
        assertThatThrownBy(() -> tokens.parse(token, otherIssuer)).isInstanceOf(ParseException.class);
        assertThat(tokens.parse(token, trusted)).isSameAs(first);
    }

    @Test
    void aFullCacheVerifiesTheTokensItHasNoRoomFor() throws ParseException {
        VerifiedTokens tokens = new VerifiedTokens(1, clock);
        JWTCallerPrincipal held = tokens.parse(Tokens.of("first", "reader"), trusted);
        String other = Tokens.of("second", "reader");

        JWTCallerPrincipal otherOnce = tokens.parse(other, trusted);

        assertThat(tokens.parse(other, trusted)).as("no room: verified each time").isNotSameAs(otherOnce);
        assertThat(tokens.held()).isEqualTo(1);
        assertThat(held.getName()).isEqualTo("first");
    }
}
