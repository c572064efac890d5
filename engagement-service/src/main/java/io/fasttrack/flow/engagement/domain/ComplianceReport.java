package io.fasttrack.flow.engagement.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Playbook compliance per team (team manager) and, inside each team, per architect; ordered by id. */
public record ComplianceReport(List<Team> teams) {

    public record Team(String teamManager, ComplianceFigures figures, List<Architect> architects) {
    }

    public record Architect(String architectId, ComplianceFigures figures) {
    }

    /** Engagements without a known team manager are grouped under {@code unassignedTeamLabel}. */
    public static ComplianceReport of(Collection<EngagementStanding> standings, String unassignedTeamLabel) {
        Map<String, List<EngagementStanding>> byTeam = standings.stream().collect(Collectors.groupingBy(
                standing -> standing.teamManager() == null ? unassignedTeamLabel : standing.teamManager(),
                TreeMap::new, Collectors.toList()));
        List<Team> teams = byTeam.entrySet().stream().map(team -> {
            Map<String, List<EngagementStanding>> byArchitect = team.getValue().stream().collect(
                    Collectors.groupingBy(EngagementStanding::architectId, TreeMap::new, Collectors.toList()));
            List<Architect> architects = byArchitect.entrySet().stream()
                    .map(architect -> new Architect(architect.getKey(), ComplianceFigures.of(architect.getValue())))
                    .toList();
            return new Team(team.getKey(), ComplianceFigures.of(team.getValue()), architects);
        }).toList();
        return new ComplianceReport(teams);
    }
}
