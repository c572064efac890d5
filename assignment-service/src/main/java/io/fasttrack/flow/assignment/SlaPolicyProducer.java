package io.fasttrack.flow.assignment;

import io.fasttrack.flow.assignment.AssignmentSettings.Sla;
import io.fasttrack.flow.assignment.domain.BusinessCalendar;
import io.fasttrack.flow.assignment.domain.SlaPolicy;
import io.fasttrack.flow.events.model.Region;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds the SLA policy (calendars per region, who is told) from {@code fasttrack.assignment.sla.*}. */
@ApplicationScoped
public class SlaPolicyProducer {

    @Produces
    @ApplicationScoped
    SlaPolicy slaPolicy(AssignmentSettings settings) {
        Sla sla = settings.sla();
        List<LocalDate> everywhere = dates(sla.holidays().everywhere().orElse(List.of()));
        Map<Region, BusinessCalendar> byRegion = new EnumMap<>(Region.class);
        for (Region region : Region.values()) {
            List<LocalDate> holidays = new ArrayList<>(everywhere);
            holidays.addAll(dates(sla.holidays().perRegion().getOrDefault(region.name(), List.of())));
            byRegion.put(region, new BusinessCalendar(holidays, sla.businessDays()));
        }
        Map<String, String> teamManagers = new HashMap<>();
        sla.teamManagers().forEach((roleOrQueue, managers) -> {
            managers.everywhere().ifPresent(manager -> teamManagers.put(roleOrQueue, manager));
            managers.perRegion().forEach((region, manager) -> teamManagers.put(roleOrQueue + "." + region, manager));
        });
        return new SlaPolicy(new BusinessCalendar(everywhere, sla.businessDays()), byRegion, sla.atRiskShare(), teamManagers,
                sla.teamManager());
    }

    private static List<LocalDate> dates(List<String> isoDates) {
        return isoDates.stream().map(LocalDate::parse).toList();
    }
}
