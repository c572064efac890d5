package io.fasttrack.flow.engagement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.fasttrack.flow.events.model.FtopTask;
import io.fasttrack.flow.events.model.RequestQueue;
import io.fasttrack.flow.events.model.RequestSnapshot;
import io.fasttrack.flow.events.model.RequestType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TaskCatalogueTest {

    static final TaskCatalogue SPEC_CATALOGUE = new TaskCatalogue(List.of(
            new TaskDefinition("3298", "Pre-Sales: First Account Team contact made", true, 30,
                    new TaskCondition(RequestQueue.FTA, null, null, null)),
            new TaskDefinition("3286", "Approve FastTrack engagement prior to license purchase", false, 30,
                    new TaskCondition(null, null, true, null)),
            new TaskDefinition("3246", "Discovery Workshop complete", true, 30,
                    new TaskCondition(null, Set.of(RequestType.DISCOVERY_WORKSHOP), null, null)),
            new TaskDefinition("3008", "ECIF/DWR review complete", true, 45,
                    new TaskCondition(null, Set.of(RequestType.ECIF_DWR_REVIEW), null, new BigDecimal("50000"))),
            new TaskDefinition("FTCHELP-1", "FTCHelp: inquiry answered", true, 30,
                    new TaskCondition(RequestQueue.FTCHELP, null, null, null))), 30);

    static RequestSnapshot request(RequestType type, boolean engageBeforeLicensePurchase, String fundingUsd) {
        return new RequestSnapshot("r-1", type, Queues.of(type), null, null, null, null, List.of(), List.of(), false,
                engageBeforeLicensePurchase, fundingUsd == null ? null : new BigDecimal(fundingUsd), null);
    }

    static List<String> ids(List<FtopTask> tasks) {
        return tasks.stream().map(FtopTask::taskId).toList();
    }

    @Test
    void discoveryWorkshopGetsFirstContactAndWorkshopTasks() {
        assertThat(ids(SPEC_CATALOGUE.tasksFor(request(RequestType.DISCOVERY_WORKSHOP, false, null))))
                .containsExactly("3246", "3298");
    }

    @Test
    void ecifReviewGetsTheReviewTaskFromTheThresholdOn() {
        assertThat(ids(SPEC_CATALOGUE.tasksFor(request(RequestType.ECIF_DWR_REVIEW, false, "50000"))))
                .containsExactly("3008", "3298");
        assertThat(ids(SPEC_CATALOGUE.tasksFor(request(RequestType.ECIF_DWR_REVIEW, false, "49999.99"))))
                .containsExactly("3298");
        assertThat(ids(SPEC_CATALOGUE.tasksFor(request(RequestType.ECIF_DWR_REVIEW, false, null))))
                .containsExactly("3298");
    }

    @Test
    void migrationExceptionGetsFirstContactOnly() {
        assertThat(ids(SPEC_CATALOGUE.tasksFor(request(RequestType.MIGRATION_EXCEPTION, false, null))))
                .containsExactly("3298");
    }

    @Test
    void ftcHelpWorkGetsItsOwnList() {
        for (RequestType type : List.of(RequestType.LAND_FTC_BENEFIT, RequestType.SALES_SUPPORT_INQUIRY,
                RequestType.ENGAGE_BEFORE_LICENSE)) {
            assertThat(ids(SPEC_CATALOGUE.tasksFor(request(type, false, null)))).as(type.name())
                    .containsExactly("FTCHELP-1");
        }
    }

    @Test
    void engagingBeforeLicensePurchaseAddsTheOptionalApproval() {
        List<FtopTask> tasks = SPEC_CATALOGUE.tasksFor(request(RequestType.MIGRATION_EXCEPTION, true, null));
        assertThat(ids(tasks)).containsExactly("3286", "3298");
        assertThat(tasks.get(0).mandatory()).isFalse();
        assertThat(ids(SPEC_CATALOGUE.tasksFor(request(RequestType.ENGAGE_BEFORE_LICENSE, true, null))))
                .containsExactly("3286", "FTCHELP-1");
    }

    @Test
    void aSnapshotWithoutQueueIsRoutedByItsType() {
        RequestSnapshot withoutQueue = new RequestSnapshot("r-2", RequestType.DISCOVERY_WORKSHOP, null, null, null, null,
                null, List.of(), List.of(), false, false, null, null);
        assertThat(ids(SPEC_CATALOGUE.tasksFor(withoutQueue))).containsExactly("3246", "3298");
    }

    @Test
    void dueDaysComeFromTheTaskOrTheDefault() {
        assertThat(SPEC_CATALOGUE.dueDays("3008")).isEqualTo(45);
        assertThat(SPEC_CATALOGUE.dueDays("retired-task")).isEqualTo(30);
    }
}
