package jp.sesakudesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;

import org.controlsfx.control.CheckComboBox;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import jp.sesakudesk.domain.ChangeRecord;
import jp.sesakudesk.domain.ChangeSource;
import jp.sesakudesk.domain.Edition;
import jp.sesakudesk.domain.MeasureContent;
import jp.sesakudesk.domain.MeasureField;
import jp.sesakudesk.workspace.PlanSnapshot;
import jp.sesakudesk.workspace.SnapshotCache;
import jp.sesakudesk.workspace.Workspace;

/** The desktop application as a user works with it, headless. */
class DesktopAppTest extends DesktopAppFixture {

    private static final String MEASURE = "引っ越しに係る行政手続きのオンラインサービス";
    private static final String NEW_STATUS = "予約受付を全区で実施した。";

    @SuppressWarnings("unchecked")
    private TableView<ListingRow> table() {
        return robot.lookup("#measure-table").queryAs(TableView.class);
    }

    private TextArea status() {
        return robot.lookup("#editor-status").queryAs(TextArea.class);
    }

    @Test
    void filterSelectEditSaveAndFindTheEditAndItsRecordAfterRestart() throws Exception {
        start();
        assertThat(table().getItems()).hasSize(55);

        @SuppressWarnings("unchecked")
        CheckComboBox<String> departments = robot.lookup("#filter-departments").queryAs(CheckComboBox.class);
        robot.interact(() -> departments.getCheckModel().check("市民局区政課"));
        assertThat(table().getItems()).extracting(r -> r.content().name())
                .containsExactly(MEASURE, "マイナンバーカードを活用した申請書等自動作成サービス");

        robot.clickOn(robot.lookup((Node n) -> n instanceof TableCell<?, ?> cell && MEASURE.equals(cell.getText()))
                .queryAs(Node.class));
        assertThat(robot.lookup("#editor-name").queryAs(TextField.class).getText()).isEqualTo(MEASURE);

        robot.clickOn(status());
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write(NEW_STATUS);
        assertThat(status().getText()).isEqualTo(NEW_STATUS);
        Button save = robot.lookup("#editor-save").queryButton();
        assertThat(save.isDisabled()).isFalse();
        robot.clickOn(save);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, save::isDisabled);

        restart();
        assertThat(robot.lookup("#editor-name").queryAs(TextField.class).getText()).isEqualTo(MEASURE);
        assertThat(status().getText()).isEqualTo(NEW_STATUS);
        @SuppressWarnings("unchecked")
        TableView<ChangeRecord> history = robot.lookup("#editor-history").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !history.getItems().isEmpty());
        assertThat(history.getItems()).singleElement().satisfies(record -> {
            assertThat(record.field()).isEqualTo(MeasureField.STATUS);
            assertThat(record.oldValue()).startsWith("予約後の来庁受付を");
            assertThat(record.newValue()).isEqualTo(NEW_STATUS);
        });
    }

    @Test
    void aChangeMadeWhileTheApplicationWasClosedIsShownNotTheCachedPlan() throws Exception {
        start();
        FxToolkit.cleanupApplication(app);
        app = null;
        assertThat(dataFolder().resolve(SnapshotCache.FILE_NAME)).exists();
        try (Workspace workspace = Workspace.open(dataFolder())) {
            Edition edition = PlanSnapshot.read(workspace.store(), workspace.plan(null), null).edition();
            String id = edition.placements().get(0).listing().measureId();
            MeasureContent content = edition.measure(id);
            workspace.store().saveMeasure(edition.plan(), edition.fiscalYear(), id, content,
                    content.withName("名前を変えた施策"), ChangeSource.load("edited.json"));
        }

        start();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> table().getItems().get(0).content().name().equals("名前を変えた施策"));
        assertThat(table().getItems()).hasSize(55);
    }

    @Test
    void anInvalidEditCannotBeSavedAndSaysWhy() throws Exception {
        start();
        robot.clickOn(robot.lookup((Node n) -> n instanceof TableCell<?, ?> cell && MEASURE.equals(cell.getText()))
                .queryAs(Node.class));
        TextField name = robot.lookup("#editor-name").queryAs(TextField.class);
        robot.interact(name::clear);
        assertThat(robot.lookup("#editor-save").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#editor-problems").queryLabeled().getText()).contains("施策名", "入力が必要です");

        robot.clickOn(robot.lookup("#editor-undo").queryButton());
        assertThat(name.getText()).isEqualTo(MEASURE);
        assertThat(robot.lookup("#editor-save").queryButton().isDisabled()).isTrue();
    }

    @Test
    void freeTextFilterSearchesEveryFieldAndTheNewAndRelistedFiltersNarrowIt() throws Exception {
        start();
        robot.clickOn("#filter-text").write("ＱＲコード");
        assertThat(table().getItems()).extracting(r -> r.position()).contains("1-(2)-4", "1-(4)-4");
        robot.interact(() -> robot.lookup("#filter-text").queryAs(TextField.class).clear());
        robot.clickOn("#filter-relisted");
        assertThat(table().getItems()).extracting(ListingRow::position)
                .containsExactly("1-(5)-2", "2-(1)-4", "3-(4)-1", "3-(4)-2");
        robot.clickOn("#filter-relisted").clickOn("#filter-new");
        assertThat(table().getItems()).hasSize(7).allSatisfy(r -> assertThat(r.content().isNew()).isTrue());
    }

    @Test
    void theAboutWindowShowsVersionDataFolderDatabaseAndLicences() throws Exception {
        start();
        robot.clickOn("ヘルプ").clickOn("施策デスクについて");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#about-version").tryQuery().isPresent());
        assertThat(robot.lookup("#about-version").queryLabeled().getText()).isNotBlank();
        assertThat(robot.lookup("#about-data-folder").queryLabeled().getText()).isEqualTo(folder.toString());
        assertThat(robot.lookup("#about-database-size").queryLabeled().getText()).endsWith("KB");
        assertThat(robot.lookup("#about-javafx").queryLabeled().getText()).startsWith("21");
        @SuppressWarnings("unchecked")
        TableView<AboutWindow.Library> libraries = robot.lookup("#about-libraries").queryAs(TableView.class);
        assertThat(libraries.getItems()).extracting(AboutWindow.Library::name)
                .contains("H2 Database Engine", "Apache POI", "OpenJFX (JavaFX)");
    }
}
