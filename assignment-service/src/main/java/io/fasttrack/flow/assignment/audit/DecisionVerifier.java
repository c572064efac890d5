package io.fasttrack.flow.assignment.audit;

import io.fasttrack.flow.assignment.domain.AssignmentPolicy;
import io.fasttrack.flow.assignment.domain.Balancer;
import io.fasttrack.flow.assignment.domain.CandidateComparison;
import io.fasttrack.flow.assignment.domain.Decision;
import io.fasttrack.flow.assignment.domain.HistoryReplay;
import io.fasttrack.flow.assignment.domain.HistoryReplay.Outcome;
import io.fasttrack.flow.assignment.domain.HistoryReplay.Rederived;
import io.fasttrack.flow.assignment.messaging.DecisionGate;
import io.fasttrack.flow.assignment.messaging.DecisionRecords;
import io.fasttrack.flow.kit.api.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The proof of the balancer: re-decides every recorded decision from the log, in the order of the decision journal,
 * with the same policy on a balancer of its own ({@link HistoryReplay}), and says where a recorded decision differs
 * from the re-derived one; and, for one decision, why an architect did not get the request ({@link #whyNot}).
 */
@ApplicationScoped
public class DecisionVerifier {

    static final int MISMATCHES_SHOWN = 100;

    @Inject
    DecisionGate gate;

    @Inject
    DecisionRecords records;

    @Inject
    LoggedHistory log;

    @ConfigProperty(name = "fasttrack.topic.assignments")
    String assignmentsTopic;

    /** One recorded decision that the replay decided otherwise (or not at all, or that nothing recorded). */
    public record Mismatch(String requestId, Outcome recorded, Outcome rederived, String firstDifference) {
    }

    /**
     * @param from       the window's start, null for the beginning of the log
     * @param to         the window's end, null for now
     * @param decisions  the balancer's recorded decisions in the window (a manager's are inputs, not counted)
     * @param mismatches the first {@value #MISMATCHES_SHOWN} of them, in journal order
     */
    public record Verification(Instant from, Instant to, long decisions, long matching, long mismatchCount,
            List<Mismatch> mismatches) {
    }

    /** An architect's chances at one decision, exactly as of it (the state the replay reached just before it). */
    public record WhyNot(String requestId, UUID decisionEventId, String decidedBy, CandidateComparison comparison) {
    }

    /** Re-decides the whole log and compares the decisions taken from {@code from} to {@code to} (either may be null). */
    public Verification verify(Instant from, Instant to) {
        Instant start = from == null ? Instant.MIN : from;
        Instant end = to == null ? Instant.MAX : to;
        RecordedHistory history = history();
        List<Mismatch> mismatches = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        long[] counts = new long[3];
        replay(history, (request, at, excluded) -> { }, rederived -> {
            Outcome outcome = rederived.recorded() != null ? rederived.recorded() : rederived.rederived();
            if (outcome.decidedAt().isBefore(start) || outcome.decidedAt().isAfter(end)) {
                return;
            }
            if (rederived.recorded() != null) {
                seen.add(rederived.recorded().eventId());
            }
            counts[0]++;
            String difference = difference(rederived.recorded(), rederived.rederived());
            if (difference == null) {
                counts[1]++;
            } else {
                counts[2]++;
                if (mismatches.size() < MISMATCHES_SHOWN) {
                    mismatches.add(new Mismatch(rederived.rederived().requestId(), rederived.recorded(), rederived.rederived(),
                            difference));
                }
            }
        });
        for (Outcome recorded : history.decisions.values()) {
            boolean balancers = !history.byManager.getOrDefault(recorded.eventId(), false);
            if (balancers && !seen.contains(recorded.eventId()) && !recorded.decidedAt().isBefore(start)
                    && !recorded.decidedAt().isAfter(end)) {
                counts[0]++;
                counts[2]++;
                if (mismatches.size() < MISMATCHES_SHOWN) {
                    mismatches.add(new Mismatch(recorded.requestId(), recorded, null, "not re-derived: no journalled step decides it"));
                }
            }
        }
        return new Verification(from, to, counts[0], counts[1], counts[2], mismatches);
    }

    /**
     * Why {@code architectId} did not get the request at its current decision: excluded and why, or the rule on which
     * they lost to the winner with both sides' values.
     */
    public WhyNot whyNot(String requestId, String architectId) {
        UUID decisionId = records.decisionOf(requestId).map(record -> record.eventId())
                .orElseThrow(() -> ProblemException.notFound("no decision for request " + requestId));
        RecordedHistory history = history();
        Outcome recorded = history.decision(decisionId).orElseThrow(() -> ProblemException.notFound(
                "the decision " + decisionId + " of request " + requestId + " is not on " + assignmentsTopic + " yet"));
        if (history.byManager.getOrDefault(decisionId, false)) {
            return new WhyNot(requestId, decisionId, "a manager", null);
        }
        AtomicReference<CandidateComparison> lastSeen = new AtomicReference<>();
        AtomicReference<CandidateComparison> atDecision = new AtomicReference<>();
        AtomicReference<Balancer> balancer = new AtomicReference<>();
        replay(history, (request, at, excluded) -> {
            if (request.requestId().equals(requestId)) {
                Decision winner = balancer.get().decide(request, at, excluded);
                lastSeen.set(balancer.get().compare(request, at, excluded, architectId, winner.architectId()));
            }
        }, rederived -> {
            if (rederived.rederived().eventId().equals(decisionId) && atDecision.get() == null) {
                atDecision.set(lastSeen.get());
            }
        }, balancer);
        if (atDecision.get() == null) {
            throw ProblemException.conflict("the decision " + decisionId + " of request " + requestId
                    + " was not re-derived from the journal (" + recorded.rule() + "): it cannot be explained as of then");
        }
        return new WhyNot(requestId, decisionId, null, atDecision.get());
    }

    private static String difference(Outcome recorded, Outcome rederived) {
        if (recorded == null) {
            return "no decision recorded under " + rederived.eventId();
        }
        if (recorded.assigned() != rederived.assigned()) {
            return "outcome: recorded " + (recorded.assigned() ? "ASSIGNED" : "QUEUED") + ", re-derived "
                    + (rederived.assigned() ? "ASSIGNED" : "QUEUED");
        }
        if (!Objects.equals(recorded.architectId(), rederived.architectId())) {
            return "architect: recorded " + recorded.architectId() + ", re-derived " + rederived.architectId();
        }
        if (!Objects.equals(recorded.rule(), rederived.rule())) {
            return "decidingRule: recorded " + recorded.rule() + ", re-derived " + rederived.rule();
        }
        return null;
    }

    private RecordedHistory history() {
        return log.read();
    }

    private void replay(RecordedHistory history, AssignmentPolicy.Observer observer,
            Consumer<Rederived> derived) {
        replay(history, observer, derived, new AtomicReference<>());
    }

    private void replay(RecordedHistory history, AssignmentPolicy.Observer observer,
            Consumer<Rederived> derived, AtomicReference<Balancer> balancerOut) {
        Balancer balancer = gate.newBalancer();
        balancerOut.set(balancer);
        HistoryReplay replay = new HistoryReplay(balancer, observer);
        log.steps(history, step -> replay.apply(step, history::decision, derived));
    }
}
