package io.fasttrack.flow.kit.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fasttrack.flow.events.http.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A request body as a plain JSON tree (maps, lists, strings, numbers, booleans), for a validator that reports
 * every wrong type at once, and its fingerprint for Idempotency-Key comparisons.
 */
public final class JsonTree {

    private static final ObjectMapper READER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private JsonTree() {
    }

    public static Object parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw invalid("the body is empty; a JSON object is required");
        }
        try {
            return READER.readValue(body, Object.class);
        } catch (JsonProcessingException e) {
            throw invalid("not valid JSON: " + Bounded.text(e.getOriginalMessage()));
        } catch (IOException e) {
            throw invalid("unreadable body");
        }
    }

    /** SHA-256 of the tree written with sorted keys: the same request with other spacing or key order matches. */
    public static String fingerprint(Object tree) {
        try {
            byte[] canonical = CANONICAL.writeValueAsString(tree).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint a parsed body", e);
        }
    }

    private static ProblemException invalid(String message) {
        return ProblemException.invalid("the body is not a JSON request", List.of(new Problem.Violation("$", message)));
    }
}
