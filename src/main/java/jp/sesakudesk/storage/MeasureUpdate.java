package jp.sesakudesk.storage;

import java.util.Map;

import jp.sesakudesk.domain.ChangeSource;
import jp.sesakudesk.domain.MeasureContent;
import jp.sesakudesk.domain.MeasureField;

/**
 * New content for one measure, the content it was worked out from (stored content must still be
 * that, or the update is refused), and where each changed field came from.
 */
public record MeasureUpdate(String measureId, MeasureContent base, MeasureContent updated,
                            Map<MeasureField, ChangeSource> sources) {

    /** An update whose every field comes from one source, e.g. the editor. */
    public static MeasureUpdate from(String measureId, MeasureContent base, MeasureContent updated,
                                     ChangeSource source) {
        Map<MeasureField, ChangeSource> sources = new java.util.EnumMap<>(MeasureField.class);
        for (MeasureField field : MeasureField.values()) {
            sources.put(field, source);
        }
        return new MeasureUpdate(measureId, base, updated, sources);
    }

    ChangeSource sourceOf(MeasureField field) {
        return sources.getOrDefault(field, ChangeSource.editor());
    }
}
