package jp.sesakudesk.exchange.report;

import java.util.regex.Pattern;

/**
 * Estimates how many lines a wrapped text takes in a cell, since the workbook is written without
 * measuring text and the office suite does not size rows given a height. A column is as wide as a
 * number of digits of the default font (the Japanese font at 11 points, about 8 pixels each); at
 * {@link ReportStyles#BODY_POINTS} a full-width (Japanese) character is about 1.75 of those and a
 * half-width one about 0.9. The estimate rounds both up, so that text is never cut off at the price
 * of a little space.
 */
final class TextSize {

    /** Characters lost to the cell's inner margins and to wrapping at word boundaries. */
    private static final double SLACK = 1.5;
    private static final double FULL_WIDTH = 1.8;
    private static final double HALF_WIDTH = 1.0;
    private static final Pattern LINE_BREAK = Pattern.compile("\\R");

    private TextSize() {
    }

    /** The width of a line in column characters. */
    static double width(String line) {
        double width = 0;
        for (int i = 0; i < line.length(); ) {
            int c = line.codePointAt(i);
            width += isHalfWidth(c) ? HALF_WIDTH : FULL_WIDTH;
            i += Character.charCount(c);
        }
        return width;
    }

    private static boolean isHalfWidth(int c) {
        return c < 0x1100 || (c >= 0xFF61 && c <= 0xFFDC);
    }

    /** Lines the text takes when wrapped in a cell the given number of characters wide; at least 1. */
    static int lines(String text, double columnChars) {
        if (text == null || text.isEmpty()) {
            return 1;
        }
        double usable = Math.max(1, columnChars - SLACK);
        int lines = 0;
        for (String line : LINE_BREAK.split(text, -1)) {
            lines += Math.max(1, (int) Math.ceil(width(line) / usable));
        }
        return lines;
    }
}
