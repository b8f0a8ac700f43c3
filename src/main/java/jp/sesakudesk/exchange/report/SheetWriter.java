package jp.sesakudesk.exchange.report;

/**
 * A sheet written from the top: rows one after the other, the cells of the latest row from left
 * to right. Rows and columns are numbered from 0. A null style is the workbook's default.
 */
interface SheetWriter {

    /** Starts the next row with the given height; returns its number. */
    int row(float heightPoints);

    /** Starts the next row with the default height; returns its number. */
    int row();

    void text(int column, String text, CellStyle style);

    void blank(int column, CellStyle style);

    void number(int column, long value);

    void bool(int column, boolean value);

    /** Merges the cells first..last of a row written before or being written. */
    void merge(int row, int firstColumn, int lastColumn);

    /** Ends the printed page after the row. */
    void breakPageAfter(int row);

    /** Prints the rows first..last at the top of every page. */
    void repeatOnEveryPage(int firstRow, int lastRow);
}
