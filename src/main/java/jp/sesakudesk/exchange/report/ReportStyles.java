package jp.sesakudesk.exchange.report;

import org.apache.poi.common.usermodel.fonts.FontCharset;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.FontScheme;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFFont;

/** The cell styles of the printed sheets, made once per workbook. */
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

    final CellStyle title;
    final CellStyle subtitle;
    final CellStyle pillar;
    final CellStyle category;
    final CellStyle header;
    final CellStyle blockHead;
    final CellStyle blockHeadCenter;
    final CellStyle text;
    final CellStyle textMiddle;
    final CellStyle textCenter;
    final CellStyle note;

    ReportStyles(Workbook workbook) {
        useAsDefaultFont(workbook.getFontAt(0));
        Font body = font(workbook, BODY_POINTS, false);
        Font bold = font(workbook, BODY_POINTS, true);
        title = plain(workbook, font(workbook, 14, true));
        subtitle = plain(workbook, font(workbook, 11, false));
        pillar = plain(workbook, font(workbook, 12, true));
        category = plain(workbook, font(workbook, 11, true));
        header = boxed(workbook, bold, HorizontalAlignment.CENTER, IndexedColors.GREY_25_PERCENT);
        blockHead = boxed(workbook, bold, HorizontalAlignment.LEFT, IndexedColors.PALE_BLUE);
        blockHeadCenter = boxed(workbook, bold, HorizontalAlignment.CENTER, IndexedColors.PALE_BLUE);
        text = boxed(workbook, body, HorizontalAlignment.LEFT, null);
        text.setVerticalAlignment(VerticalAlignment.TOP);
        textMiddle = boxed(workbook, body, HorizontalAlignment.LEFT, null);
        textCenter = boxed(workbook, body, HorizontalAlignment.CENTER, null);
        note = plain(workbook, font(workbook, 9.5, false));
    }

    /** The height of a row holding the given number of body lines. */
    static float rowHeight(int lines) {
        return lines * LINE_POINTS + PADDING_POINTS;
    }

    /**
     * Column widths are counted in digits of the workbook's default font. Making that the Japanese
     * font keeps the width of a column in step with the text in it, in Excel and in LibreOffice alike.
     */
    private static void useAsDefaultFont(Font font) {
        if (font instanceof XSSFFont xssf) {
            // Otherwise the theme's font (Calibri) would be used in place of the name.
            xssf.setScheme(FontScheme.NONE);
        }
        font.setFontName(FONT_NAME);
        font.setCharSet(FontCharset.SHIFTJIS.getNativeId());
        font.setFontHeightInPoints((short) 11);
    }

    private static Font font(Workbook workbook, double points, boolean bold) {
        Font font = workbook.createFont();
        font.setFontName(FONT_NAME);
        font.setCharSet(FontCharset.SHIFTJIS.getNativeId());
        font.setFontHeight((short) Math.round(points * 20));
        font.setBold(bold);
        return font;
    }

    private static CellStyle plain(Workbook workbook, Font font) {
        CellStyle style = workbook.createCellStyle();
        style.setFont(font);
        style.setWrapText(true);
        style.setVerticalAlignment(VerticalAlignment.CENTER);
        return style;
    }

    private static CellStyle boxed(Workbook workbook, Font font, HorizontalAlignment alignment,
                                   IndexedColors fill) {
        CellStyle style = workbook.createCellStyle();
        style.setFont(font);
        style.setWrapText(true);
        style.setAlignment(alignment);
        style.setVerticalAlignment(VerticalAlignment.CENTER);
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        if (fill != null) {
            style.setFillForegroundColor(fill.getIndex());
            style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        }
        return style;
    }
}
