package io.fasttrack.flow.engagement.domain;

import io.fasttrack.flow.events.FtaAssigned;
import io.fasttrack.flow.events.model.FtopTask;
import io.fasttrack.flow.events.model.RequestSnapshot;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The mail that tells who the architect of a request is: To the requestor, Cc the account team (without the
 * requestor again), or To the account team when the request names no requestor address.
 */
public record AssignmentMail(List<String> to, List<String> cc, String subject, String body) {

    public static AssignmentMail of(FtaAssigned assigned, String engagementId, List<FtopTask> tasks, String subjectPrefix) {
        RequestSnapshot request = assigned.request();
        Set<String> to = new LinkedHashSet<>();
        Set<String> cc = new LinkedHashSet<>();
        if (request.requestor() != null && hasText(request.requestor().email())) {
            to.add(request.requestor().email().trim());
        }
        if (request.accountTeam() != null) {
            request.accountTeam().stream().filter(AssignmentMail::hasText).map(String::trim)
                    .filter(address -> !to.contains(address)).forEach(cc::add);
        }
        if (to.isEmpty()) {
            to.addAll(cc);
            cc.clear();
        }
        String customer = request.customer() == null ? assigned.tenantId() : request.customer().name();
        return new AssignmentMail(List.copyOf(to), List.copyOf(cc),
                subjectPrefix + ": " + customer + " (" + assigned.requestId() + ")", body(assigned, engagementId, tasks));
    }

    public int recipients() {
        return to.size() + cc.size();
    }

    private static String body(FtaAssigned assigned, String engagementId, List<FtopTask> tasks) {
        RequestSnapshot request = assigned.request();
        StringBuilder text = new StringBuilder();
        text.append("Hello,\n\n");
        text.append(assigned.reassignedFrom() == null ? "A FastTrack architect has been assigned to your request.\n"
                : "Your request has been reassigned to another FastTrack architect.\n");
        text.append("\nArchitect: ").append(assigned.architect().name()).append(" (").append(assigned.architect().id()).append(")");
        text.append("\nRequest: ").append(assigned.requestId());
        if (request.type() != null) {
            text.append(" (").append(request.type()).append(")");
        }
        text.append("\nCustomer tenant: ").append(assigned.tenantId());
        text.append("\nEngagement: ").append(engagementId);
        text.append("\n\nFTOP tasks:\n");
        for (FtopTask task : tasks) {
            text.append(" - ").append(task.taskId()).append(" ").append(task.name())
                    .append(task.mandatory() ? " (mandatory)" : " (optional)").append('\n');
        }
        text.append("\nYour architect will contact you shortly.\n-- FastTrack Flow\n");
        return text.toString();
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
