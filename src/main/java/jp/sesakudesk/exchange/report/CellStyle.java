package jp.sesakudesk.exchange.report;

/**
 * How a cell looks: its font, alignment, wrapping, border and fill. A style is a value: cells with
 * equal styles share one entry of the workbook's style table.
 *
 * @param thinBox whether the cell has a thin border on all four sides
 */
record CellStyle(Font font, Horizontal horizontal, Vertical vertical, boolean wrapText, boolean thinBox,
                 Fill fill) {

    /**
     * A font of the workbook.
     *
     * @param charset the character set the font is for, as Windows numbers it (128 is Shift JIS)
     */
    record Font(String name, int charset, double points, boolean bold) {
    }

    enum Horizontal { GENERAL, LEFT, CENTER }

    enum Vertical { BOTTOM, CENTER, TOP }

    /** A solid fill in a colour of the standard palette, by the palette's index. */
    enum Fill {
        NONE(-1), GREY_25_PERCENT(22), PALE_BLUE(44);

        final int indexedColor;

        Fill(int indexedColor) {
            this.indexedColor = indexedColor;
        }
    }
}
