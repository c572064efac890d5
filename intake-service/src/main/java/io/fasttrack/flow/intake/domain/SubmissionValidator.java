package io.fasttrack.flow.intake.domain;

import io.fasttrack.flow.events.model.Attachment;
import io.fasttrack.flow.events.model.AttachmentKind;
import io.fasttrack.flow.events.model.Contact;
import io.fasttrack.flow.events.model.InquiryDetails;
import io.fasttrack.flow.events.model.InquiryTopic;
import io.fasttrack.flow.events.model.MigrationDetails;
import io.fasttrack.flow.events.model.Region;
import io.fasttrack.flow.events.model.RequestType;
import io.fasttrack.flow.events.model.Segment;
import io.fasttrack.flow.events.model.Workload;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks a submitted request body, given as a plain JSON tree (maps, lists, strings, numbers, booleans, nulls),
 * against SPEC sections 2 and 9, and reports every bad field at once rather than stopping at the first.
 */
public final class SubmissionValidator {

    static final int MAX_NAME = 200;
    static final int MAX_TEXT = 4000;
    static final int MAX_URI = 2000;
    static final int MAX_LIST = 100;
    static final int MAX_FIELD_NAME = 100;

    private static final Pattern EMAIL = Pattern.compile("^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$");
    private static final Set<String> IANA_ZONES = ZoneId.getAvailableZoneIds();

    private static final Set<String> REQUEST_FIELDS = Set.of("type", "customer", "region", "timeZone", "requestor",
            "accountTeam", "workloads", "getModern", "engageBeforeLicensePurchase", "approvals", "attachments",
            "fundingAmountUsd", "migration", "inquiry", "justification");
    private static final Set<String> CUSTOMER_FIELDS = Set.of("tenantId", "name", "segment");
    private static final Set<String> REQUESTOR_FIELDS = Set.of("name", "email");
    private static final Set<String> ATTACHMENT_FIELDS = Set.of("kind", "name", "uri");
    private static final Set<String> MIGRATION_FIELDS = Set.of("mailboxCount", "sourceEnvironment", "businessJustification");
    private static final Set<String> INQUIRY_FIELDS = Set.of("topic", "impact", "customerType", "deploymentStatus");

    /** The verdict on a body: either a complete submission or the list of every violation. */
    public sealed interface Outcome permits Valid, Invalid {
    }

    public record Valid(RequestSubmission submission) implements Outcome {
    }

    public record Invalid(List<FieldViolation> violations) implements Outcome {
        public Invalid {
            violations = List.copyOf(violations);
        }
    }

    public Outcome validate(Object body) {
        Check check = new Check();
        if (!(body instanceof Map<?, ?> root)) {
            check.add("$", "must be a JSON object");
            return new Invalid(check.violations);
        }
        check.unknownFields(root, REQUEST_FIELDS, "");

        RequestType type = check.enumValue(root, "type", "type", RequestType.class, true);

        Map<?, ?> customer = check.object(root, "customer", "customer", true);
        String tenantId = null;
        String customerName = null;
        Segment segment = null;
        if (customer != null) {
            check.unknownFields(customer, CUSTOMER_FIELDS, "customer.");
            tenantId = check.text(customer, "tenantId", "customer.tenantId", false, MAX_NAME);
            if (tenantId != null && !TenantIds.wellFormed(tenantId)) {
                check.add("customer.tenantId", TenantIds.FORM);
            }
            customerName = check.text(customer, "name", "customer.name", true, MAX_NAME);
            segment = check.enumValue(customer, "segment", "customer.segment", Segment.class, true);
        }

        Region region = check.enumValue(root, "region", "region", Region.class, true);
        String timeZone = check.text(root, "timeZone", "timeZone", true, MAX_NAME);
        if (timeZone != null && !IANA_ZONES.contains(timeZone)) {
            check.add("timeZone", "must be an IANA time zone such as Europe/Berlin or America/New_York");
        }

        Contact requestor = null;
        Map<?, ?> requestorNode = check.object(root, "requestor", "requestor", true);
        if (requestorNode != null) {
            check.unknownFields(requestorNode, REQUESTOR_FIELDS, "requestor.");
            String name = check.text(requestorNode, "name", "requestor.name", true, MAX_NAME);
            String email = check.email(requestorNode.get("email"), "requestor.email", true);
            requestor = new Contact(name, email);
        }

        List<String> accountTeam = new ArrayList<>();
        List<?> accountTeamNode = check.array(root, "accountTeam", "accountTeam", true, true);
        if (accountTeamNode != null) {
            for (int i = 0; i < accountTeamNode.size(); i++) {
                accountTeam.add(check.email(accountTeamNode.get(i), "accountTeam[" + i + "]", true));
            }
        }

        List<Workload> workloads = new ArrayList<>();
        List<?> workloadsNode = check.array(root, "workloads", "workloads", true, true);
        if (workloadsNode != null) {
            for (int i = 0; i < workloadsNode.size(); i++) {
                Workload workload = check.enumOf(workloadsNode.get(i), "workloads[" + i + "]", Workload.class, true);
                if (workload != null && !workloads.contains(workload)) {
                    workloads.add(workload);
                }
            }
        }

        boolean getModern = check.bool(root, "getModern", "getModern");
        boolean engageBeforeLicensePurchase = check.bool(root, "engageBeforeLicensePurchase", "engageBeforeLicensePurchase");

        List<String> approvals = new ArrayList<>();
        List<?> approvalsNode = check.array(root, "approvals", "approvals", false, false);
        if (approvalsNode != null) {
            for (int i = 0; i < approvalsNode.size(); i++) {
                approvals.add(check.textValue(approvalsNode.get(i), "approvals[" + i + "]", true, MAX_NAME));
            }
        }
        boolean approvalsReadable = approvalsNode != null || root.get("approvals") == null;
        if (engageBeforeLicensePurchase && approvalsReadable && approvals.isEmpty()) {
            check.add("approvals", "at least one approval is required when engageBeforeLicensePurchase is true");
        }

        List<Attachment> attachments = new ArrayList<>();
        List<?> attachmentsNode = check.array(root, "attachments", "attachments", false, false);
        if (attachmentsNode != null) {
            for (int i = 0; i < attachmentsNode.size(); i++) {
                attachments.add(check.attachment(attachmentsNode.get(i), "attachments[" + i + "]"));
            }
        }

        BigDecimal fundingAmountUsd = check.positiveAmount(root, "fundingAmountUsd",
                type == RequestType.ECIF_DWR_REVIEW, type);
        MigrationDetails migration = check.migration(root, type == RequestType.MIGRATION_EXCEPTION);
        InquiryDetails inquiry = check.inquiry(root, type == RequestType.SALES_SUPPORT_INQUIRY);
        String justification = check.text(root, "justification", "justification",
                type == RequestType.ENGAGE_BEFORE_LICENSE, MAX_TEXT);

        boolean attachmentsReadable = attachmentsNode != null || root.get("attachments") == null;
        if (type != null && attachmentsReadable) {
            check.requiredAttachments(type, attachments);
        }

        if (!check.violations.isEmpty()) {
            return new Invalid(check.violations);
        }
        return new Valid(new RequestSubmission(type, tenantId, customerName, segment, region, timeZone, requestor,
                accountTeam, workloads, getModern, engageBeforeLicensePurchase, approvals, attachments,
                fundingAmountUsd, migration, inquiry, justification));
    }

    /** The attachment kinds each type must carry; a set of alternatives counts as one requirement. */
    static List<Set<AttachmentKind>> requiredAttachmentKinds(RequestType type) {
        return switch (type) {
            case DISCOVERY_WORKSHOP, ECIF_DWR_REVIEW -> List.of(
                    EnumSet.of(AttachmentKind.SOW),
                    EnumSet.of(AttachmentKind.STAFFING_PLAN, AttachmentKind.WORK_BREAKDOWN),
                    EnumSet.of(AttachmentKind.COST_BREAKDOWN));
            case LAND_FTC_BENEFIT -> List.of(EnumSet.of(AttachmentKind.CUSTOMER_SUCCESS_PLAN));
            case MIGRATION_EXCEPTION, SALES_SUPPORT_INQUIRY, ENGAGE_BEFORE_LICENSE -> List.of();
        };
    }

    private static final class Check {

        private final List<FieldViolation> violations = new ArrayList<>();

        void add(String field, String message) {
            violations.add(new FieldViolation(field, message));
        }

        void unknownFields(Map<?, ?> node, Set<String> allowed, String prefix) {
            node.keySet().stream().map(String::valueOf).filter(key -> !allowed.contains(key)).sorted()
                    .forEach(key -> add(prefix + shownName(key), "unknown field; allowed fields are "
                            + allowed.stream().sorted().collect(Collectors.joining(", "))));
        }

        /** A field name as a violation can show it: a blank or huge name is described, not echoed back. */
        private static String shownName(String key) {
            if (key.isBlank()) {
                return "(blank field name)";
            }
            return key.length() > MAX_FIELD_NAME ? key.substring(0, MAX_FIELD_NAME) + "..." : key;
        }

        Map<?, ?> object(Map<?, ?> parent, String name, String path, boolean required) {
            Object value = parent.get(name);
            if (value == null) {
                if (required) {
                    add(path, "is required");
                }
                return null;
            }
            if (value instanceof Map<?, ?> map) {
                return map;
            }
            add(path, "must be a JSON object");
            return null;
        }

        List<?> array(Map<?, ?> parent, String name, String path, boolean required, boolean nonEmpty) {
            Object value = parent.get(name);
            if (value == null) {
                if (required) {
                    add(path, "is required");
                }
                return null;
            }
            if (!(value instanceof List<?> list)) {
                add(path, "must be a JSON array");
                return null;
            }
            if (nonEmpty && list.isEmpty()) {
                add(path, "must contain at least one entry");
            }
            if (list.size() > MAX_LIST) {
                add(path, "must contain at most " + MAX_LIST + " entries");
                return null;
            }
            return list;
        }

        String text(Map<?, ?> parent, String name, String path, boolean required, int maxLength) {
            return textValue(parent.get(name), path, required, maxLength);
        }

        String textValue(Object value, String path, boolean required, int maxLength) {
            if (value == null) {
                if (required) {
                    add(path, "is required");
                }
                return null;
            }
            if (!(value instanceof String text)) {
                add(path, "must be a string");
                return null;
            }
            if (text.isBlank()) {
                if (required) {
                    add(path, "must not be blank");
                }
                return null;
            }
            if (text.length() > maxLength) {
                add(path, "must be at most " + maxLength + " characters");
                return null;
            }
            return text.strip();
        }

        String email(Object value, String path, boolean required) {
            String text = textValue(value, path, required, 254);
            if (text != null && !EMAIL.matcher(text).matches()) {
                add(path, "must be an e-mail address such as name@example.com");
                return null;
            }
            return text;
        }

        <E extends Enum<E>> E enumValue(Map<?, ?> parent, String name, String path, Class<E> type, boolean required) {
            return enumOf(parent.get(name), path, type, required);
        }

        <E extends Enum<E>> E enumOf(Object value, String path, Class<E> type, boolean required) {
            if (value == null) {
                if (required) {
                    add(path, "is required; one of " + allowed(type));
                }
                return null;
            }
            if (value instanceof String text) {
                for (E constant : type.getEnumConstants()) {
                    if (constant.name().equals(text)) {
                        return constant;
                    }
                }
            }
            add(path, (value instanceof String ? "unknown value" : "must be a string") + "; one of " + allowed(type));
            return null;
        }

        boolean bool(Map<?, ?> parent, String name, String path) {
            Object value = parent.get(name);
            if (value == null) {
                return false;
            }
            if (value instanceof Boolean flag) {
                return flag;
            }
            add(path, "must be true or false");
            return false;
        }

        BigDecimal positiveAmount(Map<?, ?> parent, String name, boolean required, RequestType type) {
            Object value = parent.get(name);
            if (value == null) {
                if (required) {
                    add(name, "is required for " + type + " and must be greater than 0");
                }
                return null;
            }
            if (!(value instanceof Number number)) {
                add(name, "must be a number");
                return null;
            }
            BigDecimal amount = new BigDecimal(number.toString());
            if (amount.signum() <= 0) {
                add(name, "must be greater than 0");
                return null;
            }
            return amount;
        }

        Integer positiveCount(Map<?, ?> parent, String name, String path, boolean required) {
            Object value = parent.get(name);
            if (value == null) {
                if (required) {
                    add(path, "is required and must be greater than 0");
                }
                return null;
            }
            boolean whole = value instanceof Integer || value instanceof Long || value instanceof BigInteger;
            if (!whole) {
                add(path, "must be a whole number");
                return null;
            }
            long count = ((Number) value).longValue();
            if (value instanceof BigInteger || count <= 0 || count > Integer.MAX_VALUE) {
                add(path, "must be greater than 0 and at most " + Integer.MAX_VALUE);
                return null;
            }
            return (int) count;
        }

        Attachment attachment(Object value, String path) {
            if (!(value instanceof Map<?, ?> node)) {
                add(path, "must be a JSON object with kind, name and uri");
                return null;
            }
            unknownFields(node, ATTACHMENT_FIELDS, path + ".");
            AttachmentKind kind = enumValue(node, "kind", path + ".kind", AttachmentKind.class, true);
            String name = text(node, "name", path + ".name", true, MAX_NAME);
            String uri = text(node, "uri", path + ".uri", true, MAX_URI);
            if (uri != null && !isWebAddress(uri)) {
                add(path + ".uri", "must be an absolute http or https address");
            }
            return kind == null ? null : new Attachment(kind, name, uri);
        }

        MigrationDetails migration(Map<?, ?> root, boolean required) {
            Map<?, ?> node = object(root, "migration", "migration", false);
            if (node == null) {
                if (required && root.get("migration") == null) {
                    add("migration", "is required for MIGRATION_EXCEPTION: mailboxCount, sourceEnvironment, businessJustification");
                }
                return null;
            }
            unknownFields(node, MIGRATION_FIELDS, "migration.");
            Integer mailboxCount = positiveCount(node, "mailboxCount", "migration.mailboxCount", required);
            String source = text(node, "sourceEnvironment", "migration.sourceEnvironment", required, MAX_NAME);
            String why = text(node, "businessJustification", "migration.businessJustification", required, MAX_TEXT);
            return new MigrationDetails(mailboxCount, source, why);
        }

        InquiryDetails inquiry(Map<?, ?> root, boolean required) {
            Map<?, ?> node = object(root, "inquiry", "inquiry", false);
            if (node == null) {
                if (required && root.get("inquiry") == null) {
                    add("inquiry", "is required for SALES_SUPPORT_INQUIRY: topic, impact, customerType, deploymentStatus");
                }
                return null;
            }
            unknownFields(node, INQUIRY_FIELDS, "inquiry.");
            InquiryTopic topic = enumValue(node, "topic", "inquiry.topic", InquiryTopic.class, required);
            String impact = text(node, "impact", "inquiry.impact", required, MAX_TEXT);
            String customerType = text(node, "customerType", "inquiry.customerType", required, MAX_NAME);
            String deploymentStatus = text(node, "deploymentStatus", "inquiry.deploymentStatus", required, MAX_TEXT);
            return new InquiryDetails(topic, impact, customerType, deploymentStatus);
        }

        void requiredAttachments(RequestType type, List<Attachment> attachments) {
            Set<AttachmentKind> present = attachments.stream().filter(a -> a != null).map(Attachment::kind)
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(AttachmentKind.class)));
            for (Set<AttachmentKind> alternatives : requiredAttachmentKinds(type)) {
                if (alternatives.stream().noneMatch(present::contains)) {
                    add("attachments", "an attachment of kind "
                            + alternatives.stream().map(Enum::name).collect(Collectors.joining(" or "))
                            + " is required for " + type);
                }
            }
        }

        private static boolean isWebAddress(String text) {
            try {
                URI uri = new URI(text);
                return uri.isAbsolute() && uri.getHost() != null
                        && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()));
            } catch (URISyntaxException e) {
                return false;
            }
        }

        private static String allowed(Class<? extends Enum<?>> type) {
            return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        }
    }
}
