package jp.sesakudesk.exchange.report;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * A sheet laid out for printing on A4 portrait, one page wide: rows are added from the top with
 * explicit heights, since a streamed sheet cannot size rows to wrapped text.
 */
final class PrintedSheet {

    private static final double A4_WIDTH = 595.3;
    private static final double A4_HEIGHT = 841.9;
    private static final double SIDE_MARGIN_INCHES = 0.5;
    private static final double TOP_MARGIN_INCHES = 0.6;
    private static final double BOTTOM_MARGIN_INCHES = 0.7;
    /** Part of the page kept free for what the estimates miss (fonts, rounding of the scale). */
    private static final double SAFETY = 0.93;

    private final Sheet sheet;
    private final double[] columnChars;
    private double pageHeight;
    private double usedOnPage;
    private int next;

    PrintedSheet(Sheet sheet, double... columnChars) {
        this.sheet = sheet;
        this.columnChars = columnChars.clone();
        for (int i = 0; i < columnChars.length; i++) {
            sheet.setColumnWidth(i, (int) Math.round(columnChars[i] * 256));
        }
        setUpPage();
        pageHeight = pageHeightPoints();
    }

    private void setUpPage() {
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(false);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setAutobreaks(true);
        sheet.setMargin(PageMargin.LEFT, SIDE_MARGIN_INCHES);
        sheet.setMargin(PageMargin.RIGHT, SIDE_MARGIN_INCHES);
        sheet.setMargin(PageMargin.TOP, TOP_MARGIN_INCHES);
        sheet.setMargin(PageMargin.BOTTOM, BOTTOM_MARGIN_INCHES);
        sheet.setMargin(PageMargin.HEADER, 0.3);
        sheet.setMargin(PageMargin.FOOTER, 0.3);
        sheet.getFooter().setCenter("&P / &N");
    }

    Row row(float heightPoints) {
        Row row = sheet.createRow(next++);
        row.setHeightInPoints(heightPoints);
        usedOnPage += heightPoints;
        if (usedOnPage > pageHeight) {
            // Rows taller than the page: the office suite breaks the page before this row.
            usedOnPage = heightPoints;
        }
        return row;
    }

    /** Prints the row at the top of every page; the rows below get that much less room. */
    void repeatOnEveryPage(Row row) {
        sheet.setRepeatingRows(new CellRangeAddress(row.getRowNum(), row.getRowNum(), -1, -1));
        pageHeight -= row.getHeightInPoints();
    }

    /**
     * Starts a new page unless rows of the given total height fit on the rest of this one. Rows
     * taller than a page start a page of their own and go on over the next.
     */
    void keepTogether(double heightPoints) {
        if (usedOnPage > 0 && usedOnPage + heightPoints > pageHeight) {
            sheet.setRowBreak(next - 1);
            usedOnPage = 0;
        }
    }

    /** Puts a text in the cells first..last of the row, merged when more than one, all styled. */
    void put(Row row, int first, int last, String text, CellStyle style) {
        Cell cell = row.createCell(first);
        cell.setCellValue(text);
        cell.setCellStyle(style);
        for (int column = first + 1; column <= last; column++) {
            row.createCell(column).setCellStyle(style);
        }
        if (last > first) {
            sheet.addMergedRegionUnsafe(new CellRangeAddress(row.getRowNum(), row.getRowNum(), first, last));
        }
    }

    /** The lines a text takes in cells first..last. */
    int lines(String text, int first, int last) {
        double chars = 0;
        for (int column = first; column <= last; column++) {
            chars += columnChars[column];
        }
        return TextSize.lines(text, chars);
    }

    /**
     * The height of sheet rows, in points, that fit on one printed page. The page is A4 less the
     * margins; fitting to the page width shrinks the sheet when its columns are wider than the page,
     * so the same page then holds proportionally more rows. A column of n characters is n × 8 + 5
     * pixels (8 being the digit width of the default font, see {@link TextSize}) of 0.75 points.
     */
    private double pageHeightPoints() {
        double sheetWidth = 0;
        for (double chars : columnChars) {
            sheetWidth += (chars * 8 + 5) * 0.75;
        }
        double printableWidth = A4_WIDTH - 2 * SIDE_MARGIN_INCHES * 72;
        double scale = Math.min(1, printableWidth / sheetWidth);
        double printableHeight = A4_HEIGHT - (TOP_MARGIN_INCHES + BOTTOM_MARGIN_INCHES) * 72;
        return printableHeight / scale * SAFETY;
    }
}
