package jp.sesakudesk.domain;

import java.util.List;

/**
 * Something wrong with a measure's content, as a message key and its arguments so that the editor
 * and the command line can each say it in the user's language.
 *
 * @param field the field at fault
 * @param key   the message key, e.g. {@code problem.required}
 * @param args  values for the message's placeholders
 */
public record Problem(MeasureField field, String key, List<Object> args) {

    public Problem {
        args = List.copyOf(args);
    }

    public static Problem of(MeasureField field, String key, Object... args) {
        return new Problem(field, key, List.of(args));
    }
}
