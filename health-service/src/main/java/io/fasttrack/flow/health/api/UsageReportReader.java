package io.fasttrack.flow.health.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.fasttrack.flow.events.http.Problem.Violation;
import io.fasttrack.flow.events.model.Workload;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads the body of POST /usage: one report object, or an array of them. Every problem of every item is
 * collected, named by its JSON path ({@code active} for a single report, {@code [3].active} in an array).
 */
final class UsageReportReader {

    static final int MAX_TENANT_ID_LENGTH = 200;
    private static final Set<String> FIELDS = Set.of("tenantId", "workload", "licensed", "active", "asOf", "renewalDate");
    private static final String WORKLOADS = Arrays.toString(Workload.values());

    /** A report that passed validation. */
    record Report(String tenantId, Workload workload, long licensed, long active, LocalDate asOf, LocalDate renewalDate) {
    }

    record Result(List<Report> reports, List<Violation> violations) {
    }

    private UsageReportReader() {
    }

    static Result read(JsonNode body, LocalDate today, int maxBatchSize) {
        List<Report> reports = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        if (body == null || !(body.isObject() || body.isArray())) {
            violations.add(new Violation("$", "must be a usage report object or an array of them"));
        } else if (body.isObject()) {
            readOne(body, "", today, reports, violations);
        } else if (body.isEmpty()) {
            violations.add(new Violation("$", "must hold at least one usage report"));
        } else if (body.size() > maxBatchSize) {
            violations.add(new Violation("$", "holds " + body.size() + " reports; at most " + maxBatchSize + " are accepted per call"));
        } else {
            for (int i = 0; i < body.size(); i++) {
                readOne(body.get(i), "[" + i + "]", today, reports, violations);
            }
        }
        return new Result(reports, violations);
    }

    private static void readOne(JsonNode item, String path, LocalDate today, List<Report> reports, List<Violation> violations) {
        if (!item.isObject()) {
            violations.add(new Violation(path.isEmpty() ? "$" : path, "must be a usage report object"));
            return;
        }
        String prefix = path.isEmpty() ? "" : path + ".";
        int before = violations.size();
        for (Iterator<String> names = item.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                violations.add(new Violation(prefix + name, "unknown field; known fields are " + FIELDS.stream().sorted().toList()));
            }
        }
        String tenantId = tenantId(item.get("tenantId"), prefix + "tenantId", violations);
        Workload workload = workload(item.get("workload"), prefix + "workload", violations);
        Long licensed = count(item.get("licensed"), prefix + "licensed", violations);
        if (licensed != null && licensed <= 0) {
            violations.add(new Violation(prefix + "licensed", "must be greater than 0"));
            licensed = null;
        }
        Long active = count(item.get("active"), prefix + "active", violations);
        if (active != null && active < 0) {
            violations.add(new Violation(prefix + "active", "must be 0 or more"));
        } else if (active != null && licensed != null && active > licensed) {
            violations.add(new Violation(prefix + "active", "must not exceed licensed (" + licensed + ")"));
        }
        LocalDate asOf = date(item.get("asOf"), prefix + "asOf", true, violations);
        if (asOf != null && asOf.isAfter(today)) {
            violations.add(new Violation(prefix + "asOf", "must not be in the future (today is " + today + " UTC)"));
        }
        LocalDate renewalDate = date(item.get("renewalDate"), prefix + "renewalDate", false, violations);
        if (violations.size() == before) {
            reports.add(new Report(tenantId, workload, licensed, active, asOf, renewalDate));
        }
    }

    private static String tenantId(JsonNode node, String field, List<Violation> violations) {
        if (node == null || node.isNull()) {
            violations.add(new Violation(field, "must be present"));
        } else if (!node.isTextual()) {
            violations.add(new Violation(field, "must be a string"));
        } else if (node.textValue().isBlank()) {
            violations.add(new Violation(field, "must not be blank"));
        } else if (node.textValue().length() > MAX_TENANT_ID_LENGTH) {
            violations.add(new Violation(field, "must be at most " + MAX_TENANT_ID_LENGTH + " characters"));
        } else {
            return node.textValue();
        }
        return null;
    }

    private static Workload workload(JsonNode node, String field, List<Violation> violations) {
        if (node == null || node.isNull()) {
            violations.add(new Violation(field, "must be present; one of " + WORKLOADS));
            return null;
        }
        if (node.isTextual()) {
            for (Workload workload : Workload.values()) {
                if (workload.name().equals(node.textValue())) {
                    return workload;
                }
            }
        }
        violations.add(new Violation(field, "must be one of " + WORKLOADS));
        return null;
    }

    private static Long count(JsonNode node, String field, List<Violation> violations) {
        if (node == null || node.isNull()) {
            violations.add(new Violation(field, "must be present"));
        } else if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            violations.add(new Violation(field, "must be a whole number"));
        } else {
            return node.longValue();
        }
        return null;
    }

    private static LocalDate date(JsonNode node, String field, boolean required, List<Violation> violations) {
        if (node == null || node.isNull()) {
            if (required) {
                violations.add(new Violation(field, "must be present"));
            }
            return null;
        }
        if (node.isTextual()) {
            try {
                return LocalDate.parse(node.textValue());
            } catch (DateTimeParseException e) {
                // reported below, with the expected format
            }
        }
        violations.add(new Violation(field, "must be a date like 2026-11-01"));
        return null;
    }
}
