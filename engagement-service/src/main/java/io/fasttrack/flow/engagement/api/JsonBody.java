package io.fasttrack.flow.engagement.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fasttrack.flow.events.http.Problem;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A request body read field by field, collecting every violation instead of stopping at the first, so a
 * caller learns about all bad fields at once.
 */
final class JsonBody {

    private final ObjectNode node;
    private final List<Problem.Violation> violations = new ArrayList<>();

    private JsonBody(ObjectNode node) {
        this.node = node;
    }

    /** Parses the body; an absent body reads as an empty object unless {@code required}. */
    static JsonBody parse(ObjectMapper mapper, String body, boolean required) {
        if (body == null || body.isBlank()) {
            if (required) {
                throw ProblemException.invalid("a JSON object is required",
                        List.of(new Problem.Violation("$", "the request body is missing")));
            }
            return new JsonBody(mapper.createObjectNode());
        }
        JsonNode parsed;
        try {
            parsed = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw ProblemException.invalid("the request body is not valid JSON",
                    List.of(new Problem.Violation("$", "malformed JSON at line " + e.getLocation().getLineNr()
                            + ", column " + e.getLocation().getColumnNr())));
        }
        if (parsed == null || !parsed.isObject()) {
            throw ProblemException.invalid("a JSON object is required",
                    List.of(new Problem.Violation("$", "must be a JSON object")));
        }
        return new JsonBody((ObjectNode) parsed);
    }

    JsonBody allowOnly(Set<String> fields) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!fields.contains(name)) {
                violations.add(new Problem.Violation(name, "unknown field"));
            }
        }
        return this;
    }

    String requiredText(String field, int maxLength) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            violations.add(new Problem.Violation(field, "is required"));
            return null;
        }
        return text(field, value, maxLength, true);
    }

    String optionalText(String field, int maxLength) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : text(field, value, maxLength, false);
    }

    LocalDate requiredDate(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            violations.add(new Problem.Violation(field, "is required"));
            return null;
        }
        if (!value.isTextual()) {
            violations.add(new Problem.Violation(field, "must be a date (yyyy-MM-dd) in a string"));
            return null;
        }
        try {
            return LocalDate.parse(value.textValue());
        } catch (DateTimeParseException e) {
            violations.add(new Problem.Violation(field, "must be a date (yyyy-MM-dd)"));
            return null;
        }
    }

    void violation(String field, String message) {
        violations.add(new Problem.Violation(field, message));
    }

    void throwIfInvalid(String detail) {
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(detail, violations);
        }
    }

    private String text(String field, JsonNode value, int maxLength, boolean required) {
        if (!value.isTextual()) {
            violations.add(new Problem.Violation(field, "must be a string"));
            return null;
        }
        String text = value.textValue().trim();
        if (required && text.isEmpty()) {
            violations.add(new Problem.Violation(field, "must not be blank"));
            return null;
        }
        if (text.length() > maxLength) {
            violations.add(new Problem.Violation(field, "must be at most " + maxLength + " characters"));
            return null;
        }
        return text.isEmpty() ? null : text;
    }
}
