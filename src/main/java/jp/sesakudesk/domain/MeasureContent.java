package jp.sesakudesk.domain;

import java.util.List;
import java.util.Objects;

/**
 * What a measure (施策) says in one fiscal-year edition: everything a department writes and the
 * central office reviews.
 *
 * @param name        施策名
 * @param departments 所管課, full names (bureau + section), the lead department first
 * @param description 概要
 * @param schedule    スケジュール rows in order
 * @param status      実施状況 of the edition's fiscal year, null when not written
 * @param plans       取組予定 for the following years, null when not written
 * @param notes       ※ footnotes printed under the measure
 * @param isNew       the New mark: the measure first appears in this edition
 */
public record MeasureContent(String name, List<String> departments, String description,
                             List<ScheduleRow> schedule, String status, String plans,
                             List<String> notes, boolean isNew) {

    public MeasureContent {
        name = Objects.requireNonNullElse(name, "");
        departments = List.copyOf(departments);
        description = Objects.requireNonNullElse(description, "");
        schedule = List.copyOf(schedule);
        status = blankToNull(status);
        plans = blankToNull(plans);
        notes = List.copyOf(notes);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    public static MeasureContent empty() {
        return new MeasureContent("", List.of(), "", List.of(), null, null, List.of(), true);
    }

    /** The lead department (the first), or an empty string when none is set yet. */
    public String leadDepartment() {
        return departments.isEmpty() ? "" : departments.get(0);
    }

    public MeasureContent withName(String value) {
        return new MeasureContent(value, departments, description, schedule, status, plans, notes, isNew);
    }

    public MeasureContent withDepartments(List<String> value) {
        return new MeasureContent(name, value, description, schedule, status, plans, notes, isNew);
    }

    public MeasureContent withDescription(String value) {
        return new MeasureContent(name, departments, value, schedule, status, plans, notes, isNew);
    }

    public MeasureContent withSchedule(List<ScheduleRow> value) {
        return new MeasureContent(name, departments, description, value, status, plans, notes, isNew);
    }

    public MeasureContent withStatus(String value) {
        return new MeasureContent(name, departments, description, schedule, value, plans, notes, isNew);
    }

    public MeasureContent withPlans(String value) {
        return new MeasureContent(name, departments, description, schedule, status, value, notes, isNew);
    }

    public MeasureContent withNotes(List<String> value) {
        return new MeasureContent(name, departments, description, schedule, status, plans, value, isNew);
    }

    public MeasureContent withNew(boolean value) {
        return new MeasureContent(name, departments, description, schedule, status, plans, notes, value);
    }
}
