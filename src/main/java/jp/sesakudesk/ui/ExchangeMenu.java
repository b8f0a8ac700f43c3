package jp.sesakudesk.ui;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.stage.Window;

import jp.sesakudesk.domain.Edition;
import jp.sesakudesk.i18n.Messages;
import jp.sesakudesk.workspace.Workspace;

/**
 * The 調査票 menu of the main window: hand out department forms, merge the returned ones, follow
 * who has returned theirs and publish the city-wide report. Each opens its own window, owned by the
 * main window; they are closed with the main window's content (after a merge or a language switch),
 * since they show the edition as it was read.
 */
final class ExchangeMenu {

    private final Messages messages;
    /** Open once the database is; the menu is enabled from then on. */
    private final CompletableFuture<Workspace> workspace;
    private final Edition edition;
    private final Supplier<Window> owner;
    private final Consumer<Runnable> settleEdits;
    private final Runnable onDataChanged;
    private FormExportDialog exportDialog;
    private MergeView mergeView;
    private SubmissionsView submissionsView;

    /**
     * @param edition       the edition the main window shows (plan and year; its text is re-read where it matters)
     * @param settleEdits   runs the action once the main window's edit is saved or given up
     * @param onDataChanged called after a merge changed the stored edition
     */
    ExchangeMenu(Messages messages, CompletableFuture<Workspace> workspace, Edition edition, Supplier<Window> owner,
                 Consumer<Runnable> settleEdits, Runnable onDataChanged) {
        this.messages = messages;
        this.workspace = workspace;
        this.edition = edition;
        this.owner = owner;
        this.settleEdits = settleEdits;
        this.onDataChanged = onDataChanged;
    }

    Menu menu() {
        MenuItem export = item("menu.exchange.export", "menu-exchange-export", this::openExport);
        MenuItem merge = item("menu.exchange.merge", "menu-exchange-merge", this::openMerge);
        MenuItem submissions = item("menu.exchange.submissions", "menu-exchange-submissions",
                this::openSubmissions);
        MenuItem report = item("menu.exchange.report", "menu-exchange-report", this::exportReport);
        Menu menu = new Menu(messages.get("menu.exchange"), null, export, merge, submissions, report);
        menu.setId("menu-exchange");
        // The window may be shown from the start-up cache before the database is open.
        menu.setDisable(!workspace.isDone());
        workspace.thenRun(() -> Platform.runLater(() -> menu.setDisable(false)));
        return menu;
    }

    /** The open workspace; the menu's actions are enabled only once it is, so this does not wait. */
    private Workspace workspace() {
        return workspace.join();
    }

    private MenuItem item(String key, String id, Runnable action) {
        MenuItem item = new MenuItem(messages.get(key));
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }

    /** Opens the dialog that writes department forms (調査票) into a folder. */
    FormExportDialog openExport() {
        if (exportDialog == null || !exportDialog.isShowing()) {
            exportDialog = new FormExportDialog(messages, workspace(), edition, owner.get(), settleEdits);
        }
        exportDialog.show();
        return exportDialog;
    }

    /** Opens the window that merges returned forms, or brings it to the front. */
    MergeView openMerge() {
        if (mergeView == null || !mergeView.isShowing()) {
            mergeView = new MergeView(messages, workspace(), owner.get(), settleEdits, onDataChanged);
        }
        mergeView.show();
        return mergeView;
    }

    /** Opens the submission checklist (提出状況), or brings it to the front and reads it again. */
    SubmissionsView openSubmissions() {
        if (submissionsView == null || !submissionsView.isShowing()) {
            submissionsView = new SubmissionsView(messages, workspace().store(), edition, owner.get());
        } else {
            submissionsView.refresh();
        }
        submissionsView.show();
        return submissionsView;
    }

    private void exportReport() {
        new CityReportExport(messages, workspace().store(), edition, owner.get()).chooseAndWrite(settleEdits);
    }

    /** Closes the windows this menu opened: what they show is about to be out of date. */
    void closeAll() {
        if (exportDialog != null) {
            exportDialog.close();
        }
        if (mergeView != null) {
            mergeView.close();
        }
        if (submissionsView != null) {
            submissionsView.close();
        }
    }
}
