package io.fasttrack.flow.health.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fasttrack.flow.events.http.Problem.Violation;
import io.fasttrack.flow.events.model.Workload;
import io.fasttrack.flow.kit.api.FieldLimit;
import io.fasttrack.flow.kit.api.JsonFields;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Reads the body of POST /usage: one report object, or an array of them. Every problem of every item is
 * collected, named by its JSON path ({@code active} for a single report, {@code [3].active} in an array). Each
 * item is read by the kit's {@link JsonFields}, so its texts and dates follow the same limits as every service's.
 */
final class UsageReportReader {

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
        if (!(item instanceof ObjectNode object)) {
            violations.add(new Violation(path.isEmpty() ? "$" : path, "must be a usage report object"));
            return;
        }
        JsonFields fields = JsonFields.of(object).allowOnly(FIELDS);
        String tenantId = fields.requiredText("tenantId", FieldLimit.ID);
        Workload workload = workload(fields);
        Long licensed = count(fields, "licensed");
        if (licensed != null && licensed <= 0) {
            fields.violation("licensed", "must be greater than 0");
            licensed = null;
        }
        Long active = count(fields, "active");
        if (active != null && active < 0) {
            fields.violation("active", "must be 0 or more");
        } else if (active != null && licensed != null && active > licensed) {
            fields.violation("active", "must not exceed licensed (" + licensed + ")");
        }
        LocalDate asOf = fields.requiredDate("asOf");
        if (asOf != null && asOf.isAfter(today)) {
            fields.violation("asOf", "must not be in the future (today is " + today + " UTC)");
        }
        LocalDate renewalDate = fields.optionalDate("renewalDate");
        List<Violation> found = fields.violations();
        if (found.isEmpty()) {
            reports.add(new Report(tenantId, workload, licensed, active, asOf, renewalDate));
        }
        String prefix = path.isEmpty() ? "" : path + ".";
        found.forEach(violation -> violations.add(new Violation(prefix + violation.field(), violation.message())));
    }

    private static Workload workload(JsonFields fields) {
        JsonNode node = fields.value("workload");
        if (node == null || node.isNull()) {
            fields.violation("workload", "is required; one of " + WORKLOADS);
            return null;
        }
        if (node.isTextual()) {
            for (Workload workload : Workload.values()) {
                if (workload.name().equals(node.textValue())) {
                    return workload;
                }
            }
        }
        fields.violation("workload", "must be one of " + WORKLOADS);
        return null;
    }

    /** Seats and devices: whole numbers that may exceed an int, which the kit's integer fields stop at. */
    private static Long count(JsonFields fields, String field) {
        JsonNode node = fields.value(field);
        if (node == null || node.isNull()) {
            fields.violation(field, "is required");
        } else if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            fields.violation(field, "must be a whole number");
        } else {
            return node.longValue();
        }
        return null;
    }
}
