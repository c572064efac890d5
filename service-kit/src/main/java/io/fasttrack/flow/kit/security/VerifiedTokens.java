package io.fasttrack.flow.kit.security;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Verifies each bearer token once for its lifetime. A caller such as a submitting system sends the same token with
 * every request, and checking its RS256 signature costs more CPU than the rest of a {@code POST /requests}; so a
 * token that verified is kept, by its exact text, until its {@code exp} and answered from memory. Anything else
 * (another text, a token past its {@code exp}) is verified by SmallRye JWT as before.
 *
 * <p>At most {@code fasttrack.security.verified-token-cache-size} tokens are kept: when it is full, expired ones
 * are dropped, and a token that finds no room is simply verified each time.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens extends JWTCallerPrincipalFactory {

    private record Verified(JWTCallerPrincipal principal, long expiresAtSecond, JWTAuthContextInfo verifiedWith) {
    }

    private final JWTCallerPrincipalFactory verifier = new DefaultJWTCallerPrincipalFactory();
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final int capacity;
    private final Clock clock;

    @Inject
    VerifiedTokens(@ConfigProperty(name = "fasttrack.security.verified-token-cache-size", defaultValue = "1024") int capacity,
            Clock clock) {
        this.capacity = capacity;
        this.clock = clock;
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo authContextInfo) throws ParseException {
        long nowSecond = clock.instant().getEpochSecond();
        Verified known = verified.get(token);
        if (known != null && known.verifiedWith() == authContextInfo && nowSecond < known.expiresAtSecond()) {
            return known.principal();
        }
        JWTCallerPrincipal principal = verifier.parse(token, authContextInfo);
        remember(token, new Verified(principal, principal.getExpirationTime(), authContextInfo), nowSecond);
        return principal;
    }

    /** How many verified tokens are held now. */
    public int held() {
        return verified.size();
    }

    private void remember(String token, Verified principal, long nowSecond) {
        if (principal.expiresAtSecond() <= nowSecond || capacity <= 0) {
            return;
        }
        if (verified.size() >= capacity) {
            verified.values().removeIf(held -> held.expiresAtSecond() <= nowSecond);
            if (verified.size() >= capacity) {
                return;
            }
        }
        verified.put(token, principal);
    }
}
