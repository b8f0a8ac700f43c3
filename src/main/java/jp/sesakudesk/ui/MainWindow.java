package jp.sesakudesk.ui;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import org.controlsfx.control.CheckComboBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jp.sesakudesk.domain.Category;
import jp.sesakudesk.domain.ChangeSource;
import jp.sesakudesk.domain.Department;
import jp.sesakudesk.domain.Edition;
import jp.sesakudesk.domain.MeasureContent;
import jp.sesakudesk.domain.Pillar;
import jp.sesakudesk.i18n.Messages;
import jp.sesakudesk.storage.PlanStore;
import jp.sesakudesk.storage.StaleEditException;
import jp.sesakudesk.workspace.PlanSnapshot;
import jp.sesakudesk.workspace.Workspace;

/**
 * The main window's content: the plan as a tree, the filtered table of listings, and the editor of
 * the selected measure. Saving happens explicitly or when the user leaves an edited measure.
 */
final class MainWindow {

    private static final Logger LOG = LoggerFactory.getLogger(MainWindow.class);

    private final Messages messages;
    /** Open once the database is; the window may be shown before, from the start-up cache. */
    private final CompletableFuture<Workspace> workspace;
    private final java.nio.file.Path dataFolder;
    private final PlanSnapshot snapshot;
    private final Settings settings;
    private final Consumer<java.util.Locale> onLanguage;
    private final ExchangeMenu exchange;
    private final ObservableList<ListingRow> rows = FXCollections.observableArrayList();
    /** The rows that pass the filters, replaced as a whole on each change (cheaper than FilteredList). */
    private final ObservableList<ListingRow> visibleRows = FXCollections.observableArrayList();
    private final Map<String, List<ListingRow>> rowsByMeasure = new LinkedHashMap<>();
    private final TreeView<Object> tree = new TreeView<>();
    private final TableView<ListingRow> table = new TableView<>(visibleRows);
    private final CheckComboBox<String> departmentFilter = new CheckComboBox<>();
    private final ToggleButton newFilter;
    private final ToggleButton relistedFilter;
    private final TextField textFilter = new TextField();
    private final Label count = new Label();
    private final javafx.scene.layout.StackPane editorPane = new javafx.scene.layout.StackPane();
    private MeasureEditor editor;
    private final BorderPane root = new BorderPane();
    private ListingRow selected;
    private boolean selecting;

    /**
     * @param onLanguage    shows the window again in another language
     * @param onDataChanged reads the edition again and shows it, after a merge changed it
     */
    MainWindow(Messages messages, java.nio.file.Path dataFolder, CompletableFuture<Workspace> workspace,
               PlanSnapshot snapshot, Settings settings, Consumer<java.util.Locale> onLanguage,
               Runnable onDataChanged) {
        this.messages = messages;
        this.workspace = workspace;
        this.dataFolder = dataFolder;
        this.snapshot = snapshot;
        this.settings = settings;
        this.onLanguage = onLanguage;
        this.exchange = new ExchangeMenu(messages, workspace, snapshot.edition(), () -> window().orElse(null),
                this::beforeClose, onDataChanged);
        this.newFilter = new ToggleButton(messages.get("filter.new"));
        this.relistedFilter = new ToggleButton(messages.get("filter.relisted"));
        for (Edition.Placement placement : snapshot.edition().placements()) {
            ListingRow row = new ListingRow(placement, snapshot.edition().measure(placement.listing().measureId()));
            rows.add(row);
            rowsByMeasure.computeIfAbsent(row.measureId(), id -> new java.util.ArrayList<>()).add(row);
        }
        visibleRows.setAll(rows);
        Label nothingSelected = new Label(messages.get("editor.nothingSelected"));
        nothingSelected.getStyleClass().add("hint");
        editorPane.getChildren().add(nothingSelected);
        layout();
    }

    Parent root() {
        return root;
    }

    /** Prepares the rows' search text, after the first frame, so that the first keystroke finds it ready. */
    void prepareSearch() {
        rows.forEach(ListingRow::searchText);
    }

    /** The 調査票 menu's windows, e.g. for tests that open them without the menu. */
    ExchangeMenu exchange() {
        return exchange;
    }

    /** Called when this content is replaced: closes the windows that show the edition as it was read. */
    void dispose() {
        exchange.closeAll();
    }

    /** The plan and year, for the window title. */
    String title() {
        Edition edition = snapshot.edition();
        return messages.get("app.title") + " — " + edition.plan() + " " + edition.fiscalYear().labelWithWesternYear();
    }

    // --- layout ----------------------------------------------------------------------------------

    private void layout() {
        buildTree();
        buildTable();
        VBox center = new VBox(filterBar(), table);
        VBox.setVgrow(table, Priority.ALWAYS);
        SplitPane split = new SplitPane(tree, center, editorPane);
        tree.setMinWidth(180);
        // Divider positions only hold once the split pane has its width: set them at the first layout.
        split.widthProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Number> obs, Number old, Number width) {
                if (width.doubleValue() > 0) {
                    split.widthProperty().removeListener(this);
                    Platform.runLater(() -> split.setDividerPositions(0.2, 0.47));
                }
            }
        });
        root.setTop(menuBar());
        root.setCenter(split);
        root.getStyleClass().add("main-window");
        root.getProperties().put(MainWindow.class, this);
    }

    private MenuBar menuBar() {
        MenuItem save = new MenuItem(messages.get("menu.save"));
        save.setAccelerator(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN));
        save.setOnAction(e -> saveCurrent(null));
        MenuItem quit = new MenuItem(messages.get("menu.quit"));
        quit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        quit.setOnAction(e -> window().ifPresent(w -> w.fireEvent(
                new javafx.stage.WindowEvent(w, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST))));
        Menu file = new Menu(messages.get("menu.file"), null, save, quit);

        MenuItem undo = new MenuItem(messages.get("editor.undo"));
        undo.setAccelerator(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN));
        undo.setOnAction(e -> withSession(EditSession::undo));
        MenuItem redo = new MenuItem(messages.get("menu.redo"));
        redo.setAccelerator(new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN));
        redo.setOnAction(e -> withSession(EditSession::redo));
        MenuItem revert = new MenuItem(messages.get("editor.revert"));
        revert.setOnAction(e -> withSession(EditSession::revert));
        MenuItem find = new MenuItem(messages.get("menu.find"));
        find.setAccelerator(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN));
        find.setOnAction(e -> textFilter.requestFocus());
        Menu edit = new Menu(messages.get("menu.edit"), null, undo, redo, revert, find);

        ToggleGroup languages = new ToggleGroup();
        Menu language = new Menu(messages.get("menu.language"));
        for (java.util.Locale locale : Messages.LANGUAGES) {
            RadioMenuItem item = new RadioMenuItem(messages.get("language." + locale.getLanguage()));
            item.setToggleGroup(languages);
            item.setSelected(locale.getLanguage().equals(messages.locale().getLanguage()));
            item.setOnAction(e -> switchLanguage(locale));
            language.getItems().add(item);
        }
        Menu view = new Menu(messages.get("menu.view"), null, language);
        MenuItem about = new MenuItem(messages.get("menu.about"));
        about.setId("menu-about");
        about.setOnAction(e -> AboutWindow.show(window().orElse(null), messages, dataFolder));
        Menu help = new Menu(messages.get("menu.help"), null, about);
        return new MenuBar(file, edit, view, exchange.menu(), help);
    }

    private Node filterBar() {
        List<String> names = rows.stream().flatMap(r -> r.content().departments().stream()).distinct().sorted()
                .toList();
        departmentFilter.getItems().setAll(names);
        departmentFilter.setTitle(messages.get("filter.departments"));
        departmentFilter.setShowCheckedCount(true);
        departmentFilter.setId("filter-departments");
        departmentFilter.setPrefWidth(170);
        departmentFilter.getCheckModel().getCheckedItems()
                .addListener((javafx.collections.ListChangeListener<String>) c -> applyFilter());
        newFilter.setId("filter-new");
        relistedFilter.setId("filter-relisted");
        newFilter.selectedProperty().addListener((obs, o, n) -> applyFilter());
        relistedFilter.selectedProperty().addListener((obs, o, n) -> applyFilter());
        textFilter.setId("filter-text");
        textFilter.setPromptText(messages.get("filter.text"));
        textFilter.textProperty().addListener((obs, o, n) -> applyFilter());
        HBox.setHgrow(textFilter, Priority.ALWAYS);
        textFilter.setMinWidth(120);
        for (var control : List.of(departmentFilter, newFilter, relistedFilter, count)) {
            control.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        count.setId("filter-count");
        HBox bar = new HBox(6, textFilter, departmentFilter, newFilter, relistedFilter, count);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6));
        updateCount();
        return bar;
    }

    private void applyFilter() {
        ListingFilter filter = new ListingFilter(new HashSet<>(departmentFilter.getCheckModel().getCheckedItems()),
                newFilter.isSelected(), relistedFilter.isSelected(), textFilter.getText());
        List<ListingRow> passing = filter.isEmpty() ? rows : rows.stream().filter(filter).toList();
        selecting = true;
        try {
            visibleRows.setAll(passing);
        } finally {
            selecting = false;
        }
        updateCount();
        if (selected != null && passing.contains(selected)) {
            selecting = true;
            table.getSelectionModel().select(selected);
            selecting = false;
        }
    }

    private void updateCount() {
        count.setText(messages.get("filter.count", visibleRows.size(), rows.size()));
    }

    private void buildTree() {
        Edition edition = snapshot.edition();
        TreeItem<Object> top = new TreeItem<>(edition.plan() + " " + edition.fiscalYear().label());
        top.setExpanded(true);
        for (Pillar pillar : edition.pillars()) {
            TreeItem<Object> pillarItem = new TreeItem<>(pillar);
            pillarItem.setExpanded(true);
            for (Category category : pillar.categories()) {
                TreeItem<Object> categoryItem = new TreeItem<>(category);
                categoryItem.setExpanded(true);
                rows.stream().filter(r -> r.placement().category() == category)
                        .forEach(r -> categoryItem.getChildren().add(new TreeItem<>(r)));
                pillarItem.getChildren().add(categoryItem);
            }
            top.getChildren().add(pillarItem);
        }
        tree.setRoot(top);
        tree.setShowRoot(true);
        tree.setId("plan-tree");
        tree.setCellFactory(view -> new PlanTreeCell(messages));
        tree.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (!selecting && item != null && item.getValue() instanceof ListingRow row) {
                select(row);
            }
        });
    }

    private void buildTable() {
        table.setId("measure-table");
        // One line per row: a fixed height spares the table measuring every row it shows.
        table.setFixedCellSize(26);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(messages.get("table.empty")));
        // Not JavaFX's default width of 80: a column of that width measures its first 30 rows when first
        // shown, a tenth of a second of every start-up.
        table.getColumns().add(column("table.no", ListingRow::position, 76));
        table.getColumns().add(column("table.name", r -> r.content().name(), 260));
        table.getColumns().add(column("table.department", r -> r.content().leadDepartment(), 170));
        table.getColumns().add(column("table.marks", this::marks, 84));
        table.setRowFactory(view -> new TableRow<>() {
            @Override
            protected void updateItem(ListingRow row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("relisted"),
                        !empty && row != null && row.relisted());
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (!selecting && row != null) {
                select(row);
            }
        });
    }

    private String marks(ListingRow row) {
        String marks = row.content().isNew() ? messages.get("mark.new") : "";
        if (row.relisted()) {
            marks = marks.isEmpty() ? messages.get("mark.relisted") : marks + " " + messages.get("mark.relisted");
        }
        return marks;
    }

    private TableColumn<ListingRow, String> column(String key, Function<ListingRow, String> value, double width) {
        TableColumn<ListingRow, String> column = new TableColumn<>(messages.get(key));
        column.setCellValueFactory(c -> {
            ListingRow row = c.getValue();
            return javafx.beans.binding.Bindings.createStringBinding(() -> value.apply(row), row.contentProperty());
        });
        column.setPrefWidth(width);
        column.setMinWidth(Math.min(width, 64));
        return column;
    }

    // --- selection and saving --------------------------------------------------------------------

    /** Selects the measure of the listing, saving (or asking about) the edit being left. */
    void select(ListingRow row) {
        if (row == selected) {
            return;
        }
        EditSession leaving = session();
        if (leaving != null && leaving.isDirty()) {
            if (leaving.problems().isEmpty()) {
                saveCurrent(() -> open(row));
                return;
            }
            if (!confirmDiscard(leaving)) {
                syncSelection(selected);
                return;
            }
        }
        open(row);
    }

    /** Selects the listing of the measure with the id, e.g. the one selected when the app was last closed. */
    void selectMeasure(String measureId) {
        List<ListingRow> listings = rowsByMeasure.get(measureId);
        if (listings != null) {
            select(listings.get(0));
        } else if (!rows.isEmpty()) {
            select(rows.get(0));
        }
    }

    private void open(ListingRow row) {
        selected = row;
        syncSelection(row);
        settings.setLastMeasure(row.measureId());
        EditSession session = new EditSession(row.measureId(), row.content());
        MeasureEditor editor = editor();
        MeasureContent previous = snapshot.previous().map(e -> e.measures().get(row.measureId())).orElse(null);
        String heading = row.position() + "  " + row.content().name() + (row.relisted()
                ? " " + messages.get("mark.relisted") : "");
        editor.show(session, heading, snapshot.edition().fiscalYear(), previous);
        loadHistory(row.measureId());
    }

    /** The editor, built when the first measure is opened so that the window shows sooner. */
    private MeasureEditor editor() {
        if (editor == null) {
            editor = new MeasureEditor(messages);
            editor.setKnownDepartments(snapshot.departments().stream().map(Department::fullName).toList());
            editor.setOnSave(() -> saveCurrent(null));
            editorPane.getChildren().setAll(editor.node());
        }
        return editor;
    }

    /** The session being edited, or null when no measure has been opened. */
    private EditSession session() {
        return editor == null ? null : editor.session();
    }

    private void syncSelection(ListingRow row) {
        selecting = true;
        try {
            if (row == null) {
                table.getSelectionModel().clearSelection();
                return;
            }
            table.getSelectionModel().select(row);
            int index = table.getSelectionModel().getSelectedIndex();
            if (index >= 0) {
                table.scrollTo(Math.max(0, index - 3));
            }
            findTreeItem(tree.getRoot(), row).ifPresent(item -> tree.getSelectionModel().select(item));
        } finally {
            selecting = false;
        }
    }

    private static Optional<TreeItem<Object>> findTreeItem(TreeItem<Object> item, ListingRow row) {
        if (item.getValue() == row) {
            return Optional.of(item);
        }
        for (TreeItem<Object> child : item.getChildren()) {
            Optional<TreeItem<Object>> found = findTreeItem(child, row);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private void loadHistory(String measureId) {
        Edition edition = snapshot.edition();
        Background.call(() -> store().history(edition.plan(), edition.fiscalYear(), measureId))
                .onSuccess(records -> {
                    EditSession session = session();
                    if (session != null && session.measureId().equals(measureId)) {
                        editor.showHistory(records);
                    }
                })
                .onError(e -> errors().show(messages.get("error.history"), e))
                .start();
    }

    /** Saves the edited measure in the background, then runs {@code next} (if any) on success. */
    void saveCurrent(Runnable next) {
        EditSession session = session();
        if (session == null || !session.isDirty() || !session.problems().isEmpty()) {
            if (next != null) {
                next.run();
            }
            return;
        }
        Edition edition = snapshot.edition();
        MeasureContent base = session.base();
        MeasureContent edited = session.current();
        root.setDisable(true);
        Background.call(() -> store().saveMeasure(edition.plan(), edition.fiscalYear(), session.measureId(), base,
                        edited, ChangeSource.editor()))
                .onSuccess(stored -> {
                    LOG.info("saved measure {} ({})", session.measureId(), stored.name());
                    session.saved(stored);
                    rowsByMeasure.get(session.measureId()).forEach(r -> r.setContent(stored));
                    applyFilter();
                    loadHistory(session.measureId());
                    if (next != null) {
                        next.run();
                    }
                })
                .onError(this::saveFailed)
                .andFinally(() -> root.setDisable(false))
                .start();
    }

    private void saveFailed(Throwable error) {
        if (error instanceof StaleEditException) {
            new Alert(Alert.AlertType.WARNING, messages.get("error.stale"), ButtonType.OK).showAndWait();
        } else {
            errors().show(messages.get("error.save"), error);
        }
        syncSelection(selected);
    }

    private boolean confirmDiscard(EditSession session) {
        String problems = String.join("\n", session.problems().stream().map(messages::describe).toList());
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, problems, ButtonType.CANCEL, ButtonType.OK);
        window().ifPresent(alert::initOwner);
        alert.setHeaderText(messages.get("confirm.discard"));
        return alert.showAndWait().filter(ButtonType.OK::equals).isPresent();
    }

    /**
     * Called when the window is about to close: saves a valid edit first, asks about an invalid one.
     *
     * @param close runs once it is safe to close
     */
    void beforeClose(Runnable close) {
        EditSession session = session();
        if (session != null && session.isDirty()) {
            if (session.problems().isEmpty()) {
                saveCurrent(close);
                return;
            }
            if (!confirmDiscard(session)) {
                return;
            }
        }
        close.run();
    }

    private void switchLanguage(java.util.Locale locale) {
        beforeClose(() -> Platform.runLater(() -> onLanguage.accept(locale)));
    }

    private void withSession(Consumer<EditSession> action) {
        EditSession session = session();
        if (session != null) {
            action.accept(session);
        }
    }

    /** The store, waiting for the database to be open: for background work only. */
    private PlanStore store() {
        return workspace.join().store();
    }

    private Optional<Window> window() {
        return Optional.ofNullable(root.getScene()).map(s -> s.getWindow());
    }

    private ErrorDialog errors() {
        return new ErrorDialog(messages, window().orElse(null));
    }
}
