package jp.sesakudesk.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import jp.sesakudesk.domain.FiscalYear;
import jp.sesakudesk.exchange.form.FormMerge;
import jp.sesakudesk.exchange.form.MergePreview;
import jp.sesakudesk.exchange.form.MergePreview.FieldChange;
import jp.sesakudesk.exchange.form.MergePreview.FileReport;
import jp.sesakudesk.exchange.form.MergePreview.Status;
import jp.sesakudesk.i18n.Messages;
import jp.sesakudesk.storage.StaleEditException;
import jp.sesakudesk.workspace.Workspace;

/**
 * Merges returned department forms (調査票の取込): the user picks or drops the returned workbooks,
 * sees per file whether it can be taken and per changed field the stored and the returned text,
 * decides change by change, and applies the accepted ones in one go (after a backup).
 */
final class MergeView extends ChildWindow {

    private static final PseudoClass REFUSED = PseudoClass.getPseudoClass("refused");
    private static final PseudoClass CONFLICT = PseudoClass.getPseudoClass("conflict");
    private static final PseudoClass UNACCEPTABLE = PseudoClass.getPseudoClass("unacceptable");
    private static final PseudoClass DROP_TARGET = PseudoClass.getPseudoClass("drop-target");

    /** A change of the preview and whether the user takes it. */
    static final class ChangeRow {

        private final FieldChange change;
        private final String reason;
        private final BooleanProperty accepted;

        ChangeRow(FieldChange change, String reason, boolean accepted) {
            this.change = change;
            this.reason = reason;
            this.accepted = new SimpleBooleanProperty(accepted && change.acceptable());
        }

        FieldChange change() {
            return change;
        }

        /** Why the change needs a decision or cannot be taken, in the user's language; empty when OK. */
        String reason() {
            return reason;
        }

        BooleanProperty acceptedProperty() {
            return accepted;
        }

        boolean isAccepted() {
            return accepted.get();
        }

        /** Changes of one field of one measure: at most one of them can be applied. */
        String group() {
            return change.measureId() + "/" + change.field();
        }

        /** What identifies the decision when the files are read again with more files added. */
        String decisionKey() {
            return change.source().file() + "|" + group() + "|" + change.status() + "|" + change.newText();
        }
    }

    private final Messages messages;
    private final Workspace workspace;
    private final Window owner;
    private final Consumer<Runnable> settleEdits;
    private final Runnable onDataChanged;
    private final TableView<FileReport> files = new TableView<>();
    private final TableView<ChangeRow> changes = new TableView<>();
    private final Label summary = new Label();
    private final Label acceptedCount = new Label();
    private final ProgressIndicator progress = new ProgressIndicator();
    private final Button chooseFiles;
    private final Button chooseFolder;
    private final Button clear;
    private final Button acceptAll;
    private final Button rejectAll;
    private final Button apply;
    private final VBox root = new VBox(8);
    private final Stage stage;
    private MergePreview preview;
    private boolean busy;
    private File lastFolder;

    /**
     * @param settleEdits   runs the action once the main window's edit is saved or given up
     * @param onDataChanged called after the merge changed the stored edition
     */
    MergeView(Messages messages, Workspace workspace, Window owner, Consumer<Runnable> settleEdits,
              Runnable onDataChanged) {
        this.messages = messages;
        this.workspace = workspace;
        this.owner = owner;
        this.settleEdits = settleEdits;
        this.onDataChanged = onDataChanged;
        this.chooseFiles = button("merge.chooseFiles", "merge-choose-files", this::onChooseFiles);
        this.chooseFolder = button("merge.chooseFolder", "merge-choose-folder", this::onChooseFolder);
        this.clear = button("merge.clear", "merge-clear", this::onClear);
        this.acceptAll = button("merge.acceptAll", "merge-accept-all", this::onAcceptAll);
        this.rejectAll = button("merge.rejectAll", "merge-reject-all", this::onRejectAll);
        this.apply = button("merge.apply", "merge-apply", this::onApply);
        layout();
        stage = ChildWindows.stage(owner, Modality.NONE, messages.get("merge.title"), root, 1280, 780);
        setBusy(false);
        showPreview(null, Map.of());
    }

    private Button button(String key, String id, Runnable action) {
        Button button = new Button(messages.get(key));
        button.setId(id);
        button.setOnAction(e -> action.run());
        return button;
    }

    // --- layout ----------------------------------------------------------------------------------

    private void layout() {
        Label dropHint = new Label(messages.get("merge.drop"));
        dropHint.getStyleClass().add("hint");
        progress.setPrefSize(20, 20);
        HBox toolbar = new HBox(8, chooseFiles, chooseFolder, clear, dropHint);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        summary.setId("merge-summary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        HBox status = new HBox(8, progress, summary);
        status.setAlignment(Pos.CENTER_LEFT);

        buildFiles();
        buildChanges();
        SplitPane split = new SplitPane(section("merge.files", files), section("merge.changes", changes));
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.28);
        VBox.setVgrow(split, Priority.ALWAYS);

        apply.getStyleClass().add("accent");
        acceptedCount.setId("merge-accepted");
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        Button close = button("merge.close", "merge-close", this::close);
        HBox buttons = new HBox(8, acceptAll, rejectAll, acceptedCount, spring, apply, close);
        buttons.setAlignment(Pos.CENTER_LEFT);

        root.getChildren().setAll(toolbar, status, split, buttons);
        root.setPadding(new Insets(10));
        root.setId("merge-view");
        root.getStyleClass().add("merge-view");
        root.getProperties().put(MergeView.class, this);
        acceptDrops();
    }

    private VBox section(String key, TableView<?> table) {
        Label title = new Label(messages.get(key));
        title.getStyleClass().add("field-label");
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox box = new VBox(4, title, table);
        box.setPadding(new Insets(4, 0, 4, 0));
        return box;
    }

    private void buildFiles() {
        files.setId("merge-files");
        files.setPlaceholder(new Label(messages.get("merge.files.empty")));
        files.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        files.getColumns().add(ChildWindows.column(messages, "merge.files.file", FileReport::fileName, 260));
        files.getColumns().add(ChildWindows.column(messages, "merge.files.department", MergeView::department, 200));
        files.getColumns().add(ChildWindows.column(messages, "merge.files.year",
                r -> r.form() == null ? "" : FiscalYear.of(r.form().fiscalYear()).label(), 90));
        files.getColumns().add(ChildWindows.column(messages, "merge.files.measures",
                r -> r.form() == null ? null : r.form().measures().size(), 70));
        files.getColumns().add(ChildWindows.wrappedColumn(messages, "merge.files.remarks", this::remarks, 500));
        files.setRowFactory(view -> new TableRow<>() {
            @Override
            protected void updateItem(FileReport report, boolean empty) {
                super.updateItem(report, empty);
                pseudoClassStateChanged(REFUSED, !empty && report != null && report.refused());
            }
        });
    }

    private void buildChanges() {
        changes.setId("merge-changes");
        changes.setEditable(true);
        changes.setPlaceholder(new Label(messages.get("merge.changes.empty")));
        changes.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        TableColumn<ChangeRow, Boolean> accept = new TableColumn<>(messages.get("merge.changes.accept"));
        accept.setId("merge-accept-column");
        accept.setCellValueFactory(c -> c.getValue().acceptedProperty());
        accept.setCellFactory(c -> new AcceptCell());
        accept.setEditable(true);
        accept.setPrefWidth(60);
        accept.setMaxWidth(70);
        changes.getColumns().add(accept);
        changes.getColumns().add(ChildWindows.wrappedColumn(messages, "merge.changes.file",
                r -> r.change().source().fileName(), 150));
        changes.getColumns().add(ChildWindows.wrappedColumn(messages, "merge.changes.measure",
                r -> r.change().measureName(), 170));
        changes.getColumns().add(ChildWindows.wrappedColumn(messages, "merge.changes.field",
                r -> messages.get(r.change().field().messageKey()), 80));
        changes.getColumns().add(ChildWindows.wrappedColumn(messages, "merge.changes.status",
                r -> messages.get("merge.status." + r.change().status().name().toLowerCase()), 100));
        changes.getColumns().add(ChildWindows.wrappedColumn(messages, "merge.changes.reason",
                ChangeRow::reason, 180));
        changes.getColumns().add(ChildWindows.wrappedColumn(messages, "merge.changes.old",
                r -> r.change().oldText(), 260));
        changes.getColumns().add(ChildWindows.wrappedColumn(messages, "merge.changes.new",
                r -> r.change().newText(), 260));
        changes.setRowFactory(view -> new TableRow<>() {
            @Override
            protected void updateItem(ChangeRow row, boolean empty) {
                super.updateItem(row, empty);
                Status status = empty || row == null ? null : row.change().status();
                boolean conflict = status == Status.CHANGED_SINCE_EXPORT || status == Status.OTHER_FILE;
                pseudoClassStateChanged(CONFLICT, conflict);
                pseudoClassStateChanged(UNACCEPTABLE, status != null && !row.change().acceptable());
            }
        });
    }

    /** The accept check box, disabled for a change that cannot be applied (invalid text, duplicate). */
    private static final class AcceptCell extends CheckBoxTableCell<ChangeRow, Boolean> {
        @Override
        public void updateItem(Boolean item, boolean empty) {
            super.updateItem(item, empty);
            int index = getIndex();
            boolean acceptable = !empty && getTableView() != null && index >= 0
                    && index < getTableView().getItems().size()
                    && getTableView().getItems().get(index).change().acceptable();
            setDisable(!acceptable);
        }
    }

    private void acceptDrops() {
        root.setOnDragOver(e -> {
            if (!busy && e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        root.setOnDragEntered(e -> root.pseudoClassStateChanged(DROP_TARGET, !busy && e.getDragboard().hasFiles()));
        root.setOnDragExited(e -> root.pseudoClassStateChanged(DROP_TARGET, false));
        root.setOnDragDropped(this::onDropped);
    }

    private void onDropped(DragEvent event) {
        boolean taken = !busy && event.getDragboard().hasFiles();
        if (taken) {
            load(event.getDragboard().getFiles().stream().map(File::toPath).toList());
        }
        event.setDropCompleted(taken);
        event.consume();
    }

    // --- texts -----------------------------------------------------------------------------------

    private static String department(FileReport report) {
        if (report.department() != null) {
            return report.department();
        }
        return report.form() == null ? "" : report.form().department();
    }

    /** Why a file was refused, then its warnings and problems, one per line. */
    private String remarks(FileReport report) {
        List<String> lines = new ArrayList<>();
        if (report.refused()) {
            lines.add(messages.get("merge.remark.refused", report.error().in(messages)));
        }
        report.warnings().forEach(w -> lines.add(messages.get("merge.remark.warning", w.in(messages))));
        report.problems().forEach(p -> lines.add(messages.get("merge.remark.problem", p.in(messages))));
        return String.join("\n", lines);
    }

    /** Why a change needs a decision or cannot be taken, in the user's language; empty when it can. */
    private String reason(FieldChange change) {
        return change.reason() == null ? "" : change.reason().in(messages);
    }

    // --- loading ---------------------------------------------------------------------------------

    @Override
    Stage stage() {
        return stage;
    }

    private void onChooseFiles() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("merge.chooseFiles.title"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(messages.get("merge.fileType"), "*.xlsx"));
        if (lastFolder != null && lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
        List<File> chosen = chooser.showOpenMultipleDialog(stage);
        if (chosen != null && !chosen.isEmpty()) {
            lastFolder = chosen.get(0).getParentFile();
            load(chosen.stream().map(File::toPath).toList());
        }
    }

    private void onChooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(messages.get("merge.chooseFolder.title"));
        if (lastFolder != null && lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
        File chosen = chooser.showDialog(stage);
        if (chosen != null) {
            lastFolder = chosen;
            load(List.of(chosen.toPath()));
        }
    }

    private void onClear() {
        showPreview(null, Map.of());
    }

    /**
     * Adds the files (a folder stands for the workbooks in it) to those loaded and reads them all
     * again in the background: conflicts between files show only when they are previewed together.
     * Decisions already taken are kept for the changes that stayed the same.
     */
    void load(List<Path> paths) {
        List<Path> before = preview == null ? List.of() : preview.files().stream().map(FileReport::file).toList();
        Map<String, Boolean> decisions = new HashMap<>();
        changes.getItems().forEach(r -> decisions.put(r.decisionKey(), r.isAccepted()));
        setBusy(true);
        summary.setText(messages.get("merge.reading"));
        Background.call(() -> {
                    Set<Path> all = new LinkedHashSet<>(before);
                    FormMerge.expand(paths).forEach(p -> all.add(p.toAbsolutePath().normalize()));
                    return FormMerge.preview(workspace, List.copyOf(all));
                })
                .onSuccess(read -> showPreview(read, decisions))
                .onError(error -> {
                    updateSummary();
                    new ErrorDialog(messages, stage).show(messages.get("merge.error.read"), error);
                })
                .andFinally(() -> setBusy(false))
                .start();
    }

    private void showPreview(MergePreview read, Map<String, Boolean> decisions) {
        preview = read;
        files.getItems().setAll(read == null ? List.of() : read.files());
        List<ChangeRow> rows = new ArrayList<>();
        if (read != null) {
            for (FieldChange change : read.changes()) {
                ChangeRow row = new ChangeRow(change, reason(change), change.acceptedByDefault());
                row.acceptedProperty().set(decisions.getOrDefault(row.decisionKey(), row.isAccepted())
                        && change.acceptable());
                row.acceptedProperty().addListener((obs, old, now) -> onDecision(row, now));
                rows.add(row);
            }
        }
        changes.getItems().setAll(rows);
        updateSummary();
        updateButtons();
    }

    private void updateSummary() {
        if (preview == null) {
            summary.setText(messages.get("merge.nothingLoaded"));
        } else if (preview.files().isEmpty()) {
            summary.setText(messages.get("merge.noForms"));
        } else {
            summary.setText(messages.get("merge.summary", preview.files().size(), preview.refusedFiles(),
                    preview.changes().size(), preview.conflicts()));
        }
    }

    // --- deciding --------------------------------------------------------------------------------

    /** Taking one change of a field leaves the others of that field out. */
    private void onDecision(ChangeRow row, boolean accepted) {
        if (accepted) {
            changes.getItems().stream().filter(r -> r != row && r.group().equals(row.group()))
                    .forEach(r -> r.acceptedProperty().set(false));
        }
        updateButtons();
    }

    private void onAcceptAll() {
        changes.getItems().stream().filter(r -> r.change().status() == Status.OK)
                .forEach(r -> r.acceptedProperty().set(true));
    }

    private void onRejectAll() {
        changes.getItems().forEach(r -> r.acceptedProperty().set(false));
    }

    private Set<Integer> acceptedIds() {
        return changes.getItems().stream().filter(ChangeRow::isAccepted).map(r -> r.change().id())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private boolean hasMergeableFile() {
        return preview != null && preview.files().stream().anyMatch(f -> !f.refused());
    }

    private void setBusy(boolean now) {
        busy = now;
        progress.setVisible(now);
        progress.setManaged(now);
        updateButtons();
    }

    private void updateButtons() {
        long accepted = changes.getItems().stream().filter(ChangeRow::isAccepted).count();
        acceptedCount.setText(messages.get("merge.accepted", accepted, changes.getItems().size()));
        chooseFiles.setDisable(busy);
        chooseFolder.setDisable(busy);
        clear.setDisable(busy || preview == null);
        acceptAll.setDisable(busy || changes.getItems().isEmpty());
        rejectAll.setDisable(busy || changes.getItems().isEmpty());
        changes.setDisable(busy);
        // A form that changes nothing is still a return: applying records it as merged.
        apply.setDisable(busy || !hasMergeableFile());
    }

    // --- applying --------------------------------------------------------------------------------

    private void onApply() {
        if (preview == null || busy) {
            return;
        }
        MergePreview applying = preview;
        Set<Integer> accepted = acceptedIds();
        settleEdits.accept(() -> startApply(applying, accepted));
    }

    private void startApply(MergePreview applying, Set<Integer> accepted) {
        setBusy(true);
        summary.setText(messages.get("merge.applying"));
        Background.call(() -> FormMerge.apply(workspace, applying, accepted))
                .onSuccess(this::applied)
                .onError(this::applyFailed)
                .andFinally(() -> setBusy(false))
                .start();
    }

    /**
     * Closes this view (its preview is spent), tells over the main window what was merged, and lets
     * the main window read the edition again.
     */
    private void applied(FormMerge.Result result) {
        String done = messages.get("merge.done", result.submissions().size(), result.fieldsChanged(),
                result.measuresChanged());
        String backup = messages.get("merge.done.backup", result.backup().toAbsolutePath().toString());
        close();
        ChildWindows.showDone(owner, "merge-result", messages.get("merge.title"), messages.get("merge.done.title"),
                done + "\n\n" + backup);
        onDataChanged.run();
    }

    private void applyFailed(Throwable error) {
        updateSummary();
        if (error instanceof StaleEditException) {
            Alert alert = new Alert(Alert.AlertType.WARNING, messages.get("merge.error.stale"), ButtonType.OK);
            alert.initOwner(stage);
            alert.show();
        } else {
            new ErrorDialog(messages, stage).show(messages.get("merge.error.apply"), error);
        }
    }
}
