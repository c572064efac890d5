package io.fasttrack.flow.console.views;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import io.fasttrack.flow.console.services.AssignmentApi;
import io.fasttrack.flow.console.services.EngagementApi;
import io.fasttrack.flow.console.services.IntakeApi;

/**
 * One request's way through the services, from its submission to its engagement's completion, with the decision
 * that placed it: every candidate, excluded and why or how it ranked, and the rule that decided.
 *
 * @param decision   null while assignment-service has not decided yet
 * @param engagement null until the engagement is opened
 * @param whyNot     the comparison asked for with {@code ?whyNot=}, null when none was
 */
public record RequestJourney(IntakeApi.Request request, AssignmentApi.Decision decision,
        EngagementApi.Engagement engagement, List<Step> path, AssignmentApi.WhyNot whyNot, String whyNotAsked) {

    /** One step of the path: {@code done}, {@code now} (where the request is) or {@code next} (not reached yet). */
    public record Step(String name, String service, Instant at, String detail, String state) {
    }

    public static RequestJourney of(IntakeApi.Request request, AssignmentApi.Decision decision,
            EngagementApi.Engagement engagement, AssignmentApi.WhyNot whyNot, String whyNotAsked) {
        return new RequestJourney(request, decision, engagement, path(request, decision, engagement), whyNot,
                whyNotAsked);
    }

    public String winnerId() {
        return decision == null || decision.architect() == null ? null : decision.architect().id();
    }

    public boolean isWinner(AssignmentApi.Candidate candidate) {
        return candidate.architectId().equals(winnerId());
    }

    private static List<Step> path(IntakeApi.Request request, AssignmentApi.Decision decision,
            EngagementApi.Engagement engagement) {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("Submitted", "intake-service", request.submittedAt(),
                request.type().replace('_', ' ').toLowerCase(java.util.Locale.ROOT) + " for "
                        + Objects.requireNonNullElse(request.customerName(), request.tenantId()),
                "done"));
        boolean assigned = decision != null && decision.architect() != null;
        if (decision != null && !assigned) {
            steps.add(new Step("Waiting in the queue", "assignment-service", decision.decidedAt(),
                    Objects.requireNonNullElse(decision.reason(), "nobody could take it yet"), "now"));
        }
        steps.add(assigned
                ? new Step("Assigned", "assignment-service", decision.decidedAt(), decision.architect().name() + " ("
                        + decision.architect().id() + "), by " + decidedHow(decision), "done")
                : new Step("Assigned", "assignment-service", null, "within 2 business days of the submission",
                        decision == null ? "now" : "next"));
        if (engagement == null) {
            steps.add(new Step("Engagement opened", "engagement-service", null, "with its FTOP tasks",
                    assigned ? "now" : "next"));
            steps.add(new Step("Completed", "engagement-service", null, "every mandatory task done", "next"));
            return steps;
        }
        steps.add(new Step("Engagement opened", "engagement-service", engagement.openedAt(),
                engagement.tasks().size() + " FTOP tasks", "done"));
        List<EngagementApi.Task> mandatory = engagement.tasks().stream().filter(EngagementApi.Task::mandatory).toList();
        long mandatoryDone = mandatory.stream().filter(EngagementApi.Task::isDone).count();
        Instant lastDone = mandatory.stream().map(EngagementApi.Task::completedAt).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        boolean allDone = mandatoryDone == mandatory.size();
        steps.add(new Step("Mandatory tasks done", "engagement-service", allDone ? lastDone : null,
                mandatoryDone + " of " + mandatory.size(), allDone ? "done" : "now"));
        steps.add(new Step("Completed", "engagement-service", engagement.completedAt(),
                engagement.completedAt() == null ? (engagement.reviewRequired() ? "after the review" : "not yet")
                        : "engagement " + engagement.status().toLowerCase(),
                engagement.completedAt() == null ? (allDone ? "now" : "next") : "done"));
        return steps;
    }

    private static String decidedHow(AssignmentApi.Decision decision) {
        return decision.decidedBy() == null ? "the balancer (" + decision.decidingRule() + ")"
                : "manager " + decision.decidedBy() + (decision.reason() == null ? "" : ": " + decision.reason());
    }
}
