package jp.sesakudesk.domain;

import java.util.Objects;

/** スケジュール: one row of a measure's schedule, the fiscal years it covers and the planned activity. */
public record ScheduleRow(FiscalYearRange years, String activity) {

    public ScheduleRow {
        Objects.requireNonNull(years, "years");
        activity = activity == null ? "" : activity;
    }

    /** One line of text, as the change history shows a row: 令和3年度～: activity. */
    public String render() {
        return years.label() + ": " + activity;
    }
}
