package jp.sesakudesk.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The limits every measure is held to, wherever its text comes from: the editor, a loaded file or
 * a returned form. The lengths leave room above the longest texts of published reports while
 * keeping a block printable on one page.
 */
public final class MeasureRules {

    public static final int NAME_MAX = 100;
    public static final int DESCRIPTION_MAX = 1000;
    public static final int STATUS_MAX = 1000;
    public static final int PLANS_MAX = 1000;
    public static final int ACTIVITY_MAX = 300;
    public static final int NOTE_MAX = 300;
    public static final int DEPARTMENTS_MAX = 5;
    public static final int SCHEDULE_ROWS_MAX = 10;
    public static final int NOTES_MAX = 5;

    private MeasureRules() {
    }

    /** Every problem with the content, in field order; empty when the content may be saved. */
    public static List<Problem> check(MeasureContent content) {
        List<Problem> problems = new ArrayList<>();
        if (content.name().isBlank()) {
            problems.add(Problem.of(MeasureField.NAME, "problem.required"));
        }
        checkText(problems, MeasureField.NAME, content.name(), NAME_MAX);
        if (content.name().contains("\n")) {
            problems.add(Problem.of(MeasureField.NAME, "problem.singleLine"));
        }
        checkDepartments(problems, content.departments());
        checkText(problems, MeasureField.DESCRIPTION, content.description(), DESCRIPTION_MAX);
        checkSchedule(problems, content.schedule());
        checkText(problems, MeasureField.STATUS, content.status(), STATUS_MAX);
        checkText(problems, MeasureField.PLANS, content.plans(), PLANS_MAX);
        if (content.notes().size() > NOTES_MAX) {
            problems.add(Problem.of(MeasureField.NOTES, "problem.tooMany", NOTES_MAX));
        }
        for (String note : content.notes()) {
            checkText(problems, MeasureField.NOTES, note, NOTE_MAX);
        }
        return problems;
    }

    private static void checkDepartments(List<Problem> problems, List<String> departments) {
        if (departments.isEmpty()) {
            problems.add(Problem.of(MeasureField.DEPARTMENTS, "problem.required"));
        }
        if (departments.size() > DEPARTMENTS_MAX) {
            problems.add(Problem.of(MeasureField.DEPARTMENTS, "problem.tooMany", DEPARTMENTS_MAX));
        }
        Set<String> seen = new HashSet<>();
        for (String department : departments) {
            if (department.isBlank()) {
                problems.add(Problem.of(MeasureField.DEPARTMENTS, "problem.blankDepartment"));
            } else if (!seen.add(department)) {
                problems.add(Problem.of(MeasureField.DEPARTMENTS, "problem.duplicateDepartment", department));
            }
        }
    }

    private static void checkSchedule(List<Problem> problems, List<ScheduleRow> schedule) {
        if (schedule.size() > SCHEDULE_ROWS_MAX) {
            problems.add(Problem.of(MeasureField.SCHEDULE, "problem.tooMany", SCHEDULE_ROWS_MAX));
        }
        for (ScheduleRow row : schedule) {
            if (row.activity().isBlank()) {
                problems.add(Problem.of(MeasureField.SCHEDULE, "problem.emptyActivity", row.years().label()));
            }
            checkText(problems, MeasureField.SCHEDULE, row.activity(), ACTIVITY_MAX);
        }
    }

    private static void checkText(List<Problem> problems, MeasureField field, String text, int max) {
        if (text == null) {
            return;
        }
        int length = text.codePointCount(0, text.length());
        if (length > max) {
            problems.add(Problem.of(field, "problem.tooLong", length, max));
        }
        if (hasControlCharacters(text)) {
            problems.add(Problem.of(field, "problem.controlCharacter"));
        }
    }

    /** True when the text holds control characters other than line breaks and tabs. */
    public static boolean hasControlCharacters(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r') {
                return true;
            }
        }
        return false;
    }
}
