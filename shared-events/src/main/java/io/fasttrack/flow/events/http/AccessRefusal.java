package io.fasttrack.flow.events.http;

/**
 * The three ways every service refuses a caller, as the HTTP contract fixes them: the status, the problem body
 * and the {@code WWW-Authenticate} challenge (RFC 6750) are the same whichever service answers.
 */
public enum AccessRefusal {

    /** No bearer token at all. */
    NO_CREDENTIAL(401, "Unauthorized", "a bearer token is required (Authorization: Bearer ...)", "Bearer"),
    /** A token that is malformed, expired or not signed by the trusted key. */
    INVALID_CREDENTIAL(401, "Unauthorized", "the bearer token is invalid or expired", "Bearer error=\"invalid_token\""),
    /** A valid token without a role (or ownership) the operation needs. */
    NOT_PERMITTED(403, "Forbidden", "the caller's roles do not allow this operation", null);

    private final int status;
    private final String title;
    private final String detail;
    private final String challenge;

    AccessRefusal(int status, String title, String detail, String challenge) {
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.challenge = challenge;
    }

    public int status() {
        return status;
    }

    /** The {@code WWW-Authenticate} header value of a 401; null for a 403, which carries none. */
    public String challenge() {
        return challenge;
    }

    public Problem problem(String instancePath) {
        return Problem.of(status, title, detail).at(instancePath);
    }
}
