package jp.sesakudesk.exchange.form;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import jp.sesakudesk.domain.FiscalYear;
import jp.sesakudesk.domain.MeasureContent;
import jp.sesakudesk.domain.MeasureField;
import jp.sesakudesk.i18n.Message;

/**
 * What merging a set of returned forms would do: per file its department, year and measures or
 * why it was refused, and every changed field with old and new text, ready to be accepted or
 * rejected change by change before anything is applied.
 *
 * @param current the stored content of every measure the changes touch, as read for this preview
 */
public record MergePreview(String plan, FiscalYear fiscalYear, List<FileReport> files, List<FieldChange> changes,
                           Map<String, MeasureContent> current) {

    /** One file of the merge. {@code error} is set when the file was refused as a whole. */
    public record FileReport(Path file, String sha256, ReturnedForm form, String department, Message error,
                             List<Message> warnings, List<Message> problems) {

        public boolean refused() {
            return error != null;
        }

        /** Why the file was refused, in English with the file's name, e.g. for the command line. */
        public String errorText() {
            return error == null ? null : fileName() + ": " + error.english();
        }

        public String fileName() {
            return file.getFileName().toString();
        }
    }

    /** Why a change is not applied without a decision, or cannot be applied at all. */
    public enum Status {
        /** A change that applies cleanly. */
        OK,
        /** The field was changed in the database since the form was exported. */
        CHANGED_SINCE_EXPORT,
        /** Another file of this merge changes the same field differently. */
        OTHER_FILE,
        /** Another file of this merge makes the very same change; this copy is not needed. */
        DUPLICATE,
        /** The new text breaks the rules (too long, control characters, …): cannot be applied. */
        INVALID
    }

    /**
     * One field of one measure as a form would change it.
     *
     * @param reason what makes the change a conflict or invalid, else null
     */
    public record FieldChange(int id, FileReport source, String measureId, String measureName, MeasureField field,
                              String oldText, String newText, MeasureContent proposed, Status status,
                              Message reason) {

        /** Whether the change is taken when nobody decides otherwise. */
        public boolean acceptedByDefault() {
            return status == Status.OK;
        }

        /** Whether a user may accept it (conflicts after looking at them; invalid text never). */
        public boolean acceptable() {
            return status != Status.INVALID && status != Status.DUPLICATE;
        }
    }

    public long refusedFiles() {
        return files.stream().filter(FileReport::refused).count();
    }

    public long conflicts() {
        return changes.stream().filter(c -> c.status() == Status.CHANGED_SINCE_EXPORT
                || c.status() == Status.OTHER_FILE).count();
    }
}
