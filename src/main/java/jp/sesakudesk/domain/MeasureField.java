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

    /** {@code into} with this field's value taken from {@code from}. */
    public MeasureContent copy(MeasureContent from, MeasureContent into) {
        return switch (this) {
            case NAME -> into.withName(from.name());
            case DEPARTMENTS -> into.withDepartments(from.departments());
            case DESCRIPTION -> into.withDescription(from.description());
            case SCHEDULE -> into.withSchedule(from.schedule());
            case STATUS -> into.withStatus(from.status());
            case PLANS -> into.withPlans(from.plans());
            case NOTES -> into.withNotes(from.notes());
            case NEW -> into.withNew(from.isNew());
        };
    }

    /** The key of the field's name in the message bundle. */
    public String messageKey() {
        return "field." + name().toLowerCase();
    }
}
