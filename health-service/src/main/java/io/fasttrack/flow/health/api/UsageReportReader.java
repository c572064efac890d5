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
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads the body of POST /usage: one report object, or an array of them. Every problem of every item is
 * collected, named by its JSON path ({@code active} for a single report, {@code [3].active} in an array), the first
 * hundred worded and the rest only counted. Each item is read by the kit's {@link JsonFields}, so its texts and
 * dates follow the same limits as every service's.
 */
final class UsageReportReader {

    /** Most licensed seats (or devices) and active users a report may state: far above any tenant, far below overflow. */
    static final long MAX_SEATS = 1_000_000_000L;
    private static final Set<String> FIELDS = Set.of("tenantId", "workload", "licensed", "active", "asOf", "renewalDate");
    private static final String WORKLOADS = Arrays.toString(Workload.values());

    /** A report that passed validation. */
    record Report(String tenantId, Workload workload, long licensed, long active, LocalDate asOf, LocalDate renewalDate) {
    }

    record Result(List<Report> reports, BoundedViolations violations) {
    }

    private UsageReportReader() {
    }

    /** Reads the body; {@code violations} may hold problems found before it (a header), listed first. */
    static Result read(JsonNode body, LocalDate today, int maxBatchSize, BoundedViolations violations) {
        List<Report> reports = new ArrayList<>();
        if (body == null || !(body.isObject() || body.isArray())) {
            violations.add("$", "must be a usage report object or an array of them");
        } else if (body.isObject()) {
            readOne(body, "", today, reports, violations);
        } else if (body.isEmpty()) {
            violations.add("$", "must hold at least one usage report");
        } else if (body.size() > maxBatchSize) {
            violations.add("$", "holds " + body.size() + " reports; at most " + maxBatchSize + " are accepted per call");
        } else {
            for (int i = 0; i < body.size(); i++) {
                readOne(body.get(i), "[" + i + "]", today, reports, violations);
            }
        }
        return new Result(reports, violations);
    }

    private static void readOne(JsonNode item, String path, LocalDate today, List<Report> reports, BoundedViolations violations) {
        if (!(item instanceof ObjectNode object)) {
            violations.add(path.isEmpty() ? "$" : path, "must be a usage report object");
            return;
        }
        String prefix = path.isEmpty() ? "" : path + ".";
        boolean unknownFields = refuseUnknownFields(object, prefix, violations);
        JsonFields fields = JsonFields.of(object);
        String tenantId = fields.requiredText("tenantId", FieldLimit.ID);
        Workload workload = workload(fields);
        Long licensed = seats(fields, "licensed", 1);
        Long active = seats(fields, "active", 0);
        if (active != null && licensed != null && active > licensed) {
            fields.violation("active", "must not exceed licensed (" + licensed + ")");
        }
        LocalDate asOf = fields.requiredDate("asOf");
        if (asOf != null && asOf.isAfter(today)) {
            fields.violation("asOf", "must not be in the future (today is " + today + " UTC)");
        }
        LocalDate renewalDate = fields.optionalDate("renewalDate");
        List<Violation> found = fields.violations();
        if (found.isEmpty() && !unknownFields) {
            reports.add(new Report(tenantId, workload, licensed, active, asOf, renewalDate));
        }
        found.forEach(violation -> violations.add(prefix + violation.field(), violation.message()));
    }

    /**
     * Names every field the report does not have as unknown; past the listed violations they are only counted, so a
     * body of 400,000 unknown fields makes no 400,000 objects. Returns whether there was any.
     */
    private static boolean refuseUnknownFields(ObjectNode object, String prefix, BoundedViolations violations) {
        boolean found = false;
        Iterator<String> names = object.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                found = true;
                if (violations.listsMore()) {
                    violations.add(prefix + name, "unknown field");
                } else {
                    violations.count();
                }
            }
        }
        return found;
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

    /** Seats and devices: whole numbers from {@code min} to {@link #MAX_SEATS}, more than the kit's int fields take. */
    private static Long seats(JsonFields fields, String field, long min) {
        JsonNode node = fields.value(field);
        if (node == null || node.isNull()) {
            fields.violation(field, "is required");
        } else if (!node.isIntegralNumber()) {
            fields.violation(field, "must be a whole number");
        } else if (!node.canConvertToLong() || node.longValue() < min || node.longValue() > MAX_SEATS) {
            fields.violation(field, "must be a whole number from " + min + " to " + MAX_SEATS);
        } else {
            return node.longValue();
        }
        return null;
    }
}
