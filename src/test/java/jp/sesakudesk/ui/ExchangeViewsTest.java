package jp.sesakudesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.text.Text;
import javafx.stage.Stage;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import jp.sesakudesk.domain.DepartmentProgress;
import jp.sesakudesk.domain.Edition;
import jp.sesakudesk.domain.MeasureField;
import jp.sesakudesk.domain.Submission;
import jp.sesakudesk.exchange.form.ExportedForm;
import jp.sesakudesk.exchange.form.FormExports;
import jp.sesakudesk.exchange.form.MergePreview.FileReport;
import jp.sesakudesk.exchange.form.MergePreview.Status;
import jp.sesakudesk.workspace.PlanSnapshot;
import jp.sesakudesk.workspace.Workspace;

/** The 調査票 windows as the central office uses them: forms out, returned forms merged, checklist. */
class ExchangeViewsTest extends DesktopAppFixture {

    @Override
    Path dataFolder() {
        return folder.resolve("data");
    }

    private static final String DEPARTMENT = "市民局区政課";
    private static final String NEW_STATUS = "全区で予約受付を開始した。（調査票より）";

    private MainWindow mainWindow() {
        return (MainWindow) robot.lookup(".main-window").query().getProperties().get(MainWindow.class);
    }

    private Edition edition() {
        Workspace workspace = app.workspace();
        return PlanSnapshot.read(workspace.store(), workspace.plan(null), null).edition();
    }

    /** Writes the department's form through the core, into a folder of its own. */
    private ExportedForm exportForm(String folderName) throws IOException {
        Path forms = Files.createDirectories(folder.resolve(folderName));
        List<ExportedForm> written = FormExports.write(app.workspace(), edition(), List.of(DEPARTMENT), null, forms,
                () -> false);
        assertThat(written).hasSize(1);
        return written.get(0);
    }

    @SuppressWarnings("unchecked")
    private static <T> TableView<T> table(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TableView.class);
    }

    /** Waits for background work (generously: a merge backs up the database first), naming any open dialog. */
    private void waitFor(Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            List<String> dialogs = robot.lookup((Node n) -> n instanceof DialogPane).queryAllAs(DialogPane.class)
                    .stream().map(d -> d.getHeaderText() + ": " + d.getContentText()).toList();
            throw new AssertionError("timed out; dialogs showing: " + dialogs, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aReturnedFormIsPreviewedAppliedAndShownAndItsDepartmentIsCheckedOff() throws Exception {
        start();
        ExportedForm form = exportForm("forms");
        String measureId = form.measureIds().get(0);
        String oldStatus = edition().measure(measureId).status();
        fill(form.file(), Map.of("SD_1_STATUS", NEW_STATUS));
        String missing = FormExports.departments(edition()).stream().filter(d -> !d.equals(DEPARTMENT))
                .findFirst().orElseThrow();
        FormExports.write(app.workspace(), edition(), List.of(missing), null,
                Files.createDirectories(folder.resolve("not-returned")), () -> false);
        MainWindow before = mainWindow();

        robot.clickOn("調査票").clickOn("返送された調査票を取り込む…");
        waitFor(() -> robot.lookup("#merge-view").tryQuery().isPresent());
        MergeView view = (MergeView) robot.lookup("#merge-view").query().getProperties().get(MergeView.class);
        robot.interact(() -> view.load(List.of(form.file().getParent())));
        TableView<MergeView.ChangeRow> changes = table(robot, "#merge-changes");
        waitFor(() -> !changes.getItems().isEmpty());

        TableView<FileReport> files = table(robot, "#merge-files");
        assertThat(files.getItems()).singleElement()
                .satisfies(file -> assertThat(file.department()).isEqualTo(DEPARTMENT));
        assertThat(changes.getItems()).singleElement().satisfies(row -> {
            assertThat(row.change().measureId()).isEqualTo(measureId);
            assertThat(row.change().field()).isEqualTo(MeasureField.STATUS);
            assertThat(row.change().status()).isEqualTo(Status.OK);
            assertThat(row.change().oldText()).isEqualTo(oldStatus);
            assertThat(row.change().newText()).isEqualTo(NEW_STATUS);
            assertThat(row.isAccepted()).isTrue();
        });
        assertThat(robot.from(changes).lookup((Node n) -> n instanceof Text t && NEW_STATUS.equals(t.getText()))
                .tryQuery()).isPresent();
        assertThat(robot.from(changes).lookup((Node n) -> n instanceof Text t && "実施状況".equals(t.getText()))
                .tryQuery()).isPresent();

        robot.clickOn("#merge-apply");
        waitFor(() -> robot.lookup("#merge-result").tryQuery().isPresent() && mainWindow() != before);
        DialogPane result = robot.lookup("#merge-result").queryAs(DialogPane.class);
        assertThat(result.getContentText()).contains("1件の調査票", "1施策の 1項目", "before-merge-");
        robot.interact(() -> ((Stage) result.getScene().getWindow()).close());
        assertThat(robot.lookup("#merge-view").tryQuery()).isEmpty();
        assertThat(edition().measure(measureId).status()).isEqualTo(NEW_STATUS);

        robot.interact(() -> mainWindow().selectMeasure(measureId));
        waitFor(() -> robot.lookup("#editor-status").tryQuery().isPresent());
        assertThat(robot.lookup("#editor-status").queryAs(TextArea.class).getText()).isEqualTo(NEW_STATUS);

        robot.interact(() -> mainWindow().exchange().openSubmissions());
        TableView<DepartmentProgress> progress = table(robot, "#submissions-progress");
        waitFor(() -> !progress.getItems().isEmpty());
        DepartmentProgress merged = progress.getItems().stream().filter(p -> p.department().equals(DEPARTMENT))
                .findFirst().orElseThrow();
        assertThat(merged.state()).isEqualTo(DepartmentProgress.State.MERGED);
        assertThat(progress.getItems().get(0).department()).isEqualTo(missing);
        assertThat(progress.getItems().get(0).state()).isEqualTo(DepartmentProgress.State.MISSING);
        TableView<Submission> submissions = table(robot, "#submissions-list");
        assertThat(submissions.getItems()).singleElement().satisfies(s -> {
            assertThat(s.fileName()).isEqualTo(form.file().getFileName().toString());
            assertThat(s.changes()).isEqualTo(1);
        });
        robot.interact(() -> progress.scrollTo(merged));
        assertThat(robot.from(progress).lookup((Node n) -> n instanceof Labeled l && "取込済".equals(l.getText()))
                .tryQuery()).isPresent();
    }

    @Test
    void ofTwoFormsChangingOneFieldOnlyOneChangeCanBeTicked() throws Exception {
        start();
        ExportedForm first = exportForm("first");
        ExportedForm second = exportForm("second");
        String measureId = first.measureIds().get(0);
        fill(first.file(), Map.of("SD_1_STATUS", NEW_STATUS, "SD_1_PLANS", "来年度も継続する。"));
        fill(second.file(), Map.of("SD_1_STATUS", "別の記載。"));

        robot.interact(() -> mainWindow().exchange().openMerge());
        MergeView merge = (MergeView) robot.lookup("#merge-view").query().getProperties().get(MergeView.class);
        robot.interact(() -> merge.load(List.of(first.file(), second.file())));
        TableView<MergeView.ChangeRow> changes = table(robot, "#merge-changes");
        waitFor(() -> changes.getItems().size() == 3);

        MergeView.ChangeRow plans = row(changes, first, MeasureField.PLANS);
        MergeView.ChangeRow firstStatus = row(changes, first, MeasureField.STATUS);
        MergeView.ChangeRow secondStatus = row(changes, second, MeasureField.STATUS);
        assertThat(firstStatus.change().status()).isEqualTo(Status.OTHER_FILE);
        assertThat(secondStatus.change().status()).isEqualTo(Status.OTHER_FILE);
        assertThat(changes.getItems()).filteredOn(MergeView.ChangeRow::isAccepted).containsExactly(plans);

        robot.clickOn("#merge-reject-all");
        assertThat(changes.getItems()).noneMatch(MergeView.ChangeRow::isAccepted);
        robot.clickOn("#merge-accept-all");
        assertThat(changes.getItems()).filteredOn(MergeView.ChangeRow::isAccepted).containsExactly(plans);

        robot.clickOn(checkBox(changes, firstStatus));
        assertThat(firstStatus.isAccepted()).isTrue();
        robot.clickOn(checkBox(changes, secondStatus));
        assertThat(secondStatus.isAccepted()).isTrue();
        assertThat(firstStatus.isAccepted()).isFalse();
        assertThat(robot.lookup("#merge-accepted").queryLabeled().getText()).isEqualTo("3件中 2件を採用");

        robot.clickOn("#merge-apply");
        waitFor(() -> robot.lookup("#merge-result").tryQuery().isPresent());
        waitFor(() -> "別の記載。".equals(edition().measure(measureId).status()));
        assertThat(edition().measure(measureId).plans()).isEqualTo("来年度も継続する。");
    }

    private static MergeView.ChangeRow row(TableView<MergeView.ChangeRow> changes, ExportedForm form,
                                           MeasureField field) {
        return changes.getItems().stream()
                .filter(r -> r.change().source().file().getFileName().equals(form.file().getFileName())
                        && r.change().source().file().getParent().getFileName()
                        .equals(form.file().getParent().getFileName())
                        && r.change().field() == field)
                .findFirst().orElseThrow();
    }

    private CheckBox checkBox(TableView<MergeView.ChangeRow> changes, MergeView.ChangeRow row) {
        robot.interact(() -> changes.scrollTo(row));
        TableRow<?> tableRow = robot.from(changes).lookup((Node n) -> n instanceof TableRow<?> r && r.getItem() == row)
                .query();
        return robot.from(tableRow).lookup(".check-box").queryAs(CheckBox.class);
    }

    /** Fills in named input cells of a form as a department would, and saves it. */
    private static void fill(Path form, Map<String, String> valuesByName) throws IOException {
        XSSFWorkbook workbook;
        try (InputStream in = Files.newInputStream(form)) {
            workbook = new XSSFWorkbook(in);
        }
        try (workbook) {
            valuesByName.forEach((name, value) -> cell(workbook, name).setCellValue(value));
            try (OutputStream out = Files.newOutputStream(form)) {
                workbook.write(out);
            }
        }
    }

    private static Cell cell(XSSFWorkbook workbook, String definedName) {
        Name name = workbook.getName(definedName);
        assertThat(name).as(definedName).isNotNull();
        CellReference ref = new AreaReference(name.getRefersToFormula(), SpreadsheetVersion.EXCEL2007).getFirstCell();
        Sheet sheet = workbook.getSheet(ref.getSheetName());
        Row row = sheet.getRow(ref.getRow()) == null ? sheet.createRow(ref.getRow()) : sheet.getRow(ref.getRow());
        return row.getCell(ref.getCol()) == null ? row.createCell(ref.getCol()) : row.getCell(ref.getCol());
    }
}
