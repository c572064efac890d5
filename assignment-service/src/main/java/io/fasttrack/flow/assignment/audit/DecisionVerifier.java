package io.fasttrack.flow.assignment.audit;

import io.fasttrack.flow.assignment.domain.AssignmentPolicy;
import io.fasttrack.flow.assignment.domain.AssignmentRequest;
import io.fasttrack.flow.assignment.domain.Balancer;
import io.fasttrack.flow.assignment.domain.CandidateComparison;
import io.fasttrack.flow.assignment.domain.Decision;
import io.fasttrack.flow.assignment.domain.HistoryReplay;
import io.fasttrack.flow.assignment.domain.HistoryReplay.Outcome;
import io.fasttrack.flow.assignment.domain.HistoryReplay.Rederived;
import io.fasttrack.flow.assignment.domain.HistoryReplay.Step;
import io.fasttrack.flow.assignment.domain.SlaPolicy;
import io.fasttrack.flow.assignment.messaging.DecisionGate;
import io.fasttrack.flow.assignment.messaging.DecisionRecords;
import io.fasttrack.flow.assignment.messaging.InputChecks;
import io.fasttrack.flow.assignment.messaging.Snapshots;
import io.fasttrack.flow.assignment.store.DecisionJournal;
import io.fasttrack.flow.events.ArchitectRegistered;
import io.fasttrack.flow.events.ArchitectUpdated;
import io.fasttrack.flow.events.EngagementCompleted;
import io.fasttrack.flow.events.EventData;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.RequestSubmitted;
import io.fasttrack.flow.events.TenantIdentified;
import io.fasttrack.flow.events.model.RequestSnapshot;
import io.fasttrack.flow.kit.api.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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

    static final int JOURNAL_PAGE = 10_000;
    static final int MISMATCHES_SHOWN = 100;

    @Inject
    DecisionGate gate;

    @Inject
    DecisionRecords records;

    @Inject
    SlaPolicy sla;

    @Inject
    DecisionJournal journal;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "fasttrack.topic.requests")
    String requestsTopic;

    @ConfigProperty(name = "fasttrack.topic.roster")
    String rosterTopic;

    @ConfigProperty(name = "fasttrack.topic.engagements")
    String engagementsTopic;

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
        return RecordedHistory.read(bootstrapServers, List.of(requestsTopic, rosterTopic, engagementsTopic), assignmentsTopic);
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
        long after = 0;
        List<DecisionJournal.Entry> page;
        do {
            page = journal.after(after, JOURNAL_PAGE);
            for (DecisionJournal.Entry entry : page) {
                step(history, entry).ifPresent(step -> replay.apply(step, history::decision, derived));
                after = entry.seq();
            }
        } while (page.size() == JOURNAL_PAGE);
    }

    private Optional<Step> step(RecordedHistory history, DecisionJournal.Entry entry) {
        boolean serves = entry.kind() == DecisionJournal.Kind.INPUT_SERVING_THE_QUEUE;
        switch (entry.kind()) {
            case SWEEP:
                return Optional.of(new HistoryReplay.Sweep(entry.at()));
            case MANAGER:
            case RECORDED:
                return history.decision(entry.eventId()).map(HistoryReplay.AsRecorded::new);
            default:
                break;
        }
        EventEnvelope<EventData> input = history.inputs.get(entry.eventId());
        if (input == null) {
            return Optional.empty();
        }
        if (input.data() instanceof RequestSubmitted submitted) {
            RequestSnapshot snapshot = submitted.snapshot();
            AssignmentRequest request = Snapshots.toRequest(snapshot);
            return Optional.of(new HistoryReplay.Arrival(input.eventId(), request, submitted.submittedAt(),
                    sla.deadline(submitted.submittedAt(), snapshot.region(), Snapshots.zoneOf(snapshot.timeZone()))));
        }
        if (input.data() instanceof ArchitectRegistered registered) {
            return Optional.of(new HistoryReplay.RosterChange(input.eventId(),
                    Snapshots.toArchitect(registered.architect()), input.occurredAt(), serves));
        }
        if (input.data() instanceof ArchitectUpdated updated) {
            return Optional.of(new HistoryReplay.RosterChange(input.eventId(), Snapshots.toArchitect(updated.architect()),
                    input.occurredAt(), serves));
        }
        if (input.data() instanceof EngagementCompleted completed) {
            return Optional.of(new HistoryReplay.Completion(input.eventId(), completed.requestId(),
                    InputChecks.decisionTime(input), serves));
        }
        if (input.data() instanceof TenantIdentified identified) {
            return Optional.of(new HistoryReplay.Identification(identified.placeholderId(), identified.tenantId()));
        }
        return Optional.empty();
    }
}
