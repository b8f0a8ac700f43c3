package jp.sesakudesk.ui;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jp.sesakudesk.domain.Edition;
import jp.sesakudesk.exchange.form.ExportedForm;
import jp.sesakudesk.exchange.form.FormExports;
import jp.sesakudesk.i18n.Messages;
import jp.sesakudesk.workspace.Workspace;

/**
 * Hands out department forms (調査票): the departments of the edition to write a form for, the
 * return date printed on them and the folder they go to. Writing runs in the background and can be
 * cancelled between two forms; the forms written so far are kept and recorded as handed out.
 */
final class FormExportDialog extends ChildWindow {

    private static final Logger LOG = LoggerFactory.getLogger(FormExportDialog.class);

    private final Messages messages;
    private final Workspace workspace;
    private final Edition edition;
    private final Consumer<Runnable> settleEdits;
    private final Map<String, BooleanProperty> chosen = new LinkedHashMap<>();
    private final ListView<String> departments = new ListView<>();
    private final Label selectedCount = new Label();
    private final TextField due = new TextField();
    private final TextField folder = new TextField();
    private final Button export;
    private final Button cancel;
    private final Button close;
    private final Button openFolder;
    private final ProgressIndicator progress = new ProgressIndicator();
    private final Label status = new Label();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final VBox form = new VBox(8);
    private final Stage stage;
    private boolean running;
    private Path writtenTo;

    FormExportDialog(Messages messages, Workspace workspace, Edition edition, Window owner,
                     Consumer<Runnable> settleEdits) {
        this.messages = messages;
        this.workspace = workspace;
        this.edition = edition;
        this.settleEdits = settleEdits;
        this.export = button("export.start", "export-start", this::onExport);
        this.cancel = button("export.cancel", "export-cancel", () -> cancelled.set(true));
        this.close = button("export.close", "export-close", this::close);
        this.openFolder = button("export.openFolder", "export-open-folder", () -> Folders.open(writtenTo));
        for (String department : FormExports.departments(edition)) {
            BooleanProperty selected = new SimpleBooleanProperty(true);
            selected.addListener((obs, old, now) -> updateButtons());
            chosen.put(department, selected);
        }
        VBox root = layout();
        stage = ChildWindows.stage(owner, Modality.WINDOW_MODAL,
                messages.get("export.title", edition.fiscalYear().label()), root, 620, 640);
        stage.setOnCloseRequest(e -> cancelled.set(true));
        setRunning(false);
    }

    private Button button(String key, String id, Runnable action) {
        Button button = new Button(messages.get(key));
        button.setId(id);
        button.setOnAction(e -> action.run());
        return button;
    }

    private VBox layout() {
        Label intro = new Label(messages.get("export.intro", edition.plan(), edition.fiscalYear().label()));
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE);
        departments.setId("export-departments");
        departments.getItems().setAll(chosen.keySet());
        departments.setCellFactory(CheckBoxListCell.forListView(chosen::get));
        Button all = button("export.selectAll", "export-select-all", () -> chosen.values().forEach(p -> p.set(true)));
        Button none = button("export.selectNone", "export-select-none",
                () -> chosen.values().forEach(p -> p.set(false)));
        HBox choice = new HBox(6, all, none, selectedCount);
        choice.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(departments, Priority.ALWAYS);
        form.getChildren().setAll(intro, fieldLabel("export.departments"), choice, departments, settings());
        VBox.setVgrow(form, Priority.ALWAYS);

        progress.setPrefSize(22, 22);
        status.setId("export-status");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        openFolder.setVisible(false);
        openFolder.managedProperty().bind(openFolder.visibleProperty());
        HBox result = new HBox(8, progress, status, openFolder);
        result.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(status, Priority.ALWAYS);

        export.setDefaultButton(true);
        export.getStyleClass().add("accent");
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox buttons = new HBox(8, spring, cancel, export, close);
        VBox root = new VBox(10, form, result, buttons);
        root.setPadding(new Insets(12));
        root.setId("export-dialog");
        return root;
    }

    private Node settings() {
        due.setId("export-due");
        due.setPromptText(messages.get("export.due.prompt"));
        folder.setId("export-folder");
        folder.setPromptText(messages.get("export.folder.prompt"));
        folder.textProperty().addListener((obs, old, now) -> updateButtons());
        Button choose = button("export.folder.choose", "export-choose-folder", this::chooseFolder);
        HBox folderRow = new HBox(6, folder, choose);
        HBox.setHgrow(folder, Priority.ALWAYS);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.addRow(0, fieldLabel("export.due"), due);
        grid.addRow(1, fieldLabel("export.folder"), folderRow);
        GridPane.setHgrow(due, Priority.ALWAYS);
        GridPane.setHgrow(folderRow, Priority.ALWAYS);
        return grid;
    }

    private Label fieldLabel(String key) {
        Label label = new Label(messages.get(key));
        label.getStyleClass().add("field-label");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    @Override
    Stage stage() {
        return stage;
    }

    /** Closes the dialog; forms being written stop after the current one. */
    @Override
    void close() {
        cancelled.set(true);
        super.close();
    }

    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(messages.get("export.folder.choose.title"));
        Path current = currentFolder();
        if (current != null && Files.isDirectory(current)) {
            chooser.setInitialDirectory(current.toFile());
        }
        File chosenFolder = chooser.showDialog(stage);
        if (chosenFolder != null) {
            folder.setText(chosenFolder.getAbsolutePath());
        }
    }

    private Path currentFolder() {
        String text = folder.getText() == null ? "" : folder.getText().strip();
        return text.isEmpty() ? null : Path.of(text);
    }

    private List<String> selectedDepartments() {
        return chosen.entrySet().stream().filter(e -> e.getValue().get()).map(Map.Entry::getKey).toList();
    }

    private void onExport() {
        List<String> wanted = selectedDepartments();
        Path target = currentFolder();
        if (wanted.isEmpty() || target == null) {
            return;
        }
        String dueText = due.getText() == null || due.getText().isBlank() ? null : due.getText().strip();
        settleEdits.accept(() -> startExport(wanted, dueText, target));
    }

    /** Writes the forms with the edition as stored now, so an edit saved a moment ago is in them. */
    private void startExport(List<String> wanted, String dueText, Path target) {
        int total = wanted.size();
        AtomicInteger started = new AtomicInteger();
        cancelled.set(false);
        openFolder.setVisible(false);
        status.setText(messages.get("export.running", 0, total));
        setRunning(true);
        Background.call(() -> {
                    Files.createDirectories(target);
                    Edition current = workspace.store().edition(edition.plan(), edition.fiscalYear()).orElseThrow();
                    // The cancel flag is polled once before each form: the polls count the forms begun.
                    return FormExports.write(workspace, current, wanted, dueText, target, () -> {
                        int begun = started.getAndIncrement();
                        Platform.runLater(() -> showProgress(begun, total));
                        return cancelled.get();
                    });
                })
                .onSuccess(forms -> finished(forms, total, target))
                .onError(error -> {
                    status.setText("");
                    new ErrorDialog(messages, stage).show(messages.get("export.error"), error);
                })
                .andFinally(() -> setRunning(false))
                .start();
    }

    private void showProgress(int written, int total) {
        if (running) {
            progress.setProgress(total == 0 ? -1 : (double) written / total);
            status.setText(messages.get("export.running", written, total));
        }
    }

    private void finished(List<ExportedForm> forms, int total, Path target) {
        LOG.info("exported {} of {} department forms to {}", forms.size(), total, target);
        String folderName = target.toAbsolutePath().toString();
        status.setText(forms.size() < total
                ? messages.get("export.cancelled", forms.size(), total, folderName)
                : messages.get("export.done", forms.size(), folderName));
        writtenTo = target;
        openFolder.setVisible(!forms.isEmpty() && Folders.canOpen());
    }

    private void setRunning(boolean now) {
        running = now;
        form.setDisable(now);
        progress.setProgress(-1);
        progress.setVisible(now);
        progress.setManaged(now);
        cancel.setVisible(now);
        cancel.setManaged(now);
        updateButtons();
    }

    private void updateButtons() {
        long selected = chosen.values().stream().filter(BooleanProperty::get).count();
        selectedCount.setText(messages.get("export.selected", selected, chosen.size()));
        export.setDisable(running || selected == 0 || currentFolder() == null);
        close.setDisable(running);
    }
}
