package io.fasttrack.flow.assignment.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.fasttrack.flow.events.http.Problem.Violation;
import io.fasttrack.flow.events.model.ArchitectProfile;
import io.fasttrack.flow.events.model.ArchitectRole;
import io.fasttrack.flow.events.model.Region;
import io.fasttrack.flow.events.model.Workload;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads an architect from a JSON body field by field, collecting every problem at once (a typed binding
 * would stop at the first wrong type or enum value).
 */
final class ArchitectPayload {

    private static final Set<String> FIELDS = Set.of("id", "name", "role", "region", "timeZone", "capacity", "skills",
            "teamManager", "awayFrom", "awayTo");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    private static final int MAX_CAPACITY = 1000;
    /** Longest name, time zone or team manager id kept; longer texts are refused, not truncated. */
    static final int MAX_TEXT = 200;
    /** More entries than there are workloads can only be repeats or junk. */
    static final int MAX_SKILLS = 50;

    private final List<Violation> violations = new ArrayList<>();
    private final JsonNode body;

    private ArchitectPayload(JsonNode body) {
        this.body = body;
    }

    /** The profile in the body; {@code pathId} is the id from the URL of a PUT, null for a POST. */
    static ArchitectProfile parse(JsonNode body, String pathId) {
        if (body == null || !body.isObject()) {
            throw ApiException.invalid(List.of(new Violation("$", "must be a JSON object")));
        }
        return new ArchitectPayload(body).read(pathId);
    }

    private ArchitectProfile read(String pathId) {
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                violations.add(new Violation(name, "unknown field"));
            }
        }
        String id;
        if (pathId == null) {
            id = text("id", true);
            if (id != null && !ID.matcher(id).matches()) {
                violations.add(new Violation("id", "must be 1 to 100 letters, digits, '.', '_' or '-'"));
            }
        } else {
            id = pathId;
            String bodyId = text("id", false);
            if (bodyId != null && !bodyId.equals(pathId)) {
                violations.add(new Violation("id", "must match the id in the path"));
            }
        }
        String name = text("name", true);
        ArchitectRole role = enumValue("role", ArchitectRole.class, true);
        Region region = enumValue("region", Region.class, true);
        String timeZone = text("timeZone", true);
        if (timeZone != null && !ZoneId.getAvailableZoneIds().contains(timeZone)) {
            violations.add(new Violation("timeZone", "must be an IANA time zone such as Europe/Berlin"));
        }
        Integer capacity = capacity();
        List<Workload> skills = skills();
        String teamManager = text("teamManager", false);
        LocalDate awayFrom = date("awayFrom");
        LocalDate awayTo = date("awayTo");
        if ((awayFrom == null) != (awayTo == null) && !violations.stream().anyMatch(v -> v.field().startsWith("away"))) {
            violations.add(new Violation(awayFrom == null ? "awayFrom" : "awayTo", "awayFrom and awayTo go together"));
        }
        if (awayFrom != null && awayTo != null && awayFrom.isAfter(awayTo)) {
            violations.add(new Violation("awayTo", "must not be before awayFrom"));
        }
        if (!violations.isEmpty()) {
            throw ApiException.invalid(violations);
        }
        return new ArchitectProfile(id, name, role, region, timeZone, capacity, skills, teamManager, awayFrom, awayTo);
    }

    private String text(String field, boolean required) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                violations.add(new Violation(field, "is required"));
            }
            return null;
        }
        if (!node.isTextual() || node.textValue().isBlank()) {
            violations.add(new Violation(field, "must be a non-blank string"));
            return null;
        }
        if (node.textValue().length() > MAX_TEXT) {
            violations.add(new Violation(field, "must be at most " + MAX_TEXT + " characters"));
            return null;
        }
        return node.textValue();
    }

    private <E extends Enum<E>> E enumValue(String field, Class<E> type, boolean required) {
        String value = text(field, required);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException unknown) {
            violations.add(new Violation(field, "must be one of " + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    private Integer capacity() {
        JsonNode node = body.get("capacity");
        if (node == null || node.isNull()) {
            violations.add(new Violation("capacity", "is required"));
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() <= 0 || node.intValue() > MAX_CAPACITY) {
            violations.add(new Violation("capacity", "must be an integer from 1 to " + MAX_CAPACITY));
            return null;
        }
        return node.intValue();
    }

    private List<Workload> skills() {
        JsonNode node = body.get("skills");
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            violations.add(new Violation("skills", "must be an array of workloads"));
            return List.of();
        }
        if (node.size() > MAX_SKILLS) {
            violations.add(new Violation("skills", "must contain at most " + MAX_SKILLS + " entries"));
            return List.of();
        }
        List<Workload> skills = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode skill = node.get(i);
            try {
                if (!skill.isTextual()) {
                    throw new IllegalArgumentException();
                }
                Workload workload = Workload.valueOf(skill.textValue());
                if (!skills.contains(workload)) {
                    skills.add(workload);
                }
            } catch (IllegalArgumentException unknown) {
                violations.add(new Violation("skills[" + i + "]", "must be one of " + Arrays.toString(Workload.values())));
            }
        }
        return skills;
    }

    private LocalDate date(String field) {
        String value = text(field, false);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException malformed) {
            violations.add(new Violation(field, "must be an ISO date such as 2026-12-24"));
            return null;
        }
    }
}
