package io.fasttrack.flow.engagement.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.fasttrack.flow.kit.api.FieldLimit;
import io.fasttrack.flow.kit.api.JsonFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Field shapes the kit's {@link JsonFields} does not read itself: one value of an enum, a bounded list of texts.
 * Each adds its violations to the fields, so one answer still names every bad field.
 */
final class FieldReaders {

    private FieldReaders() {
    }

    static <E extends Enum<E>> E requiredEnum(JsonFields fields, String field, Class<E> type) {
        if (!fields.has(field)) {
            fields.violation(field, "is required; one of " + Arrays.toString(type.getEnumConstants()));
            return null;
        }
        String value = fields.requiredText(field, FieldLimit.ID);
        if (value == null) {
            return null;
        }
        return Arrays.stream(type.getEnumConstants()).filter(constant -> constant.name().equals(value)).findFirst()
                .orElseGet(() -> {
                    fields.violation(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
                    return null;
                });
    }

    /**
     * An optional array of at most {@code maxItems} texts, each trimmed, not blank and at most {@code maxLength}
     * characters; absent reads as an empty list. A bad item is named by its index ({@code risks[3]}).
     */
    static List<String> optionalTexts(JsonFields fields, String field, int maxItems, int maxLength) {
        JsonNode node = fields.value(field);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            fields.violation(field, "must be an array of strings");
            return List.of();
        }
        if (node.size() > maxItems) {
            fields.violation(field, "must contain at most " + maxItems + " items");
            return List.of();
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String item = field + "[" + i + "]";
            JsonNode value = node.get(i);
            if (!value.isTextual()) {
                fields.violation(item, "must be a string");
            } else if (value.textValue().isBlank()) {
                fields.violation(item, "must not be blank");
            } else if (value.textValue().trim().length() > maxLength) {
                fields.violation(item, "must be at most " + maxLength + " characters");
            } else {
                texts.add(value.textValue().trim());
            }
        }
        return texts;
    }
}
