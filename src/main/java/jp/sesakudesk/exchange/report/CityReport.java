package jp.sesakudesk.exchange.report;

import java.io.IOException;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

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

    /** Rows kept in memory per sheet while streaming; older rows go to a temporary file. */
    private static final int WINDOW_ROWS = 100;

    private CityReport() {
    }

    /**
     * Writes the report workbook (.xlsx). Rows are streamed, so memory does not grow with the
     * number of measures.
     *
     * @throws java.nio.file.NoSuchFileException when the target's folder does not exist
     */
    public static void write(Edition edition, Path xlsx) throws IOException {
        // Closing deletes the temporary files of the streamed rows (the deprecated dispose() did that
        // before POI 5.3), whether the write succeeded or not.
        long started = System.nanoTime();
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(null, WINDOW_ROWS, false, false)) {
            write(edition, xlsx, workbook);
        }
        LOG.debug("wrote the report of {} {} to {} in {} ms", edition.plan(), edition.fiscalYear().label(), xlsx,
                (System.nanoTime() - started) / 1_000_000);
    }

    /** Fills the given (empty) workbook with the report and writes it: lets a caller choose the kind. */
    static void write(Edition edition, Path xlsx, Workbook workbook) throws IOException {
        ReportStyles styles = new ReportStyles(workbook);
        new ListSheet(workbook.createSheet(ListSheet.NAME), styles).write(edition);
        new StatusSheet(workbook.createSheet(StatusSheet.NAME), styles).write(edition);
        DataTable.writeSheet(workbook.createSheet(DataTable.SHEET_NAME), edition);
        AtomicFile.write(xlsx, workbook::write);
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
