package io.fasttrack.flow.assignment.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.fasttrack.flow.assignment.audit.Simulator.Scenario;
import io.fasttrack.flow.assignment.domain.Architect;
import io.fasttrack.flow.assignment.domain.Simulation;
import io.fasttrack.flow.assignment.messaging.Snapshots;
import io.fasttrack.flow.events.http.Problem;
import io.fasttrack.flow.events.model.Region;
import io.fasttrack.flow.events.model.RequestType;
import io.fasttrack.flow.kit.api.FieldLimit;
import io.fasttrack.flow.kit.api.JsonFields;
import io.fasttrack.flow.kit.api.ProblemException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /simulations}: {@code {"from", "to", "overrides": {...}}}, every bad field named with its path
 * ({@code overrides.capacity.fta-ana}), and bounded: a window of at most a year, each override list or map of a
 * bounded size, so one call cannot ask for more than a year of history under a few thousand changes.
 */
final class ScenarioPayload {

    static final Duration LONGEST_WINDOW = Duration.ofDays(366);
    static final int MAX_ENTRIES = 1_000;
    static final int MAX_ADDED = 200;
    static final int MAX_WEIGHT = 1_000;
    static final int MAX_CAPACITY = 1_000;
    static final Duration LONGEST_LOOKBACK = Duration.ofDays(3_650);

    private static final String OVERRIDES = "overrides";
    private static final Set<String> OVERRIDE_FIELDS = Set.of("weights", "capacity", "addedArchitects",
            "removedArchitects", "away", "continuityLookback", "holidays");

    private ScenarioPayload() {
    }

    static Scenario parse(String body) {
        JsonFields fields = JsonFields.parse(body, true).allowOnly(Set.of("from", "to", OVERRIDES));
        List<Problem.Violation> violations = new ArrayList<>();
        Instant from = Instants.required(fields, "from");
        Instant to = Instants.required(fields, "to");
        if (from != null && to != null) {
            if (!to.isAfter(from)) {
                fields.violation("to", "must be after from");
            } else if (Duration.between(from, to).compareTo(LONGEST_WINDOW) > 0) {
                fields.violation("to", "the window is at most a year (366 days) long");
            }
        }
        Map<RequestType, Integer> weights = new EnumMap<>(RequestType.class);
        Map<String, Integer> capacity = new HashMap<>();
        List<Architect> added = new ArrayList<>();
        Set<String> removed = new HashSet<>();
        Map<String, Simulation.AwayWindow> away = new HashMap<>();
        Map<Region, List<LocalDate>> holidays = new EnumMap<>(Region.class);
        Duration lookback = null;
        JsonNode overrides = fields.value(OVERRIDES);
        if (overrides != null && !overrides.isNull()) {
            if (!overrides.isObject()) {
                violations.add(new Problem.Violation(OVERRIDES, "must be an object"));
            } else {
                overrides.fieldNames().forEachRemaining(name -> {
                    if (!OVERRIDE_FIELDS.contains(name)) {
                        violations.add(new Problem.Violation(OVERRIDES + "." + name, "unknown field"));
                    }
                });
                weights(overrides.get("weights"), weights, violations);
                capacity(overrides.get("capacity"), capacity, violations);
                added(overrides.get("addedArchitects"), added, violations);
                removed(overrides.get("removedArchitects"), removed, violations);
                away(overrides.get("away"), away, violations);
                holidays(overrides.get("holidays"), holidays, violations);
                lookback = lookback(overrides.get("continuityLookback"), violations);
            }
        }
        List<Problem.Violation> all = new ArrayList<>(fields.violations());
        all.addAll(violations);
        if (!all.isEmpty()) {
            throw ProblemException.invalid("the simulation is invalid", all);
        }
        return new Scenario(from, to, weights, lookback, holidays,
                new Simulation.RosterOverrides(capacity, added, removed, away));
    }

    private static void weights(JsonNode node, Map<RequestType, Integer> weights, List<Problem.Violation> violations) {
        String path = OVERRIDES + ".weights";
        for (Map.Entry<String, JsonNode> entry : entries(node, path, MAX_ENTRIES, violations)) {
            RequestType type = constant(RequestType.class, entry.getKey());
            Integer weight = wholeNumber(entry.getValue(), 1, MAX_WEIGHT);
            if (type == null) {
                violations.add(new Problem.Violation(path + "." + entry.getKey(), "unknown request type"));
            } else if (weight == null) {
                violations.add(new Problem.Violation(path + "." + entry.getKey(), "must be a whole number from 1 to "
                        + MAX_WEIGHT));
            } else {
                weights.put(type, weight);
            }
        }
    }

    private static void capacity(JsonNode node, Map<String, Integer> capacity, List<Problem.Violation> violations) {
        String path = OVERRIDES + ".capacity";
        for (Map.Entry<String, JsonNode> entry : entries(node, path, MAX_ENTRIES, violations)) {
            Integer units = wholeNumber(entry.getValue(), 1, MAX_CAPACITY);
            if (entry.getKey().length() > FieldLimit.ID.maxLength()) {
                violations.add(new Problem.Violation(path, "architect ids are at most " + FieldLimit.ID.maxLength()
                        + " characters"));
            } else if (units == null) {
                violations.add(new Problem.Violation(path + "." + entry.getKey(), "must be a whole number from 1 to "
                        + MAX_CAPACITY));
            } else {
                capacity.put(entry.getKey(), units);
            }
        }
    }

    private static void added(JsonNode node, List<Architect> added, List<Problem.Violation> violations) {
        String path = OVERRIDES + ".addedArchitects";
        if (node == null || node.isNull()) {
            return;
        }
        if (!node.isArray() || node.size() > MAX_ADDED) {
            violations.add(new Problem.Violation(path, "must be a list of at most " + MAX_ADDED + " architects"));
            return;
        }
        for (int i = 0; i < node.size(); i++) {
            try {
                added.add(Snapshots.toArchitect(ArchitectPayload.parse(node.get(i).toString(), null)));
            } catch (ProblemException refused) {
                String item = path + "[" + i + "]";
                List<Problem.Violation> named = refused.problem().violations();
                if (named == null || named.isEmpty()) {
                    violations.add(new Problem.Violation(item, refused.problem().detail()));
                } else {
                    named.forEach(violation -> violations.add(new Problem.Violation(item + "." + violation.field(),
                            violation.message())));
                }
            }
        }
    }

    private static void removed(JsonNode node, Set<String> removed, List<Problem.Violation> violations) {
        String path = OVERRIDES + ".removedArchitects";
        if (node == null || node.isNull()) {
            return;
        }
        if (!node.isArray() || node.size() > MAX_ENTRIES) {
            violations.add(new Problem.Violation(path, "must be a list of at most " + MAX_ENTRIES + " architect ids"));
            return;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode id = node.get(i);
            if (!id.isTextual() || id.asText().isBlank() || id.asText().length() > FieldLimit.ID.maxLength()) {
                violations.add(new Problem.Violation(path + "[" + i + "]", "must be an architect id"));
            } else {
                removed.add(id.asText());
            }
        }
    }

    private static void away(JsonNode node, Map<String, Simulation.AwayWindow> away,
            List<Problem.Violation> violations) {
        String path = OVERRIDES + ".away";
        for (Map.Entry<String, JsonNode> entry : entries(node, path, MAX_ENTRIES, violations)) {
            String item = path + "." + entry.getKey();
            JsonNode window = entry.getValue();
            LocalDate awayFrom = window.isObject() ? date(window.get("from")) : null;
            LocalDate awayTo = window.isObject() ? date(window.get("to")) : null;
            if (awayFrom == null || awayTo == null || awayTo.isBefore(awayFrom)) {
                violations.add(new Problem.Violation(item, "must be {\"from\": date, \"to\": date}, to not before from"));
            } else {
                away.put(entry.getKey(), new Simulation.AwayWindow(awayFrom, awayTo));
            }
        }
    }

    private static void holidays(JsonNode node, Map<Region, List<LocalDate>> holidays,
            List<Problem.Violation> violations) {
        String path = OVERRIDES + ".holidays";
        for (Map.Entry<String, JsonNode> entry : entries(node, path, Region.values().length, violations)) {
            String item = path + "." + entry.getKey();
            Region region = constant(Region.class, entry.getKey());
            JsonNode days = entry.getValue();
            if (region == null) {
                violations.add(new Problem.Violation(item, "unknown region"));
                continue;
            }
            if (!days.isArray() || days.size() > 366) {
                violations.add(new Problem.Violation(item, "must be a list of at most 366 dates"));
                continue;
            }
            List<LocalDate> dates = new ArrayList<>();
            for (int i = 0; i < days.size(); i++) {
                LocalDate day = date(days.get(i));
                if (day == null) {
                    violations.add(new Problem.Violation(item + "[" + i + "]", "must be a date such as 2026-12-24"));
                } else {
                    dates.add(day);
                }
            }
            holidays.put(region, dates);
        }
    }

    private static Duration lookback(JsonNode node, List<Problem.Violation> violations) {
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            Duration lookback = Duration.parse(node.asText());
            if (!node.isTextual() || lookback.isNegative() || lookback.compareTo(LONGEST_LOOKBACK) > 0) {
                throw new DateTimeParseException("out of range", node.asText(), 0);
            }
            return lookback;
        } catch (DateTimeParseException notADuration) {
            violations.add(new Problem.Violation(OVERRIDES + ".continuityLookback",
                    "must be a duration such as P90D, at most P3650D"));
            return null;
        }
    }

    /** The fields of an object override, or none (and a violation) when it is not an object or too large. */
    private static List<Map.Entry<String, JsonNode>> entries(JsonNode node, String path, int max,
            List<Problem.Violation> violations) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isObject() || node.size() > max) {
            violations.add(new Problem.Violation(path, "must be an object of at most " + max + " entries"));
            return List.of();
        }
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        fields.forEachRemaining(entries::add);
        return entries;
    }

    private static Integer wholeNumber(JsonNode node, int min, int max) {
        return node.isInt() && node.asInt() >= min && node.asInt() <= max ? node.asInt() : null;
    }

    private static LocalDate date(JsonNode node) {
        if (node == null || !node.isTextual()) {
            return null;
        }
        try {
            return LocalDate.parse(node.asText());
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String name) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        return null;
    }
}
