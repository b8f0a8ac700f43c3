package jp.sesakudesk.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import jp.sesakudesk.domain.ChangeRecord;
import jp.sesakudesk.domain.FiscalYear;
import jp.sesakudesk.domain.MeasureContent;
import jp.sesakudesk.domain.MeasureField;
import jp.sesakudesk.domain.Problem;
import jp.sesakudesk.domain.ScheduleRow;
import jp.sesakudesk.i18n.Messages;

/**
 * The detail editor of the selected measure: every field, last year's text beside the fields being
 * written, the problems that keep it from being saved, and its change history.
 */
final class MeasureEditor {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final Messages messages;
    private final BorderPane root = new BorderPane();
    private final Label title = new Label();
    private final TextField name = new TextField();
    private final CheckBox isNew;
    private final ListView<String> departments = new ListView<>();
    private final ComboBox<String> departmentChoice = new ComboBox<>();
    private final TextArea description = area("editor-description", 4);
    private final ScheduleEditor schedule;
    private final TextArea status = area("editor-status", 4);
    private final TextArea plans = area("editor-plans", 4);
    private final TextArea notes = area("editor-notes", 2);
    private final Label problems = new Label();
    private final Button save;
    private final Button revert;
    private final Button undo;
    private final TableView<ChangeRecord> history = new TableView<>();
    private final List<Node> previousColumn = new ArrayList<>();
    private final TextArea previousDescription = readOnly();
    private final TextArea previousSchedule = readOnly();
    private final TextArea previousStatus = readOnly();
    private final TextArea previousPlans = readOnly();

    private EditSession session;
    private FiscalYear editionYear;
    private boolean refreshing;
    private Runnable onSave = () -> { };

    MeasureEditor(Messages messages) {
        this.messages = messages;
        this.isNew = new CheckBox(messages.get("field.new"));
        this.schedule = new ScheduleEditor(messages);
        this.save = new Button(messages.get("editor.save"));
        this.revert = new Button(messages.get("editor.revert"));
        this.undo = new Button(messages.get("editor.undo"));
        name.setId("editor-name");
        isNew.setId("editor-new");
        departments.setId("editor-departments");
        departmentChoice.setId("editor-department-choice");
        save.setId("editor-save");
        revert.setId("editor-revert");
        undo.setId("editor-undo");
        history.setId("editor-history");
        problems.setId("editor-problems");
        problems.getStyleClass().add("problems");
        problems.setWrapText(true);
        title.getStyleClass().add("editor-title");
        title.setWrapText(true);

        Tab edit = new Tab(messages.get("editor.tab.edit"), form());
        Tab changes = new Tab(messages.get("editor.tab.history"), historyTable());
        changes.setId("editor-history-tab");
        TabPane tabs = new TabPane(edit, changes);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        root.setTop(title);
        root.setCenter(tabs);
        root.setBottom(buttonBar());
        BorderPane.setMargin(title, new Insets(8));
        bindFields();
        setEditable(false);
    }

    Node node() {
        return root;
    }

    void setOnSave(Runnable handler) {
        this.onSave = handler;
    }

    EditSession session() {
        return session;
    }

    /** The departments the picker offers, by their current full names. */
    void setKnownDepartments(List<String> names) {
        departmentChoice.setItems(FXCollections.observableArrayList(names));
    }

    /**
     * Shows a measure for editing.
     *
     * @param previous the measure's content in the edition of the year before, or null
     */
    void show(EditSession edit, String heading, FiscalYear year, MeasureContent previous) {
        this.session = edit;
        this.editionYear = year;
        title.setText(heading);
        edit.currentProperty().addListener((obs, old, content) -> {
            if (edit == session) {
                refresh();
            }
        });
        edit.dirtyProperty().addListener((obs, old, dirty) -> updateButtons());
        showPrevious(previous);
        setEditable(true);
        refresh();
    }

    /** Nothing selected: an empty, disabled editor. */
    void clear() {
        session = null;
        title.setText(messages.get("editor.nothingSelected"));
        history.getItems().clear();
        showPrevious(null);
        setEditable(false);
    }

    void showHistory(List<ChangeRecord> records) {
        history.getItems().setAll(records);
    }

    /** Puts the session's current content into the controls, e.g. after undo. */
    private void refresh() {
        refreshing = true;
        try {
            MeasureContent content = session.current();
            setText(name, content.name());
            isNew.setSelected(content.isNew());
            departments.getItems().setAll(content.departments());
            setText(description, content.description());
            schedule.show(content.schedule(), editionYear);
            setText(status, content.status());
            setText(plans, content.plans());
            setText(notes, String.join("\n", content.notes()));
        } finally {
            refreshing = false;
        }
        updateButtons();
    }

    private static void setText(TextInputControl control, String text) {
        String value = text == null ? "" : text;
        if (!control.getText().equals(value)) {
            control.setText(value);
        }
    }

    private void bindFields() {
        onText(name, MeasureField.NAME, MeasureContent::withName);
        onText(description, MeasureField.DESCRIPTION, MeasureContent::withDescription);
        onText(status, MeasureField.STATUS, MeasureContent::withStatus);
        onText(plans, MeasureField.PLANS, MeasureContent::withPlans);
        notes.textProperty().addListener((obs, old, text) -> edit(MeasureField.NOTES,
                c -> c.withNotes(Arrays.stream(text.split("\n")).filter(s -> !s.isBlank()).toList())));
        isNew.selectedProperty().addListener((obs, old, selected) -> edit(MeasureField.NEW, c -> c.withNew(selected)));
        schedule.setOnChange(rows -> edit(MeasureField.SCHEDULE, c -> c.withSchedule(rows)));
        save.setOnAction(e -> onSave.run());
        revert.setOnAction(e -> session.revert());
        undo.setOnAction(e -> session.undo());
    }

    private void onText(TextInputControl control, MeasureField field,
                        java.util.function.BiFunction<MeasureContent, String, MeasureContent> with) {
        control.textProperty().addListener((obs, old, text) -> edit(field, c -> with.apply(c, text)));
    }

    private void edit(MeasureField field, Function<MeasureContent, MeasureContent> change) {
        if (!refreshing && session != null) {
            session.change(field, change.apply(session.current()));
            updateButtons();
        }
    }

    private void updateButtons() {
        if (session == null) {
            return;
        }
        List<Problem> found = session.problems();
        problems.setText(found.stream().map(messages::describe).collect(Collectors.joining("\n")));
        problems.setVisible(!found.isEmpty());
        problems.setManaged(!found.isEmpty());
        markInvalid(found);
        save.setDisable(!session.isDirty() || !found.isEmpty());
        revert.setDisable(!session.isDirty());
        undo.setDisable(!session.canUndo());
    }

    private void markInvalid(List<Problem> found) {
        Set<MeasureField> fields = found.stream().map(Problem::field).collect(Collectors.toSet());
        mark(name, fields.contains(MeasureField.NAME));
        mark(departments, fields.contains(MeasureField.DEPARTMENTS));
        mark(description, fields.contains(MeasureField.DESCRIPTION));
        mark(schedule.node(), fields.contains(MeasureField.SCHEDULE));
        mark(status, fields.contains(MeasureField.STATUS));
        mark(plans, fields.contains(MeasureField.PLANS));
        mark(notes, fields.contains(MeasureField.NOTES));
    }

    private static void mark(Node node, boolean invalid) {
        node.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("invalid"), invalid);
    }

    private void setEditable(boolean editable) {
        root.getCenter().setDisable(!editable);
        save.setDisable(true);
        revert.setDisable(true);
        undo.setDisable(true);
        problems.setVisible(false);
        problems.setManaged(false);
    }

    // --- layout ----------------------------------------------------------------------------------

    private Node form() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.setPadding(new Insets(8));
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(90);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setMinWidth(200);
        ColumnConstraints previous = new ColumnConstraints();
        previous.setHgrow(Priority.SOMETIMES);
        previous.setPercentWidth(0);
        grid.getColumnConstraints().addAll(labels, fields, previous);

        int row = 0;
        Label previousHeader = new Label(messages.get("editor.previousYear"));
        previousHeader.getStyleClass().add("previous-header");
        grid.add(previousHeader, 2, row);
        previousColumn.add(previousHeader);
        grid.add(problems, 1, row++);
        row = addRow(grid, row, "field.name", name, null);
        row = addRow(grid, row, "field.new", isNew, null);
        isNew.setText("");
        row = addRow(grid, row, "field.departments", departmentsEditor(), null);
        row = addRow(grid, row, "field.description", description, previousDescription);
        row = addRow(grid, row, "field.schedule", schedule.node(), previousSchedule);
        row = addRow(grid, row, "field.status", status, previousStatus);
        row = addRow(grid, row, "field.plans", plans, previousPlans);
        addRow(grid, row, "field.notes", notes, null);
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private int addRow(GridPane grid, int row, String labelKey, Node field, Node previous) {
        Label label = new Label(messages.get(labelKey));
        label.setLabelFor(field);
        label.getStyleClass().add("field-label");
        grid.add(label, 0, row);
        grid.add(field, 1, row);
        if (previous != null) {
            grid.add(previous, 2, row);
            previousColumn.add(previous);
        }
        return row + 1;
    }

    private Node departmentsEditor() {
        departments.setPrefHeight(90);
        departmentChoice.setEditable(true);
        departmentChoice.setPromptText(messages.get("departments.prompt"));
        departmentChoice.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(departmentChoice, Priority.ALWAYS);
        Button add = new Button(messages.get("departments.add"));
        add.setId("departments-add");
        add.setOnAction(e -> addDepartment());
        departmentChoice.getEditor().setOnAction(e -> addDepartment());
        Button remove = new Button(messages.get("departments.remove"));
        remove.setId("departments-remove");
        remove.setOnAction(e -> changeDepartments(list -> list.remove(selectedDepartment())));
        Button up = new Button(messages.get("departments.up"));
        up.setId("departments-up");
        up.setOnAction(e -> moveDepartment(-1));
        Button down = new Button(messages.get("departments.down"));
        down.setOnAction(e -> moveDepartment(1));
        var noSelection = departments.getSelectionModel().selectedIndexProperty().lessThan(0);
        remove.disableProperty().bind(noSelection);
        up.disableProperty().bind(departments.getSelectionModel().selectedIndexProperty().lessThan(1));
        down.disableProperty().bind(noSelection);
        Label lead = new Label(messages.get("departments.leadFirst"));
        lead.getStyleClass().add("hint");
        for (Button button : List.of(add, remove, up, down)) {
            button.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        HBox picker = new HBox(6, departmentChoice, add);
        HBox order = new HBox(6, up, down, remove, lead);
        order.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, departments, order, picker);
    }

    private String selectedDepartment() {
        return departments.getSelectionModel().getSelectedItem();
    }

    private void addDepartment() {
        String typed = departmentChoice.getEditor().getText();
        String chosen = typed == null || typed.isBlank() ? departmentChoice.getValue() : typed.strip();
        if (chosen == null || chosen.isBlank() || session.current().departments().contains(chosen)) {
            return;
        }
        changeDepartments(list -> list.add(chosen));
        departmentChoice.getEditor().clear();
        departmentChoice.setValue(null);
    }

    private void moveDepartment(int by) {
        int index = departments.getSelectionModel().getSelectedIndex();
        int target = index + by;
        if (index < 0 || target < 0 || target >= departments.getItems().size()) {
            return;
        }
        changeDepartments(list -> list.add(target, list.remove(index)));
        departments.getSelectionModel().select(target);
    }

    private void changeDepartments(java.util.function.Consumer<List<String>> change) {
        List<String> list = new ArrayList<>(session.current().departments());
        change.accept(list);
        edit(MeasureField.DEPARTMENTS, c -> c.withDepartments(list));
    }

    private void showPrevious(MeasureContent previous) {
        boolean shown = previous != null;
        previousColumn.forEach(node -> {
            node.setVisible(shown);
            node.setManaged(shown);
        });
        GridPane grid = (GridPane) previousColumn.get(0).getParent();
        grid.getColumnConstraints().get(2).setPercentWidth(shown ? 35 : 0);
        if (shown) {
            previousDescription.setText(previous.description());
            previousSchedule.setText(previous.schedule().stream().map(ScheduleRow::render)
                    .collect(Collectors.joining("\n")));
            previousStatus.setText(previous.status() == null ? "" : previous.status());
            previousPlans.setText(previous.plans() == null ? "" : previous.plans());
        }
    }

    private Node buttonBar() {
        save.setDefaultButton(false);
        save.getStyleClass().add("accent");
        HBox bar = new HBox(8, undo, revert, save);
        bar.setAlignment(Pos.CENTER_RIGHT);
        bar.setPadding(new Insets(8));
        return bar;
    }

    private Node historyTable() {
        history.setPlaceholder(new Label(messages.get("history.empty")));
        history.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        history.getColumns().add(column("history.when", r -> WHEN.format(r.changedAt()), 140));
        history.getColumns().add(column("history.field", r -> messages.get(r.field().messageKey()), 90));
        history.getColumns().add(column("history.old", r -> nullToEmpty(r.oldValue()), 220));
        history.getColumns().add(column("history.new", r -> nullToEmpty(r.newValue()), 220));
        history.getColumns().add(column("history.source", this::source, 160));
        return history;
    }

    private String source(ChangeRecord record) {
        String kind = messages.get("source." + record.source().kind().name().toLowerCase());
        return record.source().detail() == null ? kind : kind + ": " + record.source().detail();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    private TableColumn<ChangeRecord, String> column(String key, Function<ChangeRecord, String> value,
                                                     double width) {
        TableColumn<ChangeRecord, String> column = new TableColumn<>(messages.get(key));
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    private static TextArea area(String id, int rows) {
        TextArea area = new TextArea();
        area.setId(id);
        area.setWrapText(true);
        area.setPrefRowCount(rows);
        return area;
    }

    private static TextArea readOnly() {
        TextArea area = new TextArea();
        area.setEditable(false);
        area.setWrapText(true);
        area.setPrefRowCount(4);
        area.setFocusTraversable(false);
        area.getStyleClass().add("previous-text");
        return area;
    }
}
