package jp.sesakudesk.domain;

import java.util.function.Function;
import java.util.stream.Collectors;

/** The fields of a measure that are edited, compared and recorded in the change history. */
public enum MeasureField {
    NAME(MeasureContent::name),
    DEPARTMENTS(c -> String.join("\n", c.departments())),
    DESCRIPTION(MeasureContent::description),
    SCHEDULE(c -> c.schedule().stream().map(ScheduleRow::render).collect(Collectors.joining("\n"))),
    STATUS(MeasureContent::status),
    PLANS(MeasureContent::plans),
    NOTES(c -> String.join("\n", c.notes())),
    NEW(c -> Boolean.toString(c.isNew()));

    private final Function<MeasureContent, String> renderer;

    MeasureField(Function<MeasureContent, String> renderer) {
        this.renderer = renderer;
    }

    /** The field's value as text, the way the change history stores it; null when empty. */
    public String render(MeasureContent content) {
        String text = renderer.apply(content);
        return text == null || text.isEmpty() ? null : text;
    }

    /** The key of the field's name in the message bundle. */
    public String messageKey() {
        return "field." + name().toLowerCase();
    }
}
