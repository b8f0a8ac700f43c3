package jp.sesakudesk.domain;

import java.time.Instant;

/** One recorded change of one field of a measure in one edition. */
public record ChangeRecord(Instant changedAt, String measureId, MeasureField field,
                           String oldValue, String newValue, ChangeSource source) {
}
