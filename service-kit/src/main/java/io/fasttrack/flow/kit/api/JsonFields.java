package io.fasttrack.flow.kit.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fasttrack.flow.events.http.Problem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A request body read field by field, collecting every violation instead of stopping at the first, so a caller
 * learns about all bad fields at once; texts are trimmed and bounded by their {@link FieldLimit}.
 */
public final class JsonFields {

    private static final ObjectMapper READER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final ObjectNode node;
    private final List<Problem.Violation> violations = new ArrayList<>();

    private JsonFields(ObjectNode node) {
        this.node = node;
    }

    /** Parses the body; an absent body reads as an empty object unless {@code required}. */
    public static JsonFields parse(String body, boolean required) {
        if (body == null || body.isBlank()) {
            if (required) {
                throw ProblemException.invalid("a JSON object is required",
                        List.of(new Problem.Violation("$", "the request body is missing")));
            }
            return new JsonFields(READER.createObjectNode());
        }
        JsonNode parsed;
        try {
            parsed = READER.readTree(body);
        } catch (JsonProcessingException e) {
            throw ProblemException.invalid("the request body is not valid JSON",
                    List.of(new Problem.Violation("$", "malformed JSON at line " + e.getLocation().getLineNr()
                            + ", column " + e.getLocation().getColumnNr())));
        }
        if (parsed == null || !parsed.isObject()) {
            throw ProblemException.invalid("a JSON object is required",
                    List.of(new Problem.Violation("$", "must be a JSON object")));
        }
        return new JsonFields((ObjectNode) parsed);
    }

    /** The fields of an object parsed already: one item of a body that is an array of objects. */
    public static JsonFields of(ObjectNode object) {
        return new JsonFields(object);
    }

    /** Every field not named is a violation ("unknown field"). */
    public JsonFields allowOnly(Set<String> fields) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!fields.contains(name)) {
                violations.add(new Problem.Violation(name, "unknown field"));
            }
        }
        return this;
    }

    public boolean has(String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull();
    }

    public String requiredText(String field, FieldLimit limit) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            violations.add(new Problem.Violation(field, "is required"));
            return null;
        }
        return text(field, value, limit.maxLength(), true);
    }

    public String optionalText(String field, FieldLimit limit) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : text(field, value, limit.maxLength(), false);
    }

    public LocalDate requiredDate(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            violations.add(new Problem.Violation(field, "is required"));
            return null;
        }
        return date(field, value);
    }

    public LocalDate optionalDate(String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : date(field, value);
    }

    /** A whole number from {@code min} to {@code max}; null (and a violation) otherwise. */
    public Integer requiredInt(String field, int min, int max) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            violations.add(new Problem.Violation(field, "is required"));
            return null;
        }
        return integer(field, value, min, max);
    }

    public Integer optionalInt(String field, int min, int max) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : integer(field, value, min, max);
    }

    public BigDecimal optionalDecimal(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            violations.add(new Problem.Violation(field, "must be a number"));
            return null;
        }
        return value.decimalValue();
    }

    /** The raw value, for a field whose shape the caller checks itself. */
    public JsonNode value(String field) {
        return node.get(field);
    }

    public void violation(String field, String message) {
        violations.add(new Problem.Violation(field, message));
    }

    public List<Problem.Violation> violations() {
        return List.copyOf(violations);
    }

    /** @throws ProblemException a 400 naming every violation, if there is any */
    public void throwIfInvalid(String detail) {
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

    private LocalDate date(String field, JsonNode value) {
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

    private Integer integer(String field, JsonNode value, int min, int max) {
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            violations.add(new Problem.Violation(field, "must be a whole number"));
            return null;
        }
        int number = value.intValue();
        if (number < min || number > max) {
            violations.add(new Problem.Violation(field, "must be from " + min + " to " + max));
            return null;
        }
        return number;
    }
}
