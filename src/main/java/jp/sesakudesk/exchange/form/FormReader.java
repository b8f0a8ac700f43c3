package jp.sesakudesk.exchange.form;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.sesakudesk.domain.FiscalYearRange;
import jp.sesakudesk.domain.MeasureField;
import jp.sesakudesk.domain.ScheduleRow;
import jp.sesakudesk.i18n.Message;

/**
 * Reads a returned department form without trusting it: the identity sheet must be intact and of
 * this format version, and input cells are found through the workbook's defined names, wherever
 * rows were inserted or blocks moved.
 */
public final class FormReader {

    private static final Pattern ESCAPED = Pattern.compile("_x([0-9A-Fa-f]{4})_");
    private static final String[] HEADER_KEYS = {FormFormat.KEY_FORMAT, FormFormat.KEY_PLAN,
        FormFormat.KEY_FISCAL_YEAR, FormFormat.KEY_DEPARTMENT, FormFormat.KEY_EXPORTED_AT, FormFormat.KEY_FORM_ID};

    private FormReader() {
    }

    /**
     * Reads the form in the file.
     *
     * @throws FormException when the file is not a readable form of this format, saying what to do
     */
    public static ReturnedForm read(Path file) throws IOException, FormException {
        String sha256 = sha256(file);
        try (XlsxFile xlsx = XlsxFile.open(file)) {
            XlsxFile.Sheet identitySheet = xlsx.sheets().get(FormFormat.IDENTITY_SHEET);
            if (identitySheet == null) {
                throw new FormException("form.notOurs");
            }
            Map<String, XlsxFile.CellValue> identity = xlsx.cells(FormFormat.IDENTITY_SHEET, null);
            String[][] header = header(identity);
            if (!FormFormat.VERSION.equals(header[0][1])) {
                throw new FormException("form.otherVersion", display(header[0][1]), FormFormat.VERSION);
            }
            List<String[]> measureRows = measureRows(identity);
            String checksum = text(identity, "B" + (HEADER_KEYS.length + 1));
            if (!IdentityChecksum.of(header, measureRows).equals(checksum)) {
                throw new FormException("form.identityEdited");
            }
            List<Message> warnings = new ArrayList<>();
            List<ReturnedForm.Entry> entries = readEntries(xlsx, measureRows, warnings);
            return new ReturnedForm(file, sha256, header[1][1], fiscalYear(header[2][1]), header[3][1],
                    instant(header[4][1]), header[5][1], entries, warnings);
        }
    }

    private static String[][] header(Map<String, XlsxFile.CellValue> identity) throws FormException {
        String[][] header = new String[HEADER_KEYS.length][];
        for (int i = 0; i < HEADER_KEYS.length; i++) {
            String key = text(identity, "A" + (i + 1));
            if (!HEADER_KEYS[i].equals(key)) {
                throw new FormException("form.identityDamaged", HEADER_KEYS[i]);
            }
            header[i] = new String[] {key, text(identity, "B" + (i + 1))};
        }
        return header;
    }

    private static List<String[]> measureRows(Map<String, XlsxFile.CellValue> identity) {
        List<String[]> rows = new ArrayList<>();
        for (int r = FormFormat.FIRST_MEASURE_ROW + 1; identity.containsKey("A" + r); r++) {
            String[] values = new String[8];
            for (int c = 0; c < values.length; c++) {
                values[c] = text(identity, (char) ('A' + c) + Integer.toString(r));
            }
            rows.add(values);
        }
        return rows;
    }

    private static List<ReturnedForm.Entry> readEntries(XlsxFile xlsx, List<String[]> rows, List<Message> warnings)
            throws IOException, FormException {
        Map<String, CellAddress> addresses = new HashMap<>();
        Map<String, Set<String>> wanted = new HashMap<>();
        for (Map.Entry<String, String> name : xlsx.definedNames().entrySet()) {
            CellAddress address = CellAddress.parse(name.getValue());
            if (address != null && name.getKey().startsWith("SD_")) {
                addresses.put(name.getKey(), address);
                wanted.computeIfAbsent(address.sheet(), k -> new HashSet<>()).add(address.cell());
            }
        }
        Map<String, Map<String, XlsxFile.CellValue>> cells = new HashMap<>();
        for (Map.Entry<String, Set<String>> sheet : wanted.entrySet()) {
            if (xlsx.sheets().containsKey(sheet.getKey())) {
                cells.put(sheet.getKey(), xlsx.cells(sheet.getKey(), sheet.getValue()));
            }
        }
        CellLookup lookup = new CellLookup(addresses, cells, warnings);
        List<ReturnedForm.Entry> entries = new ArrayList<>();
        for (String[] row : rows) {
            entries.add(entry(row, lookup));
        }
        return entries;
    }

    private static ReturnedForm.Entry entry(String[] row, CellLookup cells) {
        int index = Integer.parseInt(row[0]);
        String name = row[2];
        Map<MeasureField, String> exported = new EnumMap<>(MeasureField.class);
        exported.put(MeasureField.DESCRIPTION, row[3]);
        exported.put(MeasureField.SCHEDULE, row[4]);
        exported.put(MeasureField.STATUS, row[5]);
        exported.put(MeasureField.PLANS, row[6]);
        List<Message> problems = new ArrayList<>();
        String description = cells.text(FormFormat.cellName(index, MeasureField.DESCRIPTION), name, problems);
        String status = cells.text(FormFormat.cellName(index, MeasureField.STATUS), name, problems);
        String plans = cells.text(FormFormat.cellName(index, MeasureField.PLANS), name, problems);
        List<ScheduleRow> schedule = new ArrayList<>();
        int slots = Integer.parseInt(row[7]);
        for (int s = 1; s <= slots; s++) {
            String years = cells.text(FormFormat.slotName(index, s, true), name, problems);
            String activity = cells.text(FormFormat.slotName(index, s, false), name, problems);
            if (isBlank(years) && isBlank(activity)) {
                continue;
            }
            try {
                schedule.add(new ScheduleRow(FiscalYearRange.parse(isBlank(years) ? "" : years.strip()),
                        activity == null ? "" : activity));
            } catch (IllegalArgumentException e) {
                problems.add(Message.of("form.yearUnreadable", name, s, years == null ? "" : years));
            }
        }
        return new ReturnedForm.Entry(row[1], name, exported, description == null ? "" : description,
                schedule, status, plans, problems);
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    /** Finds input cells by defined name and turns their content into the application's text. */
    private record CellLookup(Map<String, CellAddress> addresses, Map<String, Map<String, XlsxFile.CellValue>> cells,
                              List<Message> warnings) {

        String text(String definedName, String measureName, List<Message> problems) {
            CellAddress address = addresses.get(definedName);
            if (address == null || !cells.containsKey(address.sheet())) {
                problems.add(Message.of("form.cellMissing", measureName, definedName));
                return null;
            }
            XlsxFile.CellValue value = cells.get(address.sheet()).get(address.cell());
            if (value == null) {
                return null;
            }
            if (value.formula()) {
                warnings.add(Message.of("form.formula", measureName, address.cell()));
            }
            return clean(value.text());
        }
    }

    /** Decodes OOXML's _xHHHH_ escapes and Windows line ends; blank text becomes null. */
    static String clean(String text) {
        if (text.indexOf("_x") < 0 && text.indexOf('\r') < 0) {
            return text.isBlank() ? null : text.stripTrailing();
        }
        Matcher m = ESCAPED.matcher(text);
        StringBuilder decoded = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(decoded, Matcher.quoteReplacement(
                    Character.toString((char) Integer.parseInt(m.group(1), 16))));
        }
        m.appendTail(decoded);
        String normalized = decoded.toString().replace("\r\n", "\n").replace('\r', '\n');
        return normalized.isBlank() ? null : normalized.stripTrailing();
    }

    /** A defined name's target: a sheet and a cell (the first cell of a range). */
    record CellAddress(String sheet, String cell) {

        static CellAddress parse(String reference) {
            int bang = reference.lastIndexOf('!');
            if (bang <= 0) {
                return null;
            }
            String sheet = reference.substring(0, bang);
            if (sheet.startsWith("'") && sheet.endsWith("'")) {
                sheet = sheet.substring(1, sheet.length() - 1).replace("''", "'");
            }
            String cell = a1(reference.substring(bang + 1).split(":")[0].replace("$", ""));
            return cell == null ? null : new CellAddress(sheet, cell);
        }

        /** The reference as the sheet XML writes it (column letters in upper case, then the row), or null. */
        private static String a1(String reference) {
            String cell = reference.strip().toUpperCase(Locale.ROOT);
            int letters = 0;
            while (letters < cell.length() && cell.charAt(letters) >= 'A' && cell.charAt(letters) <= 'Z') {
                letters++;
            }
            if (letters == 0 || letters > 3 || letters == cell.length() || cell.length() - letters > 7) {
                return null;
            }
            int row = 0;
            for (int i = letters; i < cell.length(); i++) {
                char c = cell.charAt(i);
                if (c < '0' || c > '9') {
                    return null;
                }
                row = row * 10 + (c - '0');
            }
            return row == 0 ? null : cell.substring(0, letters) + row;
        }
    }

    private static String text(Map<String, XlsxFile.CellValue> cells, String ref) {
        XlsxFile.CellValue value = cells.get(ref);
        return value == null ? null : value.text();
    }

    private static String display(String value) {
        return value == null ? "(none)" : value;
    }

    private static int fiscalYear(String value) throws FormException {
        try {
            return Integer.parseInt(value.strip());
        } catch (RuntimeException e) {
            throw new FormException("form.identityDamaged", FormFormat.KEY_FISCAL_YEAR);
        }
    }

    private static Instant instant(String value) throws FormException {
        try {
            return Instant.parse(value);
        } catch (RuntimeException e) {
            throw new FormException("form.identityDamaged", FormFormat.KEY_EXPORTED_AT);
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file),
                MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
