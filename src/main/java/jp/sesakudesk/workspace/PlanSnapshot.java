package jp.sesakudesk.workspace;

import java.util.List;
import java.util.Optional;

import jp.sesakudesk.domain.Department;
import jp.sesakudesk.domain.Edition;
import jp.sesakudesk.domain.FiscalYear;
import jp.sesakudesk.storage.PlanStore;

/**
 * What the desktop application shows, read in one go: the edition being worked on, the edition of
 * the year before (for last year's text), the known departments and the plan's fiscal years.
 */
public record PlanSnapshot(Edition edition, Optional<Edition> previous, List<Department> departments,
                           List<FiscalYear> fiscalYears) {

    /** Reads the latest edition of the plan, or the given year's. */
    public static PlanSnapshot read(PlanStore store, String plan, FiscalYear wanted) {
        List<FiscalYear> years = store.fiscalYears(plan);
        if (years.isEmpty()) {
            throw new IllegalStateException("the plan " + plan + " has no edition");
        }
        FiscalYear year = wanted != null && years.contains(wanted) ? wanted : years.get(years.size() - 1);
        Edition edition = store.edition(plan, year).orElseThrow();
        Optional<Edition> previous = store.edition(plan, year.previous());
        return new PlanSnapshot(edition, previous, store.departments().all(), years);
    }
}
