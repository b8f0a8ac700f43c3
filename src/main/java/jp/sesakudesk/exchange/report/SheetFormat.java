package jp.sesakudesk.exchange.report;

/**
 * What is fixed for a sheet before its rows: the column widths, the rows frozen at the top, and how
 * it prints.
 *
 * @param columnChars the width of each column from the first, in digits of the default font
 * @param page how the sheet prints, or null for the office suite's defaults
 */
record SheetFormat(double[] columnChars, int frozenRows, PageSetup page) {

    SheetFormat {
        columnChars = columnChars.clone();
    }

    /** A sheet laid out for printing, nothing frozen. */
    static SheetFormat printed(double[] columnChars, PageSetup page) {
        return new SheetFormat(columnChars, 0, page);
    }

    /** A table with its header rows frozen, printed with the defaults. */
    static SheetFormat table(double[] columnChars, int frozenRows) {
        return new SheetFormat(columnChars, frozenRows, null);
    }

    @Override
    public double[] columnChars() {
        return columnChars.clone();
    }
}
