package jp.sesakudesk.exchange.report;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import jp.sesakudesk.domain.Edition;

/**
 * The same report built in memory with a plain XSSFWorkbook: the baseline the streaming write is
 * compared to. The layout is the report's own; only the writer differs.
 */
public final class XssfReport {

    private XssfReport() {
    }

    public static void write(Edition edition, Path xlsx) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            AtomicFile.write(xlsx, out -> CityReport.write(edition,
                    new XssfWriter(workbook, out, ReportStyles.DEFAULT_FONT)));
        }
    }
}
