package jp.sesakudesk.exchange.form;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jp.sesakudesk.domain.MeasureField;
import jp.sesakudesk.domain.ScheduleRow;
import jp.sesakudesk.i18n.Message;

/**
 * What a returned form says: who it was made for and, per measure, the fingerprints of the text it
 * was exported with and the values now in its input cells.
 *
 * @param sha256   the file's SHA-256, recorded with every change it brings
 * @param warnings things taken with a caveat, e.g. a formula's cached value
 */
public record ReturnedForm(Path file, String sha256, String plan, int fiscalYear, String department,
                           Instant exportedAt, String formId, List<Entry> measures, List<Message> warnings) {

    /**
     * One measure of the form.
     *
     * @param exported fingerprints of the input fields' text at export
     * @param schedule the filled schedule rows (empty rows left out)
     * @param problems what is wrong with this measure's cells (unreadable year label, …)
     */
    public record Entry(String measureId, String name, Map<MeasureField, String> exported, String description,
                        List<ScheduleRow> schedule, String status, String plans, List<Message> problems) {
    }
}
