package io.fasttrack.flow.intake.domain;

import static io.fasttrack.flow.intake.SampleRequests.minimal;
import static io.fasttrack.flow.intake.SampleRequests.without;
import static org.assertj.core.api.Assertions.assertThat;

import io.fasttrack.flow.events.RequestSubmitted;
import io.fasttrack.flow.events.model.AttachmentKind;
import io.fasttrack.flow.events.model.RequestFamily;
import io.fasttrack.flow.events.model.RequestQueue;
import io.fasttrack.flow.events.model.RequestType;
import io.fasttrack.flow.intake.SampleRequests;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class SubmissionValidatorTest {

    private final SubmissionValidator validator = new SubmissionValidator();

    @ParameterizedTest
    @EnumSource(RequestType.class)
    void acceptsTheMinimalCompleteRequestOfEveryType(RequestType type) {
        RequestSubmission submission = valid(minimal(type, "contoso-001"));

        assertThat(submission.type()).isEqualTo(type);
        assertThat(submission.tenantId()).isEqualTo("contoso-001");
        assertThat(submission.accountTeam()).containsExactly("atu@example.com", "csu@example.com");
    }

    static Stream<Arguments> everyRequiredPartOfEveryType() {
        return Stream.of(RequestType.values()).flatMap(type -> SampleRequests.requiredParts(type).stream()
                .map(part -> Arguments.of(type, part.path(), part.violationField())));
    }

    @ParameterizedTest(name = "{0} without {1}")
    @MethodSource("everyRequiredPartOfEveryType")
    void refusesARequestThatLacksARequiredPartNamingExactlyThatField(RequestType type, String path, String field) {
        List<FieldViolation> violations = invalid(without(minimal(type, "contoso-001"), path));

        assertThat(violations).extracting(FieldViolation::field).containsExactly(field);
    }

    @Test
    void namesTheMissingAttachmentKindAndTheAlternativeThatWouldDo() {
        List<FieldViolation> violations = invalid(without(minimal(RequestType.DISCOVERY_WORKSHOP, "t"),
                "attachments[kind=STAFFING_PLAN]"));

        assertThat(violations).singleElement().satisfies(v -> assertThat(v.message())
                .contains("STAFFING_PLAN or WORK_BREAKDOWN").contains("DISCOVERY_WORKSHOP"));
    }

    @Test
    void acceptsAWorkBreakdownInsteadOfAStaffingPlan() {
        Map<String, Object> body = minimal(RequestType.ECIF_DWR_REVIEW, "t");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> attachments = (List<Map<String, Object>>) body.get("attachments");
        attachments.get(1).put("kind", "WORK_BREAKDOWN");

        assertThat(valid(body).attachments()).extracting(a -> a.kind()).contains(AttachmentKind.WORK_BREAKDOWN);
    }

    @Test
    void listsEveryBadFieldOfABadRequestAtOnce() {
        Object body = SampleRequests.tree("""
                {"type": "DISCOVERY_WORKSHOP",
                 "customer": {"name": 42, "segment": "S9000", "vip": true},
                 "region": "MARS", "timeZone": "Europe/Atlantis",
                 "requestor": {"name": "Requesting Seller", "email": "not-an-email"},
                 "accountTeam": ["atu@example.com", "csu at example.com"],
                 "workloads": ["EXCHANGE", "FAX"],
                 "getModern": "yes",
                 "engageBeforeLicensePurchase": true,
                 "attachments": [{"kind": "SOW", "name": "sow.pdf", "uri": "https://f.example.com/sow.pdf"},
                                 {"kind": "NAPKIN", "name": "n.jpg", "uri": "ftp://f.example.com/n.jpg"}],
                 "migration": {"mailboxCount": 10.5},
                 "inquiry": {"topic": "WEATHER"},
                 "priority": "high"}
                """);

        List<FieldViolation> violations = invalid(body);

        assertThat(violations).extracting(FieldViolation::field).containsExactlyInAnyOrder(
                "priority", "customer.vip", "customer.name", "customer.segment", "region", "timeZone",
                "requestor.email", "accountTeam[1]", "workloads[1]", "getModern", "approvals",
                "attachments[1].kind", "attachments[1].uri", "migration.mailboxCount", "inquiry.topic",
                "attachments", "attachments");
        assertThat(violations).filteredOn(v -> v.field().equals("region")).singleElement()
                .satisfies(v -> assertThat(v.message()).contains("AMER, EMEA, APAC"));
        assertThat(violations).filteredOn(v -> v.field().equals("attachments[1].kind")).singleElement()
                .satisfies(v -> assertThat(v.message()).contains("CUSTOMER_SUCCESS_PLAN"));
    }

    @Test
    void reportsWrongJsonTypesAsSuch() {
        Map<String, Object> body = minimal(RequestType.ECIF_DWR_REVIEW, "t");
        body.put("fundingAmountUsd", "lots");
        body.put("workloads", "EXCHANGE");
        body.put("customer", List.of("Contoso"));
        body.put("type", 7);

        assertThat(invalid(body)).extracting(FieldViolation::field, FieldViolation::message).contains(
                org.assertj.core.groups.Tuple.tuple("fundingAmountUsd", "must be a number"),
                org.assertj.core.groups.Tuple.tuple("workloads", "must be a JSON array"),
                org.assertj.core.groups.Tuple.tuple("customer", "must be a JSON object"));
        assertThat(invalid(body)).extracting(FieldViolation::field).contains("type");
    }

    @Test
    void refusesANonPositiveFundingAmountAndMailboxCount() {
        Map<String, Object> ecif = minimal(RequestType.ECIF_DWR_REVIEW, "t");
        ecif.put("fundingAmountUsd", 0);
        Map<String, Object> migration = minimal(RequestType.MIGRATION_EXCEPTION, "t");
        @SuppressWarnings("unchecked")
        Map<String, Object> details = (Map<String, Object>) migration.get("migration");
        details.put("mailboxCount", -3);

        assertThat(invalid(ecif)).extracting(FieldViolation::field).containsExactly("fundingAmountUsd");
        assertThat(invalid(migration)).extracting(FieldViolation::field).containsExactly("migration.mailboxCount");
    }

    @Test
    void engagingBeforeLicensePurchaseNeedsApprovals() {
        Map<String, Object> body = minimal(RequestType.LAND_FTC_BENEFIT, "t");
        body.put("engageBeforeLicensePurchase", true);
        body.put("approvals", List.of());
        assertThat(invalid(body)).extracting(FieldViolation::field).containsExactly("approvals");

        body.put("approvals", List.of("approved by the FastTrack Manager"));
        assertThat(valid(body).approvals()).containsExactly("approved by the FastTrack Manager");
    }

    @Test
    void aBodyThatIsNotAnObjectIsOneViolation() {
        assertThat(invalid(List.of(1, 2))).extracting(FieldViolation::field).containsExactly("$");
    }

    @Test
    void aMissingTenantBecomesAMarkedPlaceholderOnTheEvent() {
        Map<String, Object> body = without(minimal(RequestType.MIGRATION_EXCEPTION, "t"), "customer.tenantId");
        RequestSubmitted event = valid(body).toEvent("r-1", PlaceholderTenant.mint(java.util.UUID.randomUUID()),
                Instant.parse("2026-11-23T10:00:00Z"));

        assertThat(event.customer().tenantId()).startsWith(PlaceholderTenant.PREFIX);
        assertThat(event.customer().placeholderTenant()).isTrue();
        assertThat(event.subject()).isEqualTo(event.customer().tenantId());
        assertThat(event.family()).isEqualTo(RequestFamily.MIGRATION_EXCEPTION);
        assertThat(event.queue()).isEqualTo(RequestQueue.FTA);
        assertThat(event.migration().mailboxCount()).isEqualTo(1200);
    }

    @Test
    void aGivenTenantIsKeptAndNotMarked() {
        RequestSubmitted event = valid(minimal(RequestType.ECIF_DWR_REVIEW, "contoso-001"))
                .toEvent("r-2", "placeholder-unused", Instant.parse("2026-11-23T10:00:00Z"));

        assertThat(event.customer().tenantId()).isEqualTo("contoso-001");
        assertThat(event.customer().placeholderTenant()).isFalse();
        assertThat(event.fundingAmountUsd()).isEqualByComparingTo(new BigDecimal("75000"));
    }

    private RequestSubmission valid(Object body) {
        SubmissionValidator.Outcome outcome = validator.validate(body);
        assertThat(outcome).isInstanceOf(SubmissionValidator.Valid.class);
        return ((SubmissionValidator.Valid) outcome).submission();
    }

    private List<FieldViolation> invalid(Object body) {
        SubmissionValidator.Outcome outcome = validator.validate(body);
        assertThat(outcome).isInstanceOf(SubmissionValidator.Invalid.class);
        return ((SubmissionValidator.Invalid) outcome).violations();
    }
}
