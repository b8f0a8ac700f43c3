package jp.sesakudesk.exchange.form;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A small streaming reader for .xlsx files: the workbook's sheets and defined names, and the values
 * of chosen cells, read with StAX straight from the zip. It never evaluates a formula (a formula
 * cell gives its cached value and says so) and refuses what is not a readable workbook with a
 * message that says what the file is instead.
 */
final class XlsxFile implements AutoCloseable {

    /** Limits against zip bombs: total bytes inflated and the inflation ratio of one part. */
    private static final long MAX_INFLATED = 200L << 20;
    private static final long MAX_RATIO = 200;
    private static final String MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /** One factory per thread: StAX does not promise that a factory may be shared. Forms are read in parallel. */
    private static final ThreadLocal<XMLInputFactory> XML = ThreadLocal.withInitial(() -> {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    });

    /** A sheet of the workbook: its name, visibility (visible, hidden, veryHidden) and part. */
    record Sheet(String name, String state, String part) {
    }

    /** A cell's text; {@code formula} when the cell holds a formula and the text is its cached value. */
    record CellValue(String text, boolean formula) {
    }

    private final ZipFile zip;
    private long inflated;
    private final Map<String, Sheet> sheets = new LinkedHashMap<>();
    private final Map<String, String> definedNames = new HashMap<>();
    private List<String> sharedStrings;

    private XlsxFile(ZipFile zip) {
        this.zip = zip;
    }

    /**
     * Opens a workbook.
     *
     * @throws FormException saying what the file is when it is not a readable .xlsx
     */
    static XlsxFile open(Path file) throws IOException, FormException {
        FileKind.check(file);
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new FormException("form.damaged");
        }
        XlsxFile xlsx = new XlsxFile(zip);
        try {
            xlsx.readWorkbook();
            return xlsx;
        } catch (TooLarge e) {
            zip.close();
            throw bomb();
        } catch (IOException | FormException | RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    Map<String, Sheet> sheets() {
        return sheets;
    }

    /** Workbook-level defined names and what they refer to, e.g. SD_1_STATUS → '調査票'!$B$7. */
    Map<String, String> definedNames() {
        return definedNames;
    }

    /** The values of the cells of a sheet whose references (A1 style) are wanted; all when null. */
    Map<String, CellValue> cells(String sheetName, Set<String> wanted) throws IOException, FormException {
        try {
            return readCells(sheetName, wanted);
        } catch (TooLarge e) {
            throw bomb();
        }
    }

    private Map<String, CellValue> readCells(String sheetName, Set<String> wanted) throws IOException, FormException {
        Sheet sheet = sheets.get(sheetName);
        if (sheet == null) {
            throw new FormException("form.sheetMissing", sheetName);
        }
        if (sharedStrings == null) {
            sharedStrings = readSharedStrings();
        }
        Map<String, CellValue> cells = new HashMap<>();
        try (InputStream in = part(sheet.part())) {
            XMLStreamReader xml = XML.get().createXMLStreamReader(in);
            String ref = null;
            String type = null;
            boolean formula = false;
            String value = null;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "c" -> {
                            ref = xml.getAttributeValue(null, "r");
                            type = xml.getAttributeValue(null, "t");
                            formula = false;
                            value = null;
                        }
                        case "f" -> formula = true;
                        case "v" -> value = ref != null && (wanted == null || wanted.contains(ref))
                                ? xml.getElementText() : null;
                        case "is" -> value = ref != null && (wanted == null || wanted.contains(ref))
                                ? inlineText(xml) : null;
                        default -> { }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("c")) {
                    if (ref != null && value != null && (wanted == null || wanted.contains(ref))) {
                        cells.put(ref, new CellValue(decode(type, value), formula));
                    }
                    ref = null;
                }
            }
        } catch (XMLStreamException e) {
            throw new FormException("form.sheetUnreadable", sheetName, e.getMessage());
        }
        return cells;
    }

    private String decode(String type, String value) throws FormException {
        if ("s".equals(type)) {
            int index = Integer.parseInt(value.strip());
            if (index < 0 || index >= sharedStrings.size()) {
                throw new FormException("form.textMissing");
            }
            return sharedStrings.get(index);
        }
        if ("b".equals(type)) {
            return "1".equals(value) ? "TRUE" : "FALSE";
        }
        return value;
    }

    private static String inlineText(XMLStreamReader xml) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                if (xml.getLocalName().equals("t")) {
                    text.append(xml.getElementText());
                    depth--;
                } else if (xml.getLocalName().equals("rPh")) {
                    skip(xml);
                    depth--;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        return text.toString();
    }

    private static void skip(XMLStreamReader xml) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    // --- workbook parts --------------------------------------------------------------------------

    private void readWorkbook() throws IOException, FormException {
        Map<String, String> targets = readRelationships();
        try (InputStream in = part("xl/workbook.xml")) {
            XMLStreamReader xml = XML.get().createXMLStreamReader(in);
            while (xml.hasNext()) {
                if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if (xml.getLocalName().equals("sheet")) {
                    String name = xml.getAttributeValue(null, "name");
                    String state = xml.getAttributeValue(null, "state");
                    String target = targets.get(xml.getAttributeValue(REL_NS, "id"));
                    if (target != null) {
                        sheets.put(name, new Sheet(name, state == null ? "visible" : state, target));
                    }
                } else if (xml.getLocalName().equals("definedName")
                        && xml.getAttributeValue(null, "localSheetId") == null) {
                    String name = xml.getAttributeValue(null, "name");
                    definedNames.put(name, xml.getElementText().strip());
                }
            }
        } catch (XMLStreamException e) {
            throw new FormException("form.structureUnreadable", e.getMessage());
        }
    }

    private Map<String, String> readRelationships() throws IOException, FormException {
        Map<String, String> targets = new HashMap<>();
        try (InputStream in = part("xl/_rels/workbook.xml.rels")) {
            XMLStreamReader xml = XML.get().createXMLStreamReader(in);
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("Relationship")) {
                    String target = xml.getAttributeValue(null, "Target");
                    String path = target.startsWith("/") ? target.substring(1) : "xl/" + target;
                    targets.put(xml.getAttributeValue(null, "Id"), path);
                }
            }
        } catch (XMLStreamException e) {
            throw new FormException("form.structureUnreadable", e.getMessage());
        }
        return targets;
    }

    private List<String> readSharedStrings() throws IOException, FormException {
        List<String> strings = new ArrayList<>();
        if (zip.getEntry("xl/sharedStrings.xml") == null) {
            return strings;
        }
        try (InputStream in = part("xl/sharedStrings.xml")) {
            XMLStreamReader xml = XML.get().createXMLStreamReader(in);
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("si")) {
                    strings.add(inlineText(xml));
                }
            }
        } catch (XMLStreamException e) {
            throw new FormException("form.structureUnreadable", e.getMessage());
        }
        return strings;
    }

    /** A part of the package, inflated under the zip-bomb limits. */
    private InputStream part(String name) throws IOException, FormException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new FormException("form.partMissing", name);
        }
        long compressed = Math.max(1, entry.getCompressedSize());
        if (entry.getSize() > MAX_INFLATED || entry.getSize() / compressed > MAX_RATIO) {
            throw bomb();
        }
        return new FilterInputStream(zip.getInputStream(entry)) {
            private long read;

            @Override
            public int read() throws IOException {
                int b = super.read();
                count(b < 0 ? 0 : 1);
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                count(Math.max(0, n));
                return n;
            }

            private void count(int n) throws IOException {
                read += n;
                inflated += n;
                if (inflated > MAX_INFLATED || (read > (1 << 20) && read / compressed > MAX_RATIO)) {
                    throw new TooLarge();
                }
            }
        };
    }

    /** Thrown from inside the XML parser when a part inflates past the limits. */
    private static final class TooLarge extends RuntimeException {
        TooLarge() {
            super(null, null, false, false);
        }
    }

    private static FormException bomb() {
        return new FormException("form.zipBomb");
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    /** The kind of a file by its first bytes, refusing what is not an .xlsx with the reason. */
    static final class FileKind {

        private FileKind() {
        }

        static void check(Path file) throws IOException, FormException {
            long size = Files.size(file);
            if (size == 0) {
                throw new FormException("form.empty");
            }
            byte[] head;
            try (InputStream in = Files.newInputStream(file)) {
                // An encrypted workbook is an OLE2 container naming its EncryptionInfo stream early on.
                head = in.readNBytes(1 << 20);
            }
            if (isOle2(head)) {
                if (containsUtf16(head, "EncryptionInfo")) {
                    throw new FormException("form.encrypted");
                }
                throw new FormException("form.xls");
            }
            if (!(head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4)) {
                throw new FormException("form.notExcel");
            }
            String start = new String(head, 0, Math.min(head.length, 200), StandardCharsets.ISO_8859_1);
            if (start.contains("mimetypeapplication/vnd.oasis.opendocument")) {
                throw new FormException("form.ods");
            }
        }

        private static boolean isOle2(byte[] head) {
            int[] magic = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
            if (head.length < magic.length) {
                return false;
            }
            for (int i = 0; i < magic.length; i++) {
                if ((head[i] & 0xFF) != magic[i]) {
                    return false;
                }
            }
            return true;
        }

        private static boolean containsUtf16(byte[] data, String text) {
            byte[] needle = text.getBytes(StandardCharsets.UTF_16LE);
            outer:
            for (int i = 0; i + needle.length <= data.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (data[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        }
    }
}
