package jp.sesakudesk.exchange.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.sesakudesk.domain.Edition;
import jp.sesakudesk.domain.MeasureContent;
import jp.sesakudesk.workspace.ShippedData;

/** The city-wide report of the shipped FY2020 edition, written and read back with POI. */
class CityReportTest {

    private static final Edition EDITION = ShippedData.edition("fukuoka-data-plan/fy2020.json");

    @TempDir
    Path folder;

    private XSSFWorkbook writeAndRead(Edition edition) throws IOException {
        Path file = folder.resolve("report.xlsx");
        CityReport.write(edition, file);
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    @Test
    void theWorkbookHasTheThreeSheetsAndNothingElseIsLeftInTheFolder() throws Exception {
        try (XSSFWorkbook workbook = writeAndRead(EDITION)) {
            assertThat(List.of(workbook.getSheetName(0), workbook.getSheetName(1), workbook.getSheetName(2)))
                    .containsExactly("主要施策一覧", "実施状況", "データ");
            assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
        }
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly("report.xlsx");
        }
    }

    @Test
    void theListHasEveryListingOnceInOrderWithItsMarksAndDepartments() throws Exception {
        List<String> expected = new ArrayList<>();
        for (Edition.Placement placement : EDITION.placements()) {
            MeasureContent measure = EDITION.measure(placement.listing().measureId());
            String number = measure.isNew() ? "New" : Integer.toString(placement.listing().no());
            String name = measure.name() + (placement.listing().relisted() ? "（再掲）" : "");
            expected.add(number + " | " + name + " | " + String.join("\n", measure.departments()));
        }
        try (XSSFWorkbook workbook = writeAndRead(EDITION)) {
            Sheet sheet = workbook.getSheet("主要施策一覧");
            assertThat(text(sheet.getRow(0).getCell(0))).isEqualTo("福岡市データ活用推進計画");
            assertThat(text(sheet.getRow(1).getCell(0)))
                    .isEqualTo("データ活用に係る主要施策一覧 (令和2年度)");
            assertThat(columns(sheet.getRow(2), 3)).containsExactly("No.", "施策名", "所管課");
            List<String> listed = new ArrayList<>();
            for (int r = 3; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (!text(row.getCell(1)).isEmpty()) {
                    listed.add(String.join(" | ", columns(row, 3)));
                }
            }
            assertThat(listed).containsExactlyElementsOf(expected);
            assertThat(listed)
                    .contains("New | 水道版チャットボットの機能向上 | 水道局営業管理課");
            assertThat(listed).anyMatch(line -> line.contains("（再掲）"));
            assertThat(sheet.getRepeatingRows().getFirstRow()).isEqualTo(2);
            assertThat(sheet.getRepeatingRows().getLastRow()).isEqualTo(2);
            assertThat(sheet.getPrintSetup().getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
            assertThat(sheet.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
        }
    }

    @Test
    void theStatusSheetHasOneBlockPerListingInOrderAndNeverBreaksInsideOne() throws Exception {
        try (XSSFWorkbook workbook = writeAndRead(EDITION)) {
            Sheet sheet = workbook.getSheet("実施状況");
            Map<Integer, String> blockHeads = blockHeads(sheet);
            List<String> expected = EDITION.placements().stream().map(placement -> ListSheet.name(
                    placement.listing(), EDITION.measure(placement.listing().measureId()))).toList();
            assertThat(blockHeads.values()).containsExactlyElementsOf(expected);
            assertThat(sheet.getRowBreaks()).isNotEmpty();
            for (int breakRow : sheet.getRowBreaks()) {
                Row first = sheet.getRow(breakRow + 1);
                assertThat(blockHeads.containsKey(breakRow + 1) || isHeading(first))
                        .as("page starts at row %d: %s", breakRow + 2, text(first.getCell(0))).isTrue();
            }
        }
    }

    @Test
    void theStatusSheetShowsStatusBesidePlansAndTheNotes() throws Exception {
        try (XSSFWorkbook workbook = writeAndRead(EDITION)) {
            Sheet sheet = workbook.getSheet("実施状況");
            assertThat(blockOf(sheet, "行政手続きのオンライン化の推進")).contains(
                    "令和2年度の実施状況 | 令和3年度以降の取組予定",
                    EDITION.measure("M001").status() + " | " + EDITION.measure("M001").plans(),
                    "令和3年度～ | 新しい電子申請システムの運用開始\n"
                            + "電子申請可能行政手続きの追加");
            MeasureContent qr = EDITION.measures().values().stream()
                    .filter(measure -> measure.name().equals("QRコード決済サービスの導入"))
                    .findFirst().orElseThrow();
            assertThat(blockOf(sheet, qr.name())).contains(qr.status() + " | " + qr.plans(),
                    "概要 | " + qr.description(),
                    "※「QRコード」は(株)デンソーウェーブの登録商標です。");
        }
    }

    @Test
    void theDataSheetIsOneHeaderRowAndOneRowPerListingWithoutMergedCells() throws Exception {
        try (XSSFWorkbook workbook = writeAndRead(EDITION)) {
            Sheet sheet = workbook.getSheet("データ");
            assertThat(sheet.getNumMergedRegions()).isZero();
            assertThat(sheet.getLastRowNum()).isEqualTo(55);
            assertThat(sheet.getPhysicalNumberOfRows()).isEqualTo(56);
            assertThat(columns(sheet.getRow(0), 18)).containsExactlyElementsOf(DataTable.HEADERS);
            List<Edition.Placement> placements = EDITION.placements();
            for (int r = 1; r <= 55; r++) {
                Row row = sheet.getRow(r);
                assertThat(row.getCell(12).getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(row.getCell(12).getNumericCellValue()).isEqualTo(2020);
                assertThat(text(row.getCell(13))).isEqualTo("令和2年度");
                assertThat(text(row.getCell(5))).isEqualTo(placements.get(r - 1).listing().measureId());
            }
            Row first = sheet.getRow(1);
            assertThat(columns(first, 11)).startsWith("1", "データを活用した市民の利便性の向上", "1",
                    "行政手続きのオンライン化", "1", "M001", "FALSE", "", "FALSE",
                    "行政手続きのオンライン化の推進");
            assertThat(text(first.getCell(14)))
                    .startsWith("令和元年度: 行政手続きに関する業務の見直し\n");
        }
    }

    @Test
    void theCsvHasABomCrlfRecordsAndTheSameValuesAsTheDataSheet() throws Exception {
        Path csv = folder.resolve("report.csv");
        CityReport.writeCsv(EDITION, csv);
        byte[] bytes = Files.readAllBytes(csv);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        List<List<String>> records = parseCsv(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8));
        assertThat(records).hasSize(56).allSatisfy(record -> assertThat(record).hasSize(18));
        try (XSSFWorkbook workbook = writeAndRead(EDITION)) {
            Sheet sheet = workbook.getSheet("データ");
            for (int r = 0; r <= 55; r++) {
                assertThat(records.get(r)).as("record %d", r).containsExactlyElementsOf(columns(sheet.getRow(r), 18));
            }
        }
    }

    @Test
    void aTextWithACommaAQuoteAndALineBreakComesBackFromTheCsv() throws Exception {
        String tricky = "市民, 事業者の\"声\"を反映\r\n二行目\n三行目";
        Map<String, MeasureContent> measures = new LinkedHashMap<>(EDITION.measures());
        measures.put("M001", measures.get("M001").withDescription(tricky));
        Edition edited = new Edition(EDITION.plan(), EDITION.fiscalYear(), EDITION.pillars(), measures);
        Path csv = folder.resolve("edited.csv");
        CityReport.writeCsv(edited, csv);
        String text = Files.readString(csv, StandardCharsets.UTF_8).substring(1);
        assertThat(text).contains("\"市民, 事業者の\"\"声\"\"を反映\r\n二行目\n三行目\"");
        assertThat(parseCsv(text).get(1).get(11)).isEqualTo(tricky);
        assertThat(parseCsv(text)).hasSize(56);
    }

    @Test
    void aMissingFolderIsRefusedAndAnExistingReportIsReplacedWhole() throws Exception {
        Path missing = folder.resolve("nowhere").resolve("report.xlsx");
        assertThatThrownBy(() -> CityReport.write(EDITION, missing))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("no such folder");
        assertThatThrownBy(() -> CityReport.writeCsv(EDITION, folder.resolve("nowhere").resolve("r.csv")))
                .isInstanceOf(NoSuchFileException.class);
        Path csv = folder.resolve("report.csv");
        Files.writeString(csv, "old content that is longer than nothing");
        CityReport.writeCsv(EDITION, csv);
        assertThat(Files.readString(csv)).startsWith("\uFEFF柱番号,柱,分野番号").doesNotContain("old content");
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly("report.csv");
        }
    }

    /** Rows whose first cell is a No. or New mark, by row index: the block headings, with the name. */
    private static Map<Integer, String> blockHeads(Sheet sheet) {
        Map<Integer, String> heads = new LinkedHashMap<>();
        for (int r = 0; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            String first = row == null ? "" : text(row.getCell(0));
            if (first.matches("\\d+|New")) {
                heads.put(r, text(row.getCell(1)));
            }
        }
        return heads;
    }

    private static boolean isHeading(Row row) {
        return text(row.getCell(0)).matches("\\d+\\. .*|\\(\\d+\\) .*");
    }

    /** The rows of the block of the named measure, cells joined with " | ", merged-over cells left out. */
    private static List<String> blockOf(Sheet sheet, String name) {
        Map<Integer, String> heads = blockHeads(sheet);
        int start = heads.entrySet().stream().filter(e -> e.getValue().equals(name)).findFirst()
                .orElseThrow().getKey();
        int end = heads.keySet().stream().filter(r -> r > start).findFirst().orElse(sheet.getLastRowNum() + 1);
        List<String> rows = new ArrayList<>();
        for (int r = start; r < end; r++) {
            Row row = sheet.getRow(r);
            if (row != null) {
                rows.add(String.join(" | ", columns(row, 4).stream().filter(s -> !s.isEmpty()).toList()));
            }
        }
        return rows;
    }

    private static List<String> columns(Row row, int count) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            values.add(text(row.getCell(i)));
        }
        return values;
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        return switch (cell.getCellType()) {
            case NUMERIC -> Long.toString((long) cell.getNumericCellValue());
            case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
            default -> cell.getStringCellValue();
        };
    }

    /** RFC 4180: records end with CRLF; a quoted field may hold commas, doubled quotes and line breaks. */
    static List<List<String>> parseCsv(String text) {
        assertThat(text).endsWith("\r\n");
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted && c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"' && (quoted || field.length() == 0)) {
                quoted = !quoted;
            } else if (quoted || (c != ',' && c != '\r' && c != '\n')) {
                field.append(c);
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else {
                assertThat(c == '\r' && text.charAt(i + 1) == '\n').as("CRLF at %d", i).isTrue();
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i++;
            }
        }
        return records;
    }
}
