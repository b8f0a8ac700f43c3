package jp.sesakudesk.ui;

import java.text.Normalizer;
import java.util.Locale;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import jp.sesakudesk.domain.Edition;
import jp.sesakudesk.domain.MeasureContent;
import jp.sesakudesk.domain.ScheduleRow;

/**
 * One row of the measure table: a listing and the current content of its measure. Rows of the same
 * measure share its content, so an edit shows in every listing of it.
 */
public final class ListingRow {

    private final Edition.Placement placement;
    private final ReadOnlyObjectWrapper<MeasureContent> content = new ReadOnlyObjectWrapper<>();
    private String searchText;

    public ListingRow(Edition.Placement placement, MeasureContent content) {
        this.placement = placement;
        setContent(content);
    }

    public Edition.Placement placement() {
        return placement;
    }

    public String measureId() {
        return placement.listing().measureId();
    }

    public boolean relisted() {
        return placement.listing().relisted();
    }

    /** The position as printed, 1-(2)-3. */
    public String position() {
        return placement.position();
    }

    public MeasureContent content() {
        return content.get();
    }

    public ReadOnlyObjectProperty<MeasureContent> contentProperty() {
        return content.getReadOnlyProperty();
    }

    void setContent(MeasureContent value) {
        content.set(value);
        searchText = null;
    }

    /**
     * Every field of the measure in one normalised text, for the free-text filter; made when first
     * asked for, which keeps it out of the first frame.
     */
    String searchText() {
        if (searchText == null) {
            searchText = searchable(content.get());
        }
        return searchText;
    }

    private String searchable(MeasureContent m) {
        StringBuilder text = new StringBuilder(512).append(position()).append('\n')
                .append(m.name()).append('\n').append(String.join("\n", m.departments())).append('\n')
                .append(m.description()).append('\n');
        for (ScheduleRow row : m.schedule()) {
            text.append(row.years().label()).append(' ').append(row.activity()).append('\n');
        }
        if (m.status() != null) {
            text.append(m.status()).append('\n');
        }
        if (m.plans() != null) {
            text.append(m.plans()).append('\n');
        }
        m.notes().forEach(note -> text.append(note).append('\n'));
        return normalize(text);
    }

    /** Width- and case-insensitive form: ＡＩ, AI and ai all match. */
    static String normalize(CharSequence text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }
}
