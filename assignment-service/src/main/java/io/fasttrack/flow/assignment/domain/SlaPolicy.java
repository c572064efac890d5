package io.fasttrack.flow.assignment.domain;

import io.fasttrack.flow.events.model.ArchitectRole;
import io.fasttrack.flow.events.model.Region;
import io.fasttrack.flow.events.model.RequestQueue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/**
 * SPEC section 3's SLA with the people it reaches: the deadline in business days of the request's region (the
 * holidays of every region plus its own), the moment a configured share of that business-time window has passed
 * (the request is then at risk), and the team manager a warning or a breach goes to: the one configured for the
 * role and region, else for the role, else for the queue, else the default.
 */
public final class SlaPolicy {

    private final BusinessCalendar everywhere;
    private final Map<Region, BusinessCalendar> byRegion;
    private final BigDecimal atRiskShare;
    private final Map<String, String> teamManagers;
    private final String defaultTeamManager;

    /**
     * @param teamManagers by {@code ROLE.REGION}, {@code ROLE} or {@code QUEUE}, the most specific first
     */
    public SlaPolicy(BusinessCalendar everywhere, Map<Region, BusinessCalendar> byRegion, BigDecimal atRiskShare,
            Map<String, String> teamManagers, String defaultTeamManager) {
        if (atRiskShare.signum() <= 0 || atRiskShare.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("the at-risk share must be above 0 and at most 1, not " + atRiskShare);
        }
        this.everywhere = everywhere;
        this.byRegion = new EnumMap<>(Region.class);
        this.byRegion.putAll(byRegion);
        this.atRiskShare = atRiskShare;
        this.teamManagers = Map.copyOf(teamManagers);
        this.defaultTeamManager = defaultTeamManager;
    }

    /** This policy with other holidays in some regions (a simulation's): each region listed has exactly those. */
    public SlaPolicy withHolidays(Map<Region, ? extends Collection<LocalDate>> holidays) {
        Map<Region, BusinessCalendar> calendars = new EnumMap<>(byRegion);
        holidays.forEach((region, days) -> calendars.put(region, calendar(region).withHolidays(days)));
        return new SlaPolicy(everywhere, calendars, atRiskShare, teamManagers, defaultTeamManager);
    }

    /** The business calendar of a region; a request of no known region has the holidays every region has. */
    public BusinessCalendar calendar(Region region) {
        return region == null ? everywhere : byRegion.getOrDefault(region, everywhere);
    }

    public Instant deadline(Instant submittedAt, Region region, ZoneId zone) {
        return calendar(region).deadline(submittedAt, zone);
    }

    /** When the at-risk share of the business time from submission to deadline has passed. */
    public Instant atRiskAt(Instant submittedAt, Instant deadline, Region region, ZoneId zone) {
        BusinessCalendar calendar = calendar(region);
        Duration window = calendar.businessTimeBetween(submittedAt, deadline, zone);
        long atRiskMillis = new BigDecimal(window.toMillis()).multiply(atRiskShare).setScale(0, RoundingMode.CEILING)
                .longValueExact();
        return calendar.afterBusinessTime(submittedAt, Duration.ofMillis(atRiskMillis), zone);
    }

    /** The share of the business-time window passed at {@code now}, 0 to 1, two decimals. */
    public BigDecimal elapsedShare(Instant submittedAt, Instant deadline, Instant now, Region region, ZoneId zone) {
        BusinessCalendar calendar = calendar(region);
        long window = calendar.businessTimeBetween(submittedAt, deadline, zone).toMillis();
        if (window == 0) {
            return BigDecimal.ONE;
        }
        long passed = calendar.businessTimeBetween(submittedAt, now.isBefore(deadline) ? now : deadline, zone).toMillis();
        return BigDecimal.valueOf(passed).divide(BigDecimal.valueOf(window), 2, RoundingMode.HALF_UP);
    }

    /** Business hours from {@code now} to the deadline, two decimals; 0 once it passed. */
    public BigDecimal businessHoursLeft(Instant now, Instant deadline, Region region, ZoneId zone) {
        long millis = calendar(region).businessTimeBetween(now, deadline, zone).toMillis();
        return BigDecimal.valueOf(millis).divide(BigDecimal.valueOf(Duration.ofHours(1).toMillis()), 2, RoundingMode.HALF_UP);
    }

    public String teamManagerFor(ArchitectRole role, RequestQueue queue, Region region) {
        if (region != null && teamManagers.containsKey(role.name() + "." + region.name())) {
            return teamManagers.get(role.name() + "." + region.name());
        }
        if (teamManagers.containsKey(role.name())) {
            return teamManagers.get(role.name());
        }
        return teamManagers.getOrDefault(queue.name(), defaultTeamManager);
    }
}
