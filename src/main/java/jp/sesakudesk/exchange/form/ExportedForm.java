package jp.sesakudesk.exchange.form;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** A form written for a department: where, its identity and the measures it holds. */
public record ExportedForm(Path file, String department, String formId, Instant exportedAt,
                           List<String> measureIds) {
}
