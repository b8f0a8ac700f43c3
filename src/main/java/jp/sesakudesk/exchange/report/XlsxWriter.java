package jp.sesakudesk.exchange.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes an Excel workbook (.xlsx: SpreadsheetML in a zip package) as it goes. Each sheet's rows go
 * to the zip stream as they are added, so memory does not grow with the number of rows; only the
 * merged ranges and page breaks of the sheet being written are kept until its end. Texts are
 * inline strings. The style table, made of the distinct cell styles used, and the workbook part
 * with its print titles are written when the workbook is finished.
 */
final class XlsxWriter implements WorkbookWriter {

    private static final String XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static final String OFFICE_RELATIONSHIPS =
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types";
    private static final String SPREADSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.";
    private static final String APPLICATION = "Sesaku Desk";

    private final ZipOutputStream zip;
    private final Writer xml;
    private final CellStyle.Font defaultFont;
    /** The styles used so far by their index in the style table; 0 is the default. */
    private final Map<CellStyle, Integer> styles = new LinkedHashMap<>();
    private final List<String> sheetNames = new ArrayList<>();
    /** The rows printed on every page, as a reference ($3:$3), by sheet index. */
    private final Map<Integer, String> printTitles = new LinkedHashMap<>();
    private Sheet current;

    /** A writer of the workbook to the stream, which the caller closes after {@link #finish()}. */
    XlsxWriter(OutputStream out, CellStyle.Font defaultFont) {
        this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        this.xml = new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8), 1 << 16);
        this.defaultFont = defaultFont;
    }

    @Override
    public SheetWriter sheet(String name, SheetFormat format) {
        try {
            if (current != null) {
                current.end();
            }
            sheetNames.add(name);
            current = new Sheet(sheetNames.size() - 1, format);
            return current;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void finish() throws IOException {
        if (current != null) {
            current.end();
            current = null;
        }
        part("xl/styles.xml", this::writeStyles);
        part("xl/workbook.xml", this::writeWorkbook);
        part("xl/_rels/workbook.xml.rels", this::writeWorkbookRelationships);
        part("[Content_Types].xml", this::writeContentTypes);
        part("_rels/.rels", this::writePackageRelationships);
        part("docProps/app.xml", () -> xml.write("<Properties xmlns=\"http://schemas.openxmlformats.org/"
                + "officeDocument/2006/extended-properties\"><Application>" + APPLICATION
                + "</Application></Properties>"));
        part("docProps/core.xml", this::writeCoreProperties);
        zip.finish();
    }

    /** What writes the XML of a part. */
    private interface PartContent {
        void write() throws IOException;
    }

    private void part(String name, PartContent content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        xml.write(XML_DECLARATION);
        content.write();
        xml.flush();
        zip.closeEntry();
    }

    private void writeWorkbook() throws IOException {
        xml.write("<workbook xmlns=\"" + MAIN + "\" xmlns:r=\"" + OFFICE_RELATIONSHIPS + "\">"
                + "<bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>");
        for (int i = 0; i < sheetNames.size(); i++) {
            xml.write("<sheet name=\"");
            escaped(sheetNames.get(i));
            xml.write("\" sheetId=\"" + (i + 1) + "\" r:id=\"rId" + (i + 1) + "\"/>");
        }
        xml.write("</sheets>");
        if (!printTitles.isEmpty()) {
            xml.write("<definedNames>");
            for (Map.Entry<Integer, String> titles : printTitles.entrySet()) {
                String sheet = "'" + sheetNames.get(titles.getKey()).replace("'", "''") + "'";
                xml.write("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"" + titles.getKey() + "\">");
                escaped(sheet + "!" + titles.getValue());
                xml.write("</definedName>");
            }
            xml.write("</definedNames>");
        }
        xml.write("</workbook>");
    }

    private void writeWorkbookRelationships() throws IOException {
        xml.write("<Relationships xmlns=\"" + RELATIONSHIPS + "\">");
        for (int i = 1; i <= sheetNames.size(); i++) {
            relationship("rId" + i, OFFICE_RELATIONSHIPS + "/worksheet", "worksheets/sheet" + i + ".xml");
        }
        relationship("rId" + (sheetNames.size() + 1), OFFICE_RELATIONSHIPS + "/styles", "styles.xml");
        xml.write("</Relationships>");
    }

    private void writePackageRelationships() throws IOException {
        xml.write("<Relationships xmlns=\"" + RELATIONSHIPS + "\">");
        relationship("rId1", OFFICE_RELATIONSHIPS + "/officeDocument", "xl/workbook.xml");
        relationship("rId2", OFFICE_RELATIONSHIPS + "/extended-properties", "docProps/app.xml");
        relationship("rId3", RELATIONSHIPS + "/metadata/core-properties", "docProps/core.xml");
        xml.write("</Relationships>");
    }

    private void relationship(String id, String type, String target) throws IOException {
        xml.write("<Relationship Id=\"" + id + "\" Type=\"" + type + "\" Target=\"" + target + "\"/>");
    }

    private void writeContentTypes() throws IOException {
        xml.write("<Types xmlns=\"" + CONTENT_TYPES + "\">"
                + "<Default Extension=\"rels\""
                + " ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>");
        override("/xl/workbook.xml", SPREADSHEET_TYPE + "sheet.main+xml");
        for (int i = 1; i <= sheetNames.size(); i++) {
            override("/xl/worksheets/sheet" + i + ".xml", SPREADSHEET_TYPE + "worksheet+xml");
        }
        override("/xl/styles.xml", SPREADSHEET_TYPE + "styles+xml");
        override("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml");
        override("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
        xml.write("</Types>");
    }

    private void override(String part, String type) throws IOException {
        xml.write("<Override PartName=\"" + part + "\" ContentType=\"" + type + "\"/>");
    }

    private void writeCoreProperties() throws IOException {
        xml.write("<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/"
                + "core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms="
                + "\"http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
                + "<dc:creator>" + APPLICATION + "</dc:creator><dcterms:created xsi:type=\"dcterms:W3CDTF\">"
                + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "</dcterms:created></cp:coreProperties>");
    }

    /**
     * The style table: fonts, fills and borders each listed once, then one cell format per style.
     * Format 0 is the default font alone; fills 0 and 1 are the two every workbook starts with.
     * There are no named cell styles: given a Normal style, LibreOffice would show the unstyled cells
     * (the データ sheet) in its stand-in for the Japanese default font rather than in its own font.
     */
    private void writeStyles() throws IOException {
        Map<CellStyle.Font, Integer> fonts = new LinkedHashMap<>();
        Map<CellStyle.Fill, Integer> fills = new LinkedHashMap<>();
        fonts.put(defaultFont, 0);
        fills.put(CellStyle.Fill.NONE, 0);
        boolean boxed = false;
        for (CellStyle style : styles.keySet()) {
            fonts.putIfAbsent(style.font(), fonts.size());
            fills.putIfAbsent(style.fill(), fills.size() + 1);
            boxed |= style.thinBox();
        }
        xml.write("<styleSheet xmlns=\"" + MAIN + "\"><fonts count=\"" + fonts.size() + "\">");
        for (CellStyle.Font font : fonts.keySet()) {
            font(font);
        }
        xml.write("</fonts><fills count=\"" + (fills.size() + 1) + "\">"
                + "<fill><patternFill patternType=\"none\"/></fill>"
                + "<fill><patternFill patternType=\"gray125\"/></fill>");
        for (CellStyle.Fill fill : fills.keySet()) {
            if (fill != CellStyle.Fill.NONE) {
                xml.write("<fill><patternFill patternType=\"solid\"><fgColor indexed=\"" + fill.indexedColor
                        + "\"/><bgColor indexed=\"64\"/></patternFill></fill>");
            }
        }
        xml.write("</fills><borders count=\"" + (boxed ? 2 : 1) + "\">"
                + "<border><left/><right/><top/><bottom/><diagonal/></border>");
        if (boxed) {
            xml.write("<border><left style=\"thin\"/><right style=\"thin\"/><top style=\"thin\"/>"
                    + "<bottom style=\"thin\"/><diagonal/></border>");
        }
        xml.write("</borders><cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/>"
                + "</cellStyleXfs><cellXfs count=\"" + (styles.size() + 1) + "\">"
                + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>");
        for (CellStyle style : styles.keySet()) {
            cellFormat(style, fonts.get(style.font()), fills.get(style.fill()));
        }
        xml.write("</cellXfs></styleSheet>");
    }

    /**
     * A font of the table. The default font is marked sans-serif (family 2) as workbooks have it:
     * where it is not installed, the office suite puts a sans-serif font in its place.
     */
    private void font(CellStyle.Font font) throws IOException {
        xml.write("<font>" + (font.bold() ? "<b/>" : "") + "<sz val=\"" + decimal(font.points()) + "\"/><name val=\"");
        escaped(font.name());
        xml.write("\"/>" + (font.equals(defaultFont) ? "<family val=\"2\"/>" : "") + "<charset val=\""
                + font.charset() + "\"/><scheme val=\"none\"/></font>");
    }

    private void cellFormat(CellStyle style, int font, int fill) throws IOException {
        xml.write("<xf numFmtId=\"0\" fontId=\"" + font + "\" fillId=\"" + fill + "\" borderId=\""
                + (style.thinBox() ? 1 : 0) + "\" xfId=\"0\" applyFont=\"1\""
                + (fill > 0 ? " applyFill=\"1\"" : "") + (style.thinBox() ? " applyBorder=\"1\"" : "")
                + " applyAlignment=\"1\"><alignment");
        if (style.horizontal() != CellStyle.Horizontal.GENERAL) {
            xml.write(" horizontal=\"" + style.horizontal().name().toLowerCase() + "\"");
        }
        if (style.vertical() != CellStyle.Vertical.BOTTOM) {
            xml.write(" vertical=\"" + style.vertical().name().toLowerCase() + "\"");
        }
        xml.write((style.wrapText() ? " wrapText=\"1\"" : "") + "/></xf>");
    }

    /**
     * Writes text escaped for XML content or attributes. Line breaks and tabs are written as
     * character references so that they survive in attributes and as CR LF; control characters XML
     * cannot hold become '?'.
     */
    private void escaped(String text) throws IOException {
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '&' -> "&amp;";
                case '"' -> "&quot;";
                case '\n' -> "&#10;";
                case '\r' -> "&#13;";
                case '\t' -> "&#9;";
                default -> c < 0x20 || c == 0xFFFE || c == 0xFFFF ? "?" : null;
            };
            if (replacement != null) {
                xml.write(text, start, i - start);
                xml.write(replacement);
                start = i + 1;
            }
        }
        xml.write(text, start, text.length() - start);
    }

    /** A number as SpreadsheetML writes it: 20 rather than 20.0. */
    private static String decimal(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value);
    }

    /** A cell's reference in A1 style. */
    static String reference(int row, int column) {
        return columnName(column) + (row + 1);
    }

    static String columnName(int column) {
        StringBuilder name = new StringBuilder();
        for (int rest = column + 1; rest > 0; rest = (rest - 1) / 26) {
            name.insert(0, (char) ('A' + (rest - 1) % 26));
        }
        return name.toString();
    }

    /** The sheet being written: its part of the package is open until the next sheet or the finish. */
    private final class Sheet implements SheetWriter {

        private final int index;
        private final PageSetup page;
        private final List<int[]> merges = new ArrayList<>();
        private final List<Integer> pageBreaks = new ArrayList<>();
        private int nextRow;
        private boolean rowOpen;
        private int lastColumn;

        Sheet(int index, SheetFormat format) throws IOException {
            this.index = index;
            this.page = format.page();
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet" + (index + 1) + ".xml"));
            xml.write(XML_DECLARATION);
            xml.write("<worksheet xmlns=\"" + MAIN + "\" xmlns:r=\"" + OFFICE_RELATIONSHIPS + "\">");
            if (page != null) {
                xml.write("<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>");
            }
            view(format.frozenRows());
            xml.write("<sheetFormatPr defaultRowHeight=\"15\"/><cols>");
            double[] columnChars = format.columnChars();
            for (int i = 0; i < columnChars.length; i++) {
                xml.write("<col min=\"" + (i + 1) + "\" max=\"" + (i + 1) + "\" width=\"" + decimal(columnChars[i])
                        + "\" customWidth=\"1\"/>");
            }
            xml.write("</cols><sheetData>");
        }

        private void view(int frozenRows) throws IOException {
            xml.write("<sheetViews><sheetView" + (index == 0 ? " tabSelected=\"1\"" : "") + " workbookViewId=\"0\"");
            if (frozenRows == 0) {
                xml.write("/></sheetViews>");
                return;
            }
            xml.write("><pane ySplit=\"" + frozenRows + "\" topLeftCell=\"" + reference(frozenRows, 0)
                    + "\" activePane=\"bottomLeft\" state=\"frozen\"/><selection pane=\"bottomLeft\"/>"
                    + "</sheetView></sheetViews>");
        }

        @Override
        public int row(float heightPoints) {
            return startRow(" ht=\"" + decimal(heightPoints) + "\" customHeight=\"1\"");
        }

        @Override
        public int row() {
            return startRow("");
        }

        private int startRow(String attributes) {
            checkOpen();
            try {
                endRow();
                xml.write("<row r=\"" + (nextRow + 1) + "\"" + attributes + ">");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            rowOpen = true;
            lastColumn = -1;
            return nextRow++;
        }

        private void endRow() throws IOException {
            if (rowOpen) {
                xml.write("</row>");
                rowOpen = false;
            }
        }

        @Override
        public void text(int column, String text, CellStyle style) {
            try {
                startCell(column, style, " t=\"inlineStr\"");
                xml.write(text.isEmpty() || (!Character.isWhitespace(text.charAt(0))
                        && !Character.isWhitespace(text.charAt(text.length() - 1)))
                        ? "><is><t>" : "><is><t xml:space=\"preserve\">");
                escaped(text);
                xml.write("</t></is></c>");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void blank(int column, CellStyle style) {
            try {
                startCell(column, style, "");
                xml.write("/>");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void number(int column, long value) {
            try {
                startCell(column, null, "");
                xml.write("><v>" + value + "</v></c>");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void bool(int column, boolean value) {
            try {
                startCell(column, null, " t=\"b\"");
                xml.write(value ? "><v>1</v></c>" : "><v>0</v></c>");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Writes the cell's start tag up to its last attribute. */
        private void startCell(int column, CellStyle style, String type) throws IOException {
            checkOpen();
            if (!rowOpen || column <= lastColumn) {
                throw new IllegalStateException("cells go into a row, left to right: column " + column
                        + " after " + lastColumn);
            }
            lastColumn = column;
            xml.write("<c r=\"" + reference(nextRow - 1, column) + "\"");
            if (style != null) {
                xml.write(" s=\"" + styles.computeIfAbsent(style, added -> styles.size() + 1) + "\"");
            }
            xml.write(type);
        }

        @Override
        public void merge(int row, int firstColumn, int lastColumn) {
            checkOpen();
            merges.add(new int[] {row, firstColumn, lastColumn});
        }

        @Override
        public void breakPageAfter(int row) {
            checkOpen();
            pageBreaks.add(row);
        }

        @Override
        public void repeatOnEveryPage(int firstRow, int lastRow) {
            printTitles.put(index, "$" + (firstRow + 1) + ":$" + (lastRow + 1));
        }

        private void checkOpen() {
            if (current != this) {
                throw new IllegalStateException("the sheet " + sheetNames.get(index) + " is complete");
            }
        }

        /** Writes what follows the rows and closes the sheet's part. */
        void end() throws IOException {
            endRow();
            xml.write("</sheetData>");
            if (!merges.isEmpty()) {
                xml.write("<mergeCells count=\"" + merges.size() + "\">");
                for (int[] merge : merges) {
                    xml.write("<mergeCell ref=\"" + reference(merge[0], merge[1]) + ":"
                            + reference(merge[0], merge[2]) + "\"/>");
                }
                xml.write("</mergeCells>");
            }
            writePage();
            writePageBreaks();
            xml.write("</worksheet>");
            xml.flush();
            zip.closeEntry();
        }

        private void writePage() throws IOException {
            if (page == null) {
                xml.write("<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\""
                        + " footer=\"0.3\"/>");
                return;
            }
            xml.write("<pageMargins left=\"" + decimal(page.sideMargin()) + "\" right=\""
                    + decimal(page.sideMargin()) + "\" top=\"" + decimal(page.topMargin()) + "\" bottom=\""
                    + decimal(page.bottomMargin()) + "\" header=\"" + decimal(page.headerMargin()) + "\" footer=\""
                    + decimal(page.footerMargin()) + "\"/>"
                    + "<pageSetup paperSize=\"9\" orientation=\"portrait\" fitToWidth=\"1\" fitToHeight=\"0\"/>"
                    + "<headerFooter><oddFooter>");
            escaped("&C" + page.centerFooter());
            xml.write("</oddFooter></headerFooter>");
        }

        private void writePageBreaks() throws IOException {
            if (pageBreaks.isEmpty()) {
                return;
            }
            // A break's id is the number (from 1) of the last row on its page.
            xml.write("<rowBreaks count=\"" + pageBreaks.size() + "\" manualBreakCount=\"" + pageBreaks.size()
                    + "\">");
            for (int row : pageBreaks) {
                xml.write("<brk id=\"" + (row + 1) + "\" max=\"16383\" man=\"1\"/>");
            }
            xml.write("</rowBreaks>");
        }
    }
}
