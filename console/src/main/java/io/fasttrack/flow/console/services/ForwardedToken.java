package io.fasttrack.flow.console.services;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * Every call to a service carries the signed-in user's own token: the services decide what this user may see and do,
 * exactly as for a curl with the same token, and the console holds no rights of its own.
 */
@ApplicationScoped
public class ForwardedToken implements ClientHeadersFactory {

    @Inject
    SecurityIdentity identity;

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incomingHeaders,
            MultivaluedMap<String, String> outgoingHeaders) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        String token = bearerToken();
        if (token != null) {
            headers.putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        return headers;
    }

    private String bearerToken() {
        // after a provider's code flow the identity holds an ID token too: the services want the access token
        AccessTokenCredential access = identity.getCredential(AccessTokenCredential.class);
        if (access != null) {
            return access.getToken();
        }
        TokenCredential local = identity.getCredential(TokenCredential.class);
        return local == null ? null : local.getToken();
    }
}
