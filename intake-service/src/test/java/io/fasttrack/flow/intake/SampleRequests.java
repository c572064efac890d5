package io.fasttrack.flow.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fasttrack.flow.events.model.RequestType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Minimal complete request bodies of every type, as mutable JSON trees that tests can break on purpose. */
public final class SampleRequests {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    /** A part every request must carry, as a JSON path, and the violation field its absence must produce. */
    public record RequiredPart(String path, String violationField) {
    }

    private SampleRequests() {
    }

    public static Map<String, Object> minimal(RequestType type, String tenantId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.name());
        body.put("customer", map("tenantId", tenantId, "name", "Contoso", "segment", "S500"));
        body.put("region", "EMEA");
        body.put("timeZone", "Europe/Berlin");
        body.put("requestor", map("name", "Requesting Seller", "email", "seller@example.com"));
        body.put("accountTeam", list("atu@example.com", "csu@example.com"));
        body.put("workloads", list("EXCHANGE", "TEAMS"));
        switch (type) {
            case DISCOVERY_WORKSHOP -> body.put("attachments", fundingAttachments());
            case ECIF_DWR_REVIEW -> {
                body.put("attachments", fundingAttachments());
                body.put("fundingAmountUsd", 75000);
            }
            case MIGRATION_EXCEPTION -> body.put("migration", map("mailboxCount", 1200,
                    "sourceEnvironment", "Domino/Notes", "businessJustification", "Notes is out of support in March"));
            case LAND_FTC_BENEFIT -> body.put("attachments", list(
                    attachment("CUSTOMER_SUCCESS_PLAN", "csp.pdf")));
            case SALES_SUPPORT_INQUIRY -> body.put("inquiry", map("topic", "ELIGIBILITY",
                    "impact", "Blocks a 5,000 seat deal", "customerType", "Enterprise", "deploymentStatus", "Pilot"));
            case ENGAGE_BEFORE_LICENSE -> body.put("justification", "Licenses are signed next quarter");
        }
        return body;
    }

    /** Every part a request of this type needs, with the violation field that names it when it is missing. */
    public static List<RequiredPart> requiredParts(RequestType type) {
        List<RequiredPart> parts = new ArrayList<>(List.of(
                new RequiredPart("type", "type"),
                new RequiredPart("customer", "customer"),
                new RequiredPart("customer.name", "customer.name"),
                new RequiredPart("customer.segment", "customer.segment"),
                new RequiredPart("region", "region"),
                new RequiredPart("timeZone", "timeZone"),
                new RequiredPart("requestor", "requestor"),
                new RequiredPart("requestor.name", "requestor.name"),
                new RequiredPart("requestor.email", "requestor.email"),
                new RequiredPart("accountTeam", "accountTeam"),
                new RequiredPart("workloads", "workloads")));
        parts.addAll(typeSpecificParts(type));
        return parts;
    }

    /** The parts only this type needs. {@code attachments[kind=X]} means the attachment of kind X. */
    public static List<RequiredPart> typeSpecificParts(RequestType type) {
        List<RequiredPart> funding = List.of(
                new RequiredPart("attachments[kind=SOW]", "attachments"),
                new RequiredPart("attachments[kind=STAFFING_PLAN]", "attachments"),
                new RequiredPart("attachments[kind=COST_BREAKDOWN]", "attachments"));
        return switch (type) {
            case DISCOVERY_WORKSHOP -> funding;
            case ECIF_DWR_REVIEW -> {
                List<RequiredPart> parts = new ArrayList<>(funding);
                parts.add(new RequiredPart("fundingAmountUsd", "fundingAmountUsd"));
                yield parts;
            }
            case MIGRATION_EXCEPTION -> List.of(
                    new RequiredPart("migration", "migration"),
                    new RequiredPart("migration.mailboxCount", "migration.mailboxCount"),
                    new RequiredPart("migration.sourceEnvironment", "migration.sourceEnvironment"),
                    new RequiredPart("migration.businessJustification", "migration.businessJustification"));
            case LAND_FTC_BENEFIT -> List.of(new RequiredPart("attachments[kind=CUSTOMER_SUCCESS_PLAN]", "attachments"));
            case SALES_SUPPORT_INQUIRY -> List.of(
                    new RequiredPart("inquiry", "inquiry"),
                    new RequiredPart("inquiry.topic", "inquiry.topic"),
                    new RequiredPart("inquiry.impact", "inquiry.impact"),
                    new RequiredPart("inquiry.customerType", "inquiry.customerType"),
                    new RequiredPart("inquiry.deploymentStatus", "inquiry.deploymentStatus"));
            case ENGAGE_BEFORE_LICENSE -> List.of(new RequiredPart("justification", "justification"));
        };
    }

    /** The body without the part at {@code path} (a dotted path, or {@code attachments[kind=X]}). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> without(Map<String, Object> body, String path) {
        Map<String, Object> copy = copy(body);
        if (path.startsWith("attachments[kind=")) {
            String kind = path.substring("attachments[kind=".length(), path.length() - 1);
            ((List<Map<String, Object>>) copy.get("attachments")).removeIf(a -> kind.equals(a.get("kind")));
            return copy;
        }
        String[] steps = path.split("\\.");
        Map<String, Object> node = copy;
        for (int i = 0; i < steps.length - 1; i++) {
            node = (Map<String, Object>) node.get(steps[i]);
        }
        node.remove(steps[steps.length - 1]);
        return copy;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> copy(Map<String, Object> body) {
        try {
            return MAPPER.readValue(MAPPER.writeValueAsBytes(body), Map.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String json(Object tree) {
        try {
            return MAPPER.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses JSON text the way the service does: objects become maps, decimals BigDecimal. */
    public static Object tree(String json) {
        try {
            return MAPPER.readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Object> fundingAttachments() {
        return list(attachment("SOW", "sow.pdf"), attachment("STAFFING_PLAN", "staffing.xlsx"),
                attachment("COST_BREAKDOWN", "cost.xlsx"));
    }

    private static Map<String, Object> attachment(String kind, String name) {
        return map("kind", kind, "name", name, "uri", "https://files.example.com/" + name);
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static List<Object> list(Object... values) {
        return new ArrayList<>(List.of(values));
    }
}
