package jp.sesakudesk.exchange.report;

/**
 * A sheet laid out for printing on A4 portrait, one page wide: rows are added from the top with
 * explicit heights, since a sheet written row by row cannot size rows to wrapped text.
 */
final class PrintedSheet {

    private static final double A4_WIDTH = 595.3;
    private static final double A4_HEIGHT = 841.9;
    private static final double SIDE_MARGIN_INCHES = 0.5;
    private static final double TOP_MARGIN_INCHES = 0.6;
    private static final double BOTTOM_MARGIN_INCHES = 0.7;
    /** Part of the page kept free for what the estimates miss (fonts, rounding of the scale). */
    private static final double SAFETY = 0.93;

    private static final PageSetup PAGE = new PageSetup(SIDE_MARGIN_INCHES, TOP_MARGIN_INCHES,
            BOTTOM_MARGIN_INCHES, 0.3, 0.3, "&P / &N");

    private final SheetWriter sheet;
    private final double[] columnChars;
    private double pageHeight;
    private double usedOnPage;
    private int lastRow = -1;

    PrintedSheet(WorkbookWriter workbook, String name, double... columnChars) {
        this.sheet = workbook.sheet(name, SheetFormat.printed(columnChars, PAGE));
        this.columnChars = columnChars.clone();
        pageHeight = pageHeightPoints();
    }

    /** Adds a row of the given height; returns its number. */
    int row(float heightPoints) {
        lastRow = sheet.row(heightPoints);
        usedOnPage += heightPoints;
        if (usedOnPage > pageHeight) {
            // Rows taller than the page: the office suite breaks the page before this row.
            usedOnPage = heightPoints;
        }
        return lastRow;
    }

    /** Prints the row, of the given height, at the top of every page; the rows below get that much less room. */
    void repeatOnEveryPage(int row, float heightPoints) {
        sheet.repeatOnEveryPage(row, row);
        pageHeight -= heightPoints;
    }

    /**
     * Starts a new page unless rows of the given total height fit on the rest of this one. Rows
     * taller than a page start a page of their own and go on over the next.
     */
    void keepTogether(double heightPoints) {
        if (usedOnPage > 0 && usedOnPage + heightPoints > pageHeight) {
            sheet.breakPageAfter(lastRow);
            usedOnPage = 0;
        }
    }

    /** Puts a text in the cells first..last of the row being written, merged when more than one, all styled. */
    void put(int row, int first, int last, String text, CellStyle style) {
        sheet.text(first, text, style);
        for (int column = first + 1; column <= last; column++) {
            sheet.blank(column, style);
        }
        if (last > first) {
            sheet.merge(row, first, last);
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
