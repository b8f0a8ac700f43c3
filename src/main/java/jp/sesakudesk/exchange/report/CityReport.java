package jp.sesakudesk.exchange.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jp.sesakudesk.domain.Edition;

/**
 * 市全体の報告書: the city-wide report of an edition as the central office publishes it, as an Excel
 * workbook and as a machine-readable CSV.
 *
 * <p>The workbook has three sheets: 主要施策一覧 (the list of measures by pillar and category),
 * 実施状況 (one block per listing with 概要, スケジュール, 実施状況 and 取組予定, laid out for A4
 * printing) and データ (one row per listing, following the government's rules for machine-readable
 * data, 機械判読可能なデータの表記方法の統一ルール). The CSV holds the same table as データ.
 *
 * <p>Both files are written to a temporary file beside the target and then moved into place, so a
 * failed write never leaves a half-written report.
 */
public final class CityReport {

    private static final Logger LOG = LoggerFactory.getLogger(CityReport.class);

    private CityReport() {
    }

    /**
     * Writes the report workbook (.xlsx). Rows are written as they are laid out, so memory does not
     * grow with the number of measures.
     *
     * @throws java.nio.file.NoSuchFileException when the target's folder does not exist
     */
    public static void write(Edition edition, Path xlsx) throws IOException {
        long started = System.nanoTime();
        AtomicFile.write(xlsx, out -> write(edition, new XlsxWriter(out, ReportStyles.DEFAULT_FONT)));
        LOG.debug("wrote the report of {} {} to {} in {} ms", edition.plan(), edition.fiscalYear().label(), xlsx,
                (System.nanoTime() - started) / 1_000_000);
    }

    /** Lays the report out in the given workbook and finishes it: lets a caller choose the writer. */
    static void write(Edition edition, WorkbookWriter workbook) throws IOException {
        try {
            new ListSheet(workbook).write(edition);
            new StatusSheet(workbook).write(edition);
            DataTable.writeSheet(workbook, edition);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        workbook.finish();
    }

    /**
     * Writes the データ table as CSV: UTF-8 with a byte order mark (so that Excel reads it as
     * UTF-8), fields quoted per RFC 4180 where needed, CRLF between records.
     *
     * @throws java.nio.file.NoSuchFileException when the target's folder does not exist
     */
    public static void writeCsv(Edition edition, Path csv) throws IOException {
        AtomicFile.write(csv, out -> DataTable.writeCsv(out, edition));
    }
}
