package io.fasttrack.flow.assignment.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.fasttrack.flow.events.model.ArchitectProfile;
import io.fasttrack.flow.events.model.ArchitectRole;
import io.fasttrack.flow.events.model.Region;
import io.fasttrack.flow.events.model.Workload;
import io.fasttrack.flow.kit.api.FieldLimit;
import io.fasttrack.flow.kit.api.JsonFields;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads an architect from a JSON body field by field with the kit's reader, collecting every problem at once
 * (a typed binding would stop at the first wrong type or enum value).
 */
final class ArchitectPayload {

    private static final Set<String> FIELDS = Set.of("id", "name", "role", "region", "timeZone", "capacity", "skills",
            "teamManager", "awayFrom", "awayTo");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]+");
    private static final int MAX_CAPACITY = 1000;
    /** More entries than there are workloads can only be repeats or junk. */
    static final int MAX_SKILLS = 50;

    private ArchitectPayload() {
    }

    /** The profile in the body; {@code pathId} is the id from the URL of a PUT, null for a POST. */
    static ArchitectProfile parse(String body, String pathId) {
        JsonFields fields = JsonFields.parse(body, true).allowOnly(FIELDS);
        String id = pathId;
        if (pathId == null) {
            id = fields.requiredText("id", FieldLimit.ID);
            if (id != null && !ID.matcher(id).matches()) {
                fields.violation("id", "must be letters, digits, '.', '_' or '-'");
            }
        } else {
            String bodyId = presentText(fields, "id", FieldLimit.ID);
            if (bodyId != null && !bodyId.equals(pathId)) {
                fields.violation("id", "must match the id in the path");
            }
        }
        String name = fields.requiredText("name", FieldLimit.NAME);
        ArchitectRole role = oneOf(fields, "role", ArchitectRole.class);
        Region region = oneOf(fields, "region", Region.class);
        String timeZone = fields.requiredText("timeZone", FieldLimit.ID);
        if (timeZone != null && !ZoneId.getAvailableZoneIds().contains(timeZone)) {
            fields.violation("timeZone", "must be an IANA time zone such as Europe/Berlin");
        }
        Integer capacity = fields.requiredInt("capacity", 1, MAX_CAPACITY);
        List<Workload> skills = skills(fields);
        String teamManager = presentText(fields, "teamManager", FieldLimit.PERSON);
        LocalDate awayFrom = fields.optionalDate("awayFrom");
        LocalDate awayTo = fields.optionalDate("awayTo");
        if ((awayFrom == null) != (awayTo == null)
                && fields.violations().stream().noneMatch(v -> v.field().startsWith("away"))) {
            fields.violation(awayFrom == null ? "awayFrom" : "awayTo", "awayFrom and awayTo go together");
        }
        if (awayFrom != null && awayTo != null && awayFrom.isAfter(awayTo)) {
            fields.violation("awayTo", "must not be before awayFrom");
        }
        fields.throwIfInvalid("the architect is invalid");
        return new ArchitectProfile(id, name, role, region, timeZone, capacity, skills, teamManager, awayFrom, awayTo);
    }

    /** An optional text that, when given, must not be blank. */
    private static String presentText(JsonFields fields, String field, FieldLimit limit) {
        return fields.has(field) ? fields.requiredText(field, limit) : null;
    }

    private static <E extends Enum<E>> E oneOf(JsonFields fields, String field, Class<E> type) {
        String value = fields.requiredText(field, FieldLimit.ID);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException unknown) {
            fields.violation(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }

    private static List<Workload> skills(JsonFields fields) {
        JsonNode node = fields.value("skills");
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            fields.violation("skills", "must be an array of workloads");
            return List.of();
        }
        if (node.size() > MAX_SKILLS) {
            fields.violation("skills", "must contain at most " + MAX_SKILLS + " entries");
            return List.of();
        }
        List<Workload> skills = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode skill = node.get(i);
            try {
                Workload workload = Workload.valueOf(skill.isTextual() ? skill.textValue() : "");
                if (!skills.contains(workload)) {
                    skills.add(workload);
                }
            } catch (IllegalArgumentException unknown) {
                fields.violation("skills[" + i + "]", "must be one of " + Arrays.toString(Workload.values()));
            }
        }
        return skills;
    }
}
