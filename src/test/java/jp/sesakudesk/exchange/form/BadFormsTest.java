package jp.sesakudesk.exchange.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.sesakudesk.domain.ChangeSource;
import jp.sesakudesk.domain.Edition;
import jp.sesakudesk.domain.MeasureContent;
import jp.sesakudesk.domain.MeasureField;
import jp.sesakudesk.domain.MeasureRules;
import jp.sesakudesk.exchange.form.MergePreview.FileReport;
import jp.sesakudesk.exchange.form.MergePreview.Status;
import jp.sesakudesk.workspace.Workspace;

/**
 * Every kind of bad returned file is refused with a message naming the file and the problem, the
 * database does not change, and a good file of the same merge is still previewed and merged.
 */
class BadFormsTest {

    @TempDir
    Path temp;

    Workspace workspace;
    ExportedForm good;
    Path forms;

    @BeforeEach
    void setUp() throws Exception {
        workspace = Workspace.open(temp.resolve("data"));
        forms = Files.createDirectories(temp.resolve("forms"));
        good = FormExports.write(workspace, edition(), List.of("市民局区政課"), null, forms, () -> false).get(0);
        Forms.fill(good.file(), Map.of(FormFormat.cellName(1, MeasureField.STATUS), "正しい記入"));
    }

    @AfterEach
    void tearDown() {
        workspace.close();
    }

    Edition edition() {
        return workspace.store().edition(FormMergeTest.PLAN, FormMergeTest.FY2020).orElseThrow();
    }

    /** Merges the bad file with the good one; returns the bad file's report. */
    FileReport mergeWithGood(Path bad) throws Exception {
        Edition before = edition();
        MergePreview preview = FormMerge.preview(workspace, List.of(bad, good.file()));
        FileReport report = preview.files().get(0);
        assertThat(preview.files().get(1).refused()).as("the good file is still previewed").isFalse();
        assertThat(preview.changes()).as("only the good file's change").singleElement()
                .satisfies(c -> assertThat(c.newText()).isEqualTo("正しい記入"));
        assertThat(edition()).as("a preview changes nothing").isEqualTo(before);
        return report;
    }

    Path file(String name, byte[] content) throws Exception {
        return Files.write(temp.resolve(name), content);
    }

    @Test
    void notASpreadsheet() throws Exception {
        FileReport report = mergeWithGood(file("memo.xlsx", "会議メモ".getBytes(StandardCharsets.UTF_8)));
        assertThat(report.errorText()).startsWith("memo.xlsx: ").contains("not an Excel workbook");
        assertThat(report.error().in(new jp.sesakudesk.i18n.Messages(java.util.Locale.JAPANESE)))
                .isEqualTo("Excelブック（.xlsx）ではありません");
    }

    @Test
    void empty() throws Exception {
        assertThat(mergeWithGood(file("empty.xlsx", new byte[0])).errorText())
                .contains("empty.xlsx", "empty (0 bytes)");
    }

    @Test
    void truncated() throws Exception {
        byte[] whole = Files.readAllBytes(good.file());
        byte[] half = java.util.Arrays.copyOf(whole, whole.length / 2);
        assertThat(mergeWithGood(file("cut.xlsx", half)).errorText()).contains("cut.xlsx", "damaged or incomplete");
    }

    @Test
    void passwordEncrypted() throws Exception {
        Path encrypted = temp.resolve("locked.xlsx");
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("secret");
            try (OutputStream out = encryptor.getDataStream(fs)) {
                Files.copy(good.file(), out);
            }
            try (OutputStream file = Files.newOutputStream(encrypted)) {
                fs.writeFilesystem(file);
            }
        }
        assertThat(mergeWithGood(encrypted).errorText()).contains("locked.xlsx", "password", "remove the password");
    }

    @Test
    void zipBomb() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("xl/_rels/workbook.xml.rels"));
            zip.write("<Relationships/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 300; i++) {
                zip.write(zeros);
            }
        }
        assertThat(mergeWithGood(file("bomb.xlsx", bytes.toByteArray())).errorText()).contains("bomb.xlsx", "zip bomb");
    }

    @Test
    void legacyXls() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (HSSFWorkbook xls = new HSSFWorkbook()) {
            xls.createSheet("調査票");
            xls.write(bytes);
        }
        assertThat(mergeWithGood(file("old.xls", bytes.toByteArray())).errorText())
                .contains("old.xls", ".xls", "save it as Excel Workbook (.xlsx)");
    }

    @Test
    void openDocumentSpreadsheet() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            ZipEntry mimetype = new ZipEntry("mimetype");
            mimetype.setMethod(ZipEntry.STORED);
            byte[] type = "application/vnd.oasis.opendocument.spreadsheet".getBytes(StandardCharsets.US_ASCII);
            mimetype.setSize(type.length);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(type);
            mimetype.setCrc(crc.getValue());
            zip.putNextEntry(mimetype);
            zip.write(type);
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write("<office:document-content/>".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(mergeWithGood(file("calc.ods", bytes.toByteArray())).errorText())
                .contains("calc.ods", "OpenDocument", "Excel 2007-365 (.xlsx)");
    }

    @Test
    void aWorkbookThatIsNotOurForm() throws Exception {
        Path other = temp.resolve("list.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(other)) {
            workbook.createSheet("名簿").createRow(0).createCell(0).setCellValue("氏名");
            workbook.write(out);
        }
        assertThat(mergeWithGood(other).errorText()).contains("list.xlsx", "not a Sesaku Desk form");
    }

    @Test
    void theHiddenSheetRemoved() throws Exception {
        Path copy = Files.copy(good.file(), temp.resolve("no-identity.xlsx"));
        Forms.edit(copy, workbook -> workbook.removeSheetAt(workbook.getSheetIndex(FormFormat.IDENTITY_SHEET)));
        assertThat(mergeWithGood(copy).errorText()).contains("no-identity.xlsx", "identity sheet is missing");
    }

    @Test
    void theHiddenSheetEditedByHand() throws Exception {
        Path copy = Files.copy(good.file(), temp.resolve("edited.xlsx"));
        Forms.edit(copy, workbook -> workbook.getSheet(FormFormat.IDENTITY_SHEET).getRow(3).getCell(1)
                .setCellValue("総務企画局DX戦略課"));
        assertThat(mergeWithGood(copy).errorText()).contains("edited.xlsx", "changed by hand");
    }

    @Test
    void anotherDepartmentsMeasureIsNotChanged() throws Exception {
        String id = good.measureIds().get(0);
        MeasureContent base = edition().measure(id);
        workspace.store().saveMeasure(FormMergeTest.PLAN, FormMergeTest.FY2020, id, base,
                base.withDepartments(List.of("市民局防災推進課")), ChangeSource.editor());
        MergePreview preview = FormMerge.preview(workspace, List.of(good.file()));
        assertThat(preview.changes()).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo(Status.INVALID);
            assertThat(c.reason().english()).contains("not 市民局区政課's");
            assertThat(c.acceptable()).isFalse();
        });
    }

    @Test
    void textOverTheLimitsAndControlCharactersAreInvalid() throws Exception {
        Forms.fill(good.file(), Map.of(
                FormFormat.cellName(1, MeasureField.STATUS), "あ".repeat(MeasureRules.STATUS_MAX + 1),
                // How Excel stores a control character typed into a cell: as an _xHHHH_ escape.
                FormFormat.cellName(1, MeasureField.PLANS), "壊れた_x0007_文字"));
        Edition before = edition();
        MergePreview preview = FormMerge.preview(workspace, List.of(good.file()));
        assertThat(preview.changes()).hasSize(2).allSatisfy(c -> assertThat(c.status()).isEqualTo(Status.INVALID));
        assertThat(preview.changes()).extracting(c -> c.reason().english())
                .anySatisfy(r -> assertThat(r).contains("1001 characters, at most 1000"))
                .anySatisfy(r -> assertThat(r).contains("control characters"));
        FormMerge.apply(workspace, preview, FormMergeTest.defaults(preview));
        assertThat(edition()).isEqualTo(before);
    }

    @Test
    void aFormForAnotherYearIsRefused() throws Exception {
        Path copy = Files.copy(good.file(), temp.resolve("next-year.xlsx"));
        Forms.edit(copy, workbook -> {
            var identity = workbook.getSheet(FormFormat.IDENTITY_SHEET);
            identity.getRow(2).getCell(1).setCellValue("2021");
        });
        // The checksum catches the edit before the year is even looked at.
        assertThat(mergeWithGood(copy).errorText()).contains("next-year.xlsx", "changed by hand");
    }
}
