package jp.sesakudesk.exchange.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Workbooks written by XlsxWriter, read back with POI. */
class XlsxWriterTest {

    private static final PageSetup PAGE = new PageSetup(0.5, 0.6, 0.7, 0.3, 0.3, "&P / &N");

    private static XSSFWorkbook write(Consumer<XlsxWriter> content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XlsxWriter writer = new XlsxWriter(out, ReportStyles.DEFAULT_FONT);
        content.accept(writer);
        writer.finish();
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    }

    @Test
    void textComesBackAsWrittenWithMarkupLineBreaksAndOuterSpaces() throws Exception {
        String tricky = " <a href=\"x\">&amp;</a>\r\n二行目\tタブ ";
        try (XSSFWorkbook workbook = write(writer -> {
            SheetWriter sheet = writer.sheet("表 & 'A'", SheetFormat.table(new double[] {10, 20}, 1));
            sheet.row();
            sheet.text(0, tricky, null);
            sheet.text(1, "制御\u0001文字", null);
            sheet.row();
            sheet.number(0, 2020);
            sheet.bool(1, true);
        })) {
            XSSFSheet sheet = workbook.getSheet("表 & 'A'");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo(tricky);
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("制御?文字");
            XSSFCell year = sheet.getRow(1).getCell(0);
            assertThat(year.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(year.getNumericCellValue()).isEqualTo(2020);
            assertThat(sheet.getRow(1).getCell(1).getBooleanCellValue()).isTrue();
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(sheet.getColumnWidth(1)).isEqualTo(20 * 256);
        }
    }

    @Test
    void stylesMergesPrintSetupAndPageBreaksAreThere() throws Exception {
        try (XSSFWorkbook workbook = write(writer -> {
            SheetWriter sheet = writer.sheet("一覧", SheetFormat.printed(new double[] {5, 48, 33}, PAGE));
            for (int i = 0; i < 3; i++) {
                int row = sheet.row(35f);
                sheet.text(0, "見出し" + i, ReportStyles.BLOCK_HEAD);
                sheet.blank(1, ReportStyles.BLOCK_HEAD);
                sheet.text(2, "本文", ReportStyles.TEXT);
                sheet.merge(row, 0, 1);
            }
            sheet.repeatOnEveryPage(0, 0);
            sheet.breakPageAfter(1);
            writer.sheet("二枚目", SheetFormat.table(new double[] {8}, 0)).row();
        })) {
            XSSFSheet sheet = workbook.getSheet("一覧");
            assertThat(sheet.getRow(2).getHeightInPoints()).isEqualTo(35f);
            assertThat(sheet.getNumMergedRegions()).isEqualTo(3);
            assertThat(sheet.getMergedRegion(2).formatAsString()).isEqualTo("A3:B3");
            assertThat(sheet.getRowBreaks()).containsExactly(1);
            assertThat(sheet.getRepeatingRows().formatAsString()).isEqualTo("1:1");
            assertThat(sheet.getPrintSetup().getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
            assertThat(sheet.getPrintSetup().getLandscape()).isFalse();
            assertThat(sheet.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
            assertThat(sheet.getPrintSetup().getFitHeight()).isEqualTo((short) 0);
            assertThat(sheet.getFitToPage()).isTrue();
            assertThat(sheet.getFooter().getCenter()).isEqualTo("&P / &N");

            XSSFCellStyle head = sheet.getRow(0).getCell(1).getCellStyle();
            assertThat(head.getFont().getFontName()).isEqualTo(ReportStyles.FONT_NAME);
            assertThat(head.getFont().getBold()).isTrue();
            assertThat(head.getFont().getFontHeightInPoints()).isEqualTo((short) 10);
            assertThat(head.getFont().getFontHeight()).isEqualTo((short) 210);
            assertThat(head.getFillPattern()).isEqualTo(FillPatternType.SOLID_FOREGROUND);
            assertThat(head.getFillForegroundColor()).isEqualTo(IndexedColors.PALE_BLUE.getIndex());
            assertThat(head.getBorderLeft()).isEqualTo(BorderStyle.THIN);
            assertThat(head.getBorderBottom()).isEqualTo(BorderStyle.THIN);
            assertThat(head.getWrapText()).isTrue();
            assertThat(head.getAlignment()).isEqualTo(HorizontalAlignment.LEFT);
            XSSFCellStyle text = sheet.getRow(0).getCell(2).getCellStyle();
            assertThat(text.getVerticalAlignment()).isEqualTo(VerticalAlignment.TOP);
            assertThat(text.getFont().getBold()).isFalse();
            assertThat(text.getFillPattern()).isEqualTo(FillPatternType.NO_FILL);
            assertThat(workbook.getNumCellStyles()).isEqualTo(3);
            assertThat(workbook.getFontAt(0).getFontName()).isEqualTo(ReportStyles.FONT_NAME);
            assertThat(workbook.getSheetName(1)).isEqualTo("二枚目");
        }
    }

    @Test
    void cellsGoLeftToRightIntoTheLatestRowOfTheLatestSheet() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XlsxWriter writer = new XlsxWriter(out, ReportStyles.DEFAULT_FONT);
        SheetWriter first = writer.sheet("一", SheetFormat.table(new double[] {8}, 0));
        assertThatThrownBy(() -> first.number(0, 1)).isInstanceOf(IllegalStateException.class);
        first.row();
        first.number(1, 1);
        assertThatThrownBy(() -> first.number(0, 1)).isInstanceOf(IllegalStateException.class);
        writer.sheet("二", SheetFormat.table(new double[] {8}, 0));
        assertThatThrownBy(first::row).isInstanceOf(IllegalStateException.class);
    }
}
