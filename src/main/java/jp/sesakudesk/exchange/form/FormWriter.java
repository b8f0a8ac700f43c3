package jp.sesakudesk.exchange.form;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import jp.sesakudesk.domain.Edition;
import jp.sesakudesk.domain.FiscalYear;
import jp.sesakudesk.domain.MeasureContent;
import jp.sesakudesk.domain.MeasureField;
import jp.sesakudesk.domain.MeasureRules;
import jp.sesakudesk.domain.ScheduleRow;

/**
 * Writes a department's form (調査票): a sheet of instructions, one block per measure of the
 * department laid out like the published report with last year's text beside it, and the hidden
 * identity sheet. Input cells are unlocked and coloured; the rest is protected.
 */
public final class FormWriter {

    /** Columns: label, four content columns (B-E) and the previous year's text (F). */
    private static final int[] COLUMN_WIDTHS = {13, 15, 18, 18, 18, 38};
    /** Half-width characters that fit on a line of the merged content cell (B-E) and of column F. */
    private static final int CONTENT_CHARS = 64;
    private static final int PREVIOUS_CHARS = 40;
    private static final String FONT = "MS PGothic";

    private final Edition edition;
    private final Edition previous;
    private final String department;
    private final String dueDate;
    private XSSFWorkbook workbook;
    private Styles styles;

    /**
     * @param previous the edition of the year before, for reference text, or null
     * @param dueDate  the return date as shown to the department, or null
     */
    public FormWriter(Edition edition, Edition previous, String department, String dueDate) {
        this.edition = edition;
        this.previous = previous;
        this.department = department;
        this.dueDate = dueDate;
    }

    /** The measures of the edition that list the department, in published order. */
    public static List<String> measuresOf(Edition edition, String department) {
        return edition.measures().entrySet().stream()
                .filter(e -> e.getValue().departments().contains(department))
                .map(java.util.Map.Entry::getKey).toList();
    }

    /** A file name that tells year and department: 調査票_令和3年度_総務企画局DX戦略課.xlsx. */
    public static String fileName(FiscalYear year, String department) {
        return "調査票_" + year.label() + "_" + department.replaceAll("[\\\\/:*?\"<>|\\s]", "_") + ".xlsx";
    }

    /** Writes the form to the file (through a temporary file, so no half-written form is left). */
    public ExportedForm write(Path file) throws IOException {
        List<String> measureIds = measuresOf(edition, department);
        String formId = UUID.randomUUID().toString();
        Instant exportedAt = Instant.now();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            workbook = wb;
            styles = new Styles(wb);
            writeInstructions(measureIds.size());
            XSSFSheet form = wb.createSheet(FormFormat.FORM_SHEET);
            writeYearChoices();
            List<String[]> identityRows = writeBlocks(form, measureIds);
            writeIdentity(formId, exportedAt, identityRows);
            protect(form);
            Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".form", ".xlsx");
            try (OutputStream out = Files.newOutputStream(temporary)) {
                wb.write(out);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(temporary);
                throw e;
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return new ExportedForm(file, department, formId, exportedAt, measureIds);
    }

    // --- instructions ----------------------------------------------------------------------------

    private void writeInstructions(int measureCount) {
        XSSFSheet sheet = workbook.createSheet(FormFormat.INSTRUCTIONS_SHEET);
        sheet.setColumnWidth(0, 80 * 256);
        String year = edition.fiscalYear().label();
        List<String> lines = List.of(
                edition.plan() + "　" + year + " 実施状況調査票",
                "所管課: " + department + "（" + measureCount + "施策）",
                dueDate == null ? "提出期限: 別途通知のとおり" : "提出期限: " + dueDate,
                "",
                "1. 「" + FormFormat.FORM_SHEET + "」シートの黄色のセルに記入してください。"
                        + "それ以外のセルは保護されています。",
                "2. 「" + year + "の実施状況」には" + year + "の取組の結果を、"
                        + "「取組予定」には次年度以降の予定を記入してください"
                        + "（各" + MeasureRules.STATUS_MAX + "文字まで）。",
                "3. 概要とスケジュールは変更がある場合のみ修正してください。"
                        + "年度は一覧から選ぶか、「令和3年度～」のように入力してください。"
                        + "空欄の行は無視されます。",
                "4. 右側の灰色の欄は前年度の記載です（参考）。",
                "5. 行の挿入や列幅の変更はかまいませんが、"
                        + "シートの削除や名前の変更はしないでください。",
                "6. 記入後はこのファイルを保存し"
                        + "（Excel・LibreOffice Calc の .xlsx 形式のまま）、"
                        + "ファイル名を変えずに計画の取りまとめ担当課へ"
                        + "返送してください。",
                "",
                "問合せ: 計画の取りまとめ担当課");
        for (int i = 0; i < lines.size(); i++) {
            Row row = sheet.createRow(i);
            XSSFCell cell = (XSSFCell) row.createCell(0);
            cell.setCellValue(lines.get(i));
            cell.setCellStyle(i == 0 ? styles.title : styles.plain);
            row.setHeightInPoints(i == 0 ? 24 : lines(lines.get(i), 78) * 16 + 6);
        }
        sheet.protectSheet("");
        printSetup(sheet, false);
    }

    // --- measure blocks --------------------------------------------------------------------------

    private List<String[]> writeBlocks(XSSFSheet sheet, List<String> measureIds) {
        for (int c = 0; c < COLUMN_WIDTHS.length; c++) {
            sheet.setColumnWidth(c, COLUMN_WIDTHS[c] * 256);
        }
        printSetup(sheet, true);
        Row header = sheet.createRow(0);
        cell(header, 0, edition.plan() + "　" + edition.fiscalYear().label() + "　" + department, styles.title);
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 5));
        header.setHeightInPoints(24);
        int rowIndex = 2;
        List<String[]> identity = new ArrayList<>();
        for (int i = 0; i < measureIds.size(); i++) {
            String id = measureIds.get(i);
            MeasureContent measure = edition.measure(id);
            MeasureContent before = previous == null ? null : previous.measures().get(id);
            if (i > 0) {
                sheet.setRowBreak(rowIndex - 1);
            }
            int slots = writeBlockRows(sheet, rowIndex, i + 1, id, measure, before);
            rowIndex += blockHeight(slots) + 1;
            identity.add(new String[] {Integer.toString(i + 1), id, measure.name(),
                fingerprint(MeasureField.DESCRIPTION, measure), fingerprint(MeasureField.SCHEDULE, measure),
                fingerprint(MeasureField.STATUS, measure), fingerprint(MeasureField.PLANS, measure),
                Integer.toString(slots)});
        }
        return identity;
    }

    static String fingerprint(MeasureField field, MeasureContent content) {
        return FormFormat.fingerprint(field.render(content));
    }

    private static int blockHeight(int slots) {
        return 6 + slots + 1;
    }

    private int writeBlockRows(XSSFSheet sheet, int top, int index, String id, MeasureContent m,
                               MeasureContent before) {
        String position = edition.placements().stream().filter(p -> p.listing().measureId().equals(id))
                .filter(p -> !p.listing().relisted()).findFirst().map(Edition.Placement::position).orElse(id);
        int r = top;
        Row title = row(sheet, r, 22);
        cell(title, 0, (m.isNew() ? "New! " : "") + position, styles.heading);
        cell(title, 1, m.name(), styles.heading);
        merge(sheet, r, 1, 4, styles.heading);
        cell(title, 5, "前年度の記載（参考）", styles.previousHeading);

        Row departments = row(sheet, ++r, 18);
        cell(departments, 0, "所管課", styles.label);
        cell(departments, 1, String.join("、", m.departments()), styles.text);
        merge(sheet, r, 1, 4, styles.text);
        cell(departments, 5, "", styles.previous);

        Row description = row(sheet, ++r, height(m.description(), before == null ? null : before.description()));
        cell(description, 0, "概要", styles.label);
        input(sheet, description, 1, 4, FormFormat.cellName(index, MeasureField.DESCRIPTION), m.description(),
                MeasureRules.DESCRIPTION_MAX);
        cell(description, 5, before == null ? "" : before.description(), styles.previous);

        Row scheduleHeader = row(sheet, ++r, 18);
        cell(scheduleHeader, 0, "スケジュール", styles.label);
        cell(scheduleHeader, 1, "年度", styles.label);
        cell(scheduleHeader, 2, "取組内容", styles.label);
        merge(sheet, r, 2, 4, styles.label);
        String previousSchedule = before == null ? "" : before.schedule().stream().map(ScheduleRow::render)
                .collect(Collectors.joining("\n"));
        cell(scheduleHeader, 5, previousSchedule, styles.previous);
        int slots = Math.min(MeasureRules.SCHEDULE_ROWS_MAX, m.schedule().size() + FormFormat.SPARE_SCHEDULE_SLOTS);
        int firstSlotRow = r + 1;
        for (int s = 1; s <= slots; s++) {
            ScheduleRow row = s <= m.schedule().size() ? m.schedule().get(s - 1) : null;
            Row slot = row(sheet, ++r, height(row == null ? "" : row.activity(), null));
            cell(slot, 0, "", styles.label);
            input(sheet, slot, 1, 1, FormFormat.slotName(index, s, true), row == null ? "" : row.years().label(), 20);
            input(sheet, slot, 2, 4, FormFormat.slotName(index, s, false), row == null ? "" : row.activity(),
                    MeasureRules.ACTIVITY_MAX);
            cell(slot, 5, "", styles.previous);
        }
        yearValidation(sheet, firstSlotRow, r);
        sheet.addMergedRegion(new CellRangeAddress(top + 3, r, 5, 5));

        String year = edition.fiscalYear().label();
        Row statusRow = row(sheet, ++r, height(m.status(), before == null ? null : before.status()));
        cell(statusRow, 0, year + "の実施状況", styles.label);
        input(sheet, statusRow, 1, 4, FormFormat.cellName(index, MeasureField.STATUS), m.status(),
                MeasureRules.STATUS_MAX);
        cell(statusRow, 5, before == null || before.status() == null ? "" : before.status(), styles.previous);

        Row plansRow = row(sheet, ++r, height(m.plans(), before == null ? null : before.plans()));
        cell(plansRow, 0, edition.fiscalYear().next().label() + "以降の取組予定", styles.label);
        input(sheet, plansRow, 1, 4, FormFormat.cellName(index, MeasureField.PLANS), m.plans(),
                MeasureRules.PLANS_MAX);
        cell(plansRow, 5, before == null || before.plans() == null ? "" : before.plans(), styles.previous);

        Row notes = row(sheet, ++r, 18 * Math.max(1, m.notes().size()));
        cell(notes, 0, "注記", styles.label);
        cell(notes, 1, String.join("\n", m.notes()), styles.text);
        merge(sheet, r, 1, 4, styles.text);
        cell(notes, 5, "", styles.previous);
        return slots;
    }

    /** An input cell (merged over columns first..last): unlocked, coloured, named, length-checked. */
    private void input(XSSFSheet sheet, Row row, int first, int last, String name, String value, int maxLength) {
        cell(row, first, value == null ? "" : value, styles.input);
        if (last > first) {
            merge(sheet, row.getRowNum(), first, last, styles.input);
        }
        Name defined = workbook.createName();
        defined.setNameName(name);
        String ref = new CellReference(FormFormat.FORM_SHEET, row.getRowNum(), first, true, true)
                .formatAsString();
        defined.setRefersToFormula(ref);
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidationConstraint length = helper.createTextLengthConstraint(
                DataValidationConstraint.OperatorType.LESS_OR_EQUAL, Integer.toString(maxLength), null);
        DataValidation validation = helper.createValidation(length,
                new CellRangeAddressList(row.getRowNum(), row.getRowNum(), first, first));
        validation.setShowErrorBox(true);
        validation.createErrorBox("文字数の上限", maxLength + "文字以内で入力してください。");
        sheet.addValidationData(validation);
    }

    private void yearValidation(XSSFSheet sheet, int firstRow, int lastRow) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidation validation = helper.createValidation(
                helper.createFormulaListConstraint(FormFormat.YEAR_CHOICES),
                new CellRangeAddressList(firstRow, lastRow, 1, 1));
        // A range such as 令和2年度～令和4年度 may be typed: warn rather than refuse what is not listed.
        validation.setErrorStyle(DataValidation.ErrorStyle.WARNING);
        validation.createErrorBox("年度",
                "一覧から選ぶか、「令和3年度～」のように入力してください。");
        validation.setShowErrorBox(true);
        sheet.addValidationData(validation);
    }

    private void writeYearChoices() {
        XSSFSheet lists = workbook.createSheet(FormFormat.LISTS_SHEET);
        int year = edition.fiscalYear().startYear();
        int r = 0;
        for (int y = year - 5; y <= year + 6; y++) {
            FiscalYear fy = FiscalYear.of(y);
            lists.createRow(r++).createCell(0).setCellValue(fy.label());
            lists.createRow(r++).createCell(0).setCellValue(fy.label() + "～");
        }
        Name choices = workbook.createName();
        choices.setNameName(FormFormat.YEAR_CHOICES);
        choices.setRefersToFormula("'" + FormFormat.LISTS_SHEET + "'!$A$1:$A$" + r);
        workbook.setSheetVisibility(workbook.getSheetIndex(lists), SheetVisibility.HIDDEN);
        lists.protectSheet("");
    }

    // --- identity --------------------------------------------------------------------------------

    private void writeIdentity(String formId, Instant exportedAt, List<String[]> measures) {
        XSSFSheet sheet = workbook.createSheet(FormFormat.IDENTITY_SHEET);
        String[][] header = {
            {FormFormat.KEY_FORMAT, FormFormat.VERSION},
            {FormFormat.KEY_PLAN, edition.plan()},
            {FormFormat.KEY_FISCAL_YEAR, Integer.toString(edition.fiscalYear().startYear())},
            {FormFormat.KEY_DEPARTMENT, department},
            {FormFormat.KEY_EXPORTED_AT, exportedAt.toString()},
            {FormFormat.KEY_FORM_ID, formId},
        };
        int r = 0;
        for (String[] pair : header) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(pair[0]);
            row.createCell(1).setCellValue(pair[1]);
        }
        Row checksum = sheet.createRow(r);
        checksum.createCell(0).setCellValue(FormFormat.KEY_CHECKSUM);
        checksum.createCell(1).setCellValue(IdentityChecksum.of(header, measures));
        for (int i = 0; i < measures.size(); i++) {
            Row row = sheet.createRow(FormFormat.FIRST_MEASURE_ROW + i);
            String[] values = measures.get(i);
            for (int c = 0; c < values.length; c++) {
                row.createCell(c).setCellValue(values[c]);
            }
        }
        workbook.setSheetVisibility(workbook.getSheetIndex(sheet), SheetVisibility.VERY_HIDDEN);
        sheet.protectSheet("");
    }

    // --- cells and styles ------------------------------------------------------------------------

    private void protect(XSSFSheet form) {
        form.protectSheet("");
        form.lockFormatColumns(false);
        form.lockFormatRows(false);
        form.lockInsertRows(false);
        workbook.setActiveSheet(workbook.getSheetIndex(form));
        workbook.setSelectedTab(workbook.getSheetIndex(form));
    }

    private static void printSetup(XSSFSheet sheet, boolean landscape) {
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(landscape);
        sheet.setFitToPage(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setAutobreaks(false);
        sheet.setMargin(org.apache.poi.ss.usermodel.Sheet.LeftMargin, 0.4);
        sheet.setMargin(org.apache.poi.ss.usermodel.Sheet.RightMargin, 0.4);
    }

    private static Row row(XSSFSheet sheet, int index, float height) {
        Row row = sheet.createRow(index);
        row.setHeightInPoints(height);
        return row;
    }

    private static void cell(Row row, int column, String value, CellStyle style) {
        XSSFCell cell = (XSSFCell) row.createCell(column);
        cell.setCellValue(value == null ? "" : value);
        cell.setCellStyle(style);
    }

    /** Merges columns first..last of a row, giving the covered cells the style (for borders). */
    private static void merge(XSSFSheet sheet, int row, int first, int last, CellStyle style) {
        Row r = sheet.getRow(row);
        for (int c = first + 1; c <= last; c++) {
            if (r.getCell(c) == null) {
                r.createCell(c).setCellStyle(style);
            }
        }
        sheet.addMergedRegionUnsafe(new CellRangeAddress(row, row, first, last));
    }

    /** Row height for wrapped text: POI does not size rows, so lines are estimated from lengths. */
    private static float height(String content, String previous) {
        int lines = Math.max(lines(content, CONTENT_CHARS), lines(previous, PREVIOUS_CHARS));
        return Math.min(409, Math.max(18, lines * 15 + 4));
    }

    static int lines(String text, int charsPerLine) {
        if (text == null || text.isEmpty()) {
            return 1;
        }
        int lines = 0;
        for (String line : text.split("\n", -1)) {
            int width = line.codePoints().map(c -> c < 0x2000 ? 1 : 2).sum();
            lines += Math.max(1, (width + charsPerLine - 1) / charsPerLine);
        }
        return lines;
    }

    /** The cell styles of a form, created once per workbook. */
    private static final class Styles {
        final CellStyle title;
        final CellStyle heading;
        final CellStyle label;
        final CellStyle text;
        final CellStyle plain;
        final CellStyle input;
        final CellStyle previous;
        final CellStyle previousHeading;

        Styles(XSSFWorkbook wb) {
            Font plain = font(wb, false, 10);
            Font bold = font(wb, true, 10);
            title = style(wb, font(wb, true, 13), null, false, false);
            heading = style(wb, bold, IndexedColors.PALE_BLUE, true, false);
            label = style(wb, bold, IndexedColors.GREY_25_PERCENT, true, false);
            text = style(wb, plain, null, true, false);
            this.plain = style(wb, plain, null, false, false);
            input = style(wb, plain, IndexedColors.LIGHT_YELLOW, true, true);
            previous = style(wb, font(wb, false, 9), IndexedColors.GREY_25_PERCENT, true, false);
            previousHeading = style(wb, bold, IndexedColors.GREY_40_PERCENT, true, false);
        }

        private static Font font(XSSFWorkbook wb, boolean bold, int points) {
            Font font = wb.createFont();
            font.setFontName(FONT);
            font.setBold(bold);
            font.setFontHeightInPoints((short) points);
            return font;
        }

        private static CellStyle style(XSSFWorkbook wb, Font font, IndexedColors fill, boolean border,
                                       boolean unlocked) {
            CellStyle style = wb.createCellStyle();
            style.setFont(font);
            style.setWrapText(true);
            style.setVerticalAlignment(VerticalAlignment.TOP);
            style.setLocked(!unlocked);
            if (fill != null) {
                style.setFillForegroundColor(fill.getIndex());
                style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            }
            if (border) {
                style.setBorderTop(BorderStyle.THIN);
                style.setBorderBottom(BorderStyle.THIN);
                style.setBorderLeft(BorderStyle.THIN);
                style.setBorderRight(BorderStyle.THIN);
            }
            return style;
        }
    }
}
