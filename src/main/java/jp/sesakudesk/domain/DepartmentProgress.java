package jp.sesakudesk.domain;

import java.time.Instant;

/**
 * Where a department stands in the yearly round of forms: its measures in the edition, when its
 * form was last exported, and when a returned form was last merged (null when none yet).
 */
public record DepartmentProgress(String department, int measures, Instant lastExported, Instant lastMerged,
                                 int submissions) {

    /** The state shown in the central office's checklist. */
    public enum State { NOT_EXPORTED, MISSING, MERGED }

    public State state() {
        if (lastMerged != null && (lastExported == null || !lastMerged.isBefore(lastExported))) {
            return State.MERGED;
        }
        return lastExported == null ? State.NOT_EXPORTED : State.MISSING;
    }
}
