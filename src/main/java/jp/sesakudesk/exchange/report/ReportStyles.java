package jp.sesakudesk.exchange.report;

import jp.sesakudesk.exchange.report.CellStyle.Fill;
import jp.sesakudesk.exchange.report.CellStyle.Font;
import jp.sesakudesk.exchange.report.CellStyle.Horizontal;
import jp.sesakudesk.exchange.report.CellStyle.Vertical;

/** The cell styles of the printed sheets. */
final class ReportStyles {

    /**
     * A cell can name only one font. MS PGothic (ＭＳ Ｐゴシック) is on every Japanese-capable Windows
     * and in Office for Mac, and its line height is close to the one the row heights are estimated
     * with; Yu Gothic draws taller lines and is missing from older installations. Where MS PGothic is
     * not installed (Linux, LibreOffice) the office suite puts a Japanese font in its place.
     */
    static final String FONT_NAME = "MS PGothic";
    static final double BODY_POINTS = 10.5;
    /** Height of one line of body text, generous enough for fonts with tall line spacing. */
    static final float LINE_POINTS = 15f;
    /** Room above and below the text in a row. */
    static final float PADDING_POINTS = 5f;
    /** Windows' number for the Shift JIS character set, which marks the fonts as Japanese. */
    static final int SHIFT_JIS = 128;

    /**
     * The workbook's default font. Column widths are counted in digits of it; making it the Japanese
     * font keeps the width of a column in step with the text in it, in Excel and LibreOffice alike.
     */
    static final Font DEFAULT_FONT = font(11, false);

    static final CellStyle TITLE = plain(font(14, true));
    static final CellStyle SUBTITLE = plain(font(11, false));
    static final CellStyle PILLAR = plain(font(12, true));
    static final CellStyle CATEGORY = plain(font(11, true));
    static final CellStyle NOTE = plain(font(9.5, false));
    static final CellStyle HEADER = boxed(true, Horizontal.CENTER, Vertical.CENTER, Fill.GREY_25_PERCENT);
    static final CellStyle BLOCK_HEAD = boxed(true, Horizontal.LEFT, Vertical.CENTER, Fill.PALE_BLUE);
    static final CellStyle BLOCK_HEAD_CENTER = boxed(true, Horizontal.CENTER, Vertical.CENTER, Fill.PALE_BLUE);
    static final CellStyle TEXT = boxed(false, Horizontal.LEFT, Vertical.TOP, Fill.NONE);
    static final CellStyle TEXT_MIDDLE = boxed(false, Horizontal.LEFT, Vertical.CENTER, Fill.NONE);
    static final CellStyle TEXT_CENTER = boxed(false, Horizontal.CENTER, Vertical.CENTER, Fill.NONE);

    private ReportStyles() {
    }

    /** The height of a row holding the given number of body lines. */
    static float rowHeight(int lines) {
        return lines * LINE_POINTS + PADDING_POINTS;
    }

    private static Font font(double points, boolean bold) {
        return new Font(FONT_NAME, SHIFT_JIS, points, bold);
    }

    private static CellStyle plain(Font font) {
        return new CellStyle(font, Horizontal.GENERAL, Vertical.CENTER, true, false, Fill.NONE);
    }

    /** Body text (bold for headings) in a thin box. */
    private static CellStyle boxed(boolean bold, Horizontal horizontal, Vertical vertical, Fill fill) {
        return new CellStyle(font(BODY_POINTS, bold), horizontal, vertical, true, true, fill);
    }
}
