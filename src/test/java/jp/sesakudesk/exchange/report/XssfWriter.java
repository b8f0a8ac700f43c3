package jp.sesakudesk.exchange.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.FontScheme;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The report's layout built in memory as a POI XSSFWorkbook, then written whole: the same sheets,
 * cells, merges, styles, row heights and print setup as {@link XlsxWriter} writes as it goes.
 */
final class XssfWriter implements WorkbookWriter {

    private final XSSFWorkbook workbook;
    private final OutputStream out;
    private final Map<CellStyle, XSSFCellStyle> styles = new HashMap<>();
    private final Map<CellStyle.Font, XSSFFont> fonts = new HashMap<>();

    XssfWriter(XSSFWorkbook workbook, OutputStream out, CellStyle.Font defaultFont) {
        this.workbook = workbook;
        this.out = out;
        XSSFFont font = workbook.getFontAt(0);
        // Otherwise the theme's font (Calibri) would be used in place of the name.
        font.setScheme(FontScheme.NONE);
        font.setFontName(defaultFont.name());
        font.setCharSet(defaultFont.charset());
        font.setFontHeight(defaultFont.points());
        font.setBold(defaultFont.bold());
    }

    @Override
    public SheetWriter sheet(String name, SheetFormat format) {
        XSSFSheet sheet = workbook.createSheet(name);
        double[] columnChars = format.columnChars();
        for (int i = 0; i < columnChars.length; i++) {
            sheet.setColumnWidth(i, (int) Math.round(columnChars[i] * 256));
        }
        if (format.frozenRows() > 0) {
            sheet.createFreezePane(0, format.frozenRows());
        }
        if (format.page() != null) {
            setUpPage(sheet, format.page());
        }
        return new Sheet(sheet);
    }

    private static void setUpPage(XSSFSheet sheet, PageSetup page) {
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(false);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setAutobreaks(true);
        sheet.setMargin(PageMargin.LEFT, page.sideMargin());
        sheet.setMargin(PageMargin.RIGHT, page.sideMargin());
        sheet.setMargin(PageMargin.TOP, page.topMargin());
        sheet.setMargin(PageMargin.BOTTOM, page.bottomMargin());
        sheet.setMargin(PageMargin.HEADER, page.headerMargin());
        sheet.setMargin(PageMargin.FOOTER, page.footerMargin());
        sheet.getFooter().setCenter(page.centerFooter());
    }

    @Override
    public void finish() throws IOException {
        workbook.write(out);
    }

    private XSSFCellStyle style(CellStyle style) {
        return style == null ? null : styles.computeIfAbsent(style, this::createStyle);
    }

    private XSSFCellStyle createStyle(CellStyle style) {
        XSSFCellStyle created = workbook.createCellStyle();
        created.setFont(fonts.computeIfAbsent(style.font(), this::createFont));
        created.setWrapText(style.wrapText());
        if (style.horizontal() != CellStyle.Horizontal.GENERAL) {
            created.setAlignment(style.horizontal() == CellStyle.Horizontal.LEFT
                    ? HorizontalAlignment.LEFT : HorizontalAlignment.CENTER);
        }
        if (style.vertical() != CellStyle.Vertical.BOTTOM) {
            created.setVerticalAlignment(style.vertical() == CellStyle.Vertical.TOP
                    ? VerticalAlignment.TOP : VerticalAlignment.CENTER);
        }
        if (style.thinBox()) {
            created.setBorderTop(BorderStyle.THIN);
            created.setBorderBottom(BorderStyle.THIN);
            created.setBorderLeft(BorderStyle.THIN);
            created.setBorderRight(BorderStyle.THIN);
        }
        if (style.fill() != CellStyle.Fill.NONE) {
            created.setFillForegroundColor((short) style.fill().indexedColor);
            created.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        }
        return created;
    }

    private XSSFFont createFont(CellStyle.Font font) {
        XSSFFont created = workbook.createFont();
        created.setFontName(font.name());
        created.setCharSet(font.charset());
        created.setFontHeight((short) Math.round(font.points() * 20));
        created.setBold(font.bold());
        return created;
    }

    /** One sheet of the workbook, filled through POI's object model. */
    private final class Sheet implements SheetWriter {

        private final XSSFSheet sheet;
        private XSSFRow row;
        private int next;

        Sheet(XSSFSheet sheet) {
            this.sheet = sheet;
        }

        @Override
        public int row(float heightPoints) {
            row();
            row.setHeightInPoints(heightPoints);
            return row.getRowNum();
        }

        @Override
        public int row() {
            row = sheet.createRow(next++);
            return row.getRowNum();
        }

        @Override
        public void text(int column, String text, CellStyle style) {
            var cell = row.createCell(column);
            cell.setCellValue(text);
            cell.setCellStyle(style(style));
        }

        @Override
        public void blank(int column, CellStyle style) {
            row.createCell(column).setCellStyle(style(style));
        }

        @Override
        public void number(int column, long value) {
            row.createCell(column).setCellValue(value);
        }

        @Override
        public void bool(int column, boolean value) {
            row.createCell(column).setCellValue(value);
        }

        @Override
        public void merge(int row, int firstColumn, int lastColumn) {
            sheet.addMergedRegionUnsafe(new CellRangeAddress(row, row, firstColumn, lastColumn));
        }

        @Override
        public void breakPageAfter(int row) {
            sheet.setRowBreak(row);
        }

        @Override
        public void repeatOnEveryPage(int firstRow, int lastRow) {
            sheet.setRepeatingRows(new CellRangeAddress(firstRow, lastRow, -1, -1));
        }
    }
}
