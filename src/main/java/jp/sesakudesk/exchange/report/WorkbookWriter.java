package jp.sesakudesk.exchange.report;

import java.io.IOException;

/**
 * Where the report's layout goes: a workbook written sheet by sheet, each sheet row by row from
 * the top. Writing may fail with an {@link java.io.UncheckedIOException} at any step.
 */
interface WorkbookWriter {

    /** Starts the next sheet; the sheet started before it is complete from then on. */
    SheetWriter sheet(String name, SheetFormat format);

    /** Completes the last sheet and the workbook. */
    void finish() throws IOException;
}
