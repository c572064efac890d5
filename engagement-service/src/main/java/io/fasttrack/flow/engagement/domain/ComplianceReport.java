package io.fasttrack.flow.engagement.domain;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Playbook compliance per team (team manager) and, inside each team, per architect; ordered by id. */
public record ComplianceReport(List<Team> teams) {

    public record Team(String teamManager, ComplianceFigures figures, List<Architect> architects) {
    }

    /** One architect's figures in one team (an architect's engagements count for the team manager they name). */
    public record Architect(String teamManager, String architectId, ComplianceFigures figures) {
    }

    /** A team's figures are the sum of its architects'; no team manager is {@code unassignedTeamLabel}. */
    public static ComplianceReport of(Collection<Architect> architects, String unassignedTeamLabel) {
        Map<String, List<Architect>> byTeam = architects.stream().collect(Collectors.groupingBy(
                architect -> architect.teamManager() == null ? unassignedTeamLabel : architect.teamManager(),
                TreeMap::new, Collectors.toList()));
        List<Team> teams = byTeam.entrySet().stream().map(team -> {
            List<Architect> members = team.getValue().stream()
                    .sorted(Comparator.comparing(Architect::architectId)).toList();
            ComplianceFigures figures = members.stream().map(Architect::figures)
                    .reduce(ComplianceFigures.NONE, ComplianceFigures::plus);
            return new Team(team.getKey(), figures, members);
        }).toList();
        return new ComplianceReport(teams);
    }
}
