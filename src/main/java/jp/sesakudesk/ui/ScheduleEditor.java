package jp.sesakudesk.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import jp.sesakudesk.domain.FiscalYear;
import jp.sesakudesk.domain.FiscalYearRange;
import jp.sesakudesk.domain.ScheduleRow;
import jp.sesakudesk.i18n.Messages;

/**
 * Edits the rows of a schedule: fiscal-year pickers in 和暦 with the Western year beside, the planned
 * activity, and buttons to add, remove and reorder rows.
 */
final class ScheduleEditor {

    /** How a row ends: in the year it starts, from then on (～), or in a later year. */
    private record RowEnd(FiscalYear until, boolean open) {
        static final RowEnd SINGLE = new RowEnd(null, false);
        static final RowEnd OPEN = new RowEnd(null, true);
    }

    private static final double YEAR_PICKER_WIDTH = 172;

    private final Messages messages;
    private final VBox rowsBox = new VBox(6);
    private final VBox root;
    private final List<ScheduleRow> rows = new ArrayList<>();
    private List<FiscalYear> choices = List.of();
    private Consumer<List<ScheduleRow>> onChange = rows -> { };

    ScheduleEditor(Messages messages) {
        this.messages = messages;
        Button add = new Button(messages.get("schedule.add"));
        add.setId("schedule-add");
        add.setOnAction(e -> addRow());
        root = new VBox(6, rowsBox, add);
    }

    Node node() {
        return root;
    }

    void setOnChange(Consumer<List<ScheduleRow>> handler) {
        this.onChange = handler;
    }

    /** Shows the rows; the pickers offer the years around the edition's year and any year in use. */
    void show(List<ScheduleRow> schedule, FiscalYear editionYear) {
        TreeSet<FiscalYear> years = new TreeSet<>();
        for (int y = editionYear.startYear() - 5; y <= editionYear.startYear() + 6; y++) {
            years.add(FiscalYear.of(y));
        }
        schedule.forEach(row -> {
            years.add(row.years().from());
            if (row.years().to() != null) {
                years.add(row.years().to());
            }
        });
        choices = List.copyOf(years);
        rows.clear();
        rows.addAll(schedule);
        rebuild();
    }

    private void rebuild() {
        rowsBox.getChildren().clear();
        for (int i = 0; i < rows.size(); i++) {
            rowsBox.getChildren().add(rowNode(i));
        }
        if (rows.isEmpty()) {
            Label none = new Label(messages.get("schedule.none"));
            none.getStyleClass().add("hint");
            rowsBox.getChildren().add(none);
        }
    }

    private Node rowNode(int index) {
        ScheduleRow row = rows.get(index);
        ComboBox<FiscalYear> from = new ComboBox<>();
        from.getItems().setAll(choices);
        from.setValue(row.years().from());
        from.setButtonCell(new YearCell());
        from.setCellFactory(list -> new YearCell());
        from.setId("schedule-from-" + index);
        from.setPrefWidth(YEAR_PICKER_WIDTH);
        from.setMinWidth(120);

        ComboBox<RowEnd> end = new ComboBox<>();
        end.getItems().setAll(endChoices(row.years().from()));
        end.setValue(endOf(row.years()));
        end.setButtonCell(new EndCell());
        end.setCellFactory(list -> new EndCell());
        end.setId("schedule-end-" + index);
        end.setPrefWidth(YEAR_PICKER_WIDTH);
        end.setMinWidth(120);

        from.setOnAction(e -> {
            FiscalYear start = from.getValue();
            RowEnd chosen = end.getValue();
            FiscalYear until = chosen.open() ? null
                    : chosen.until() == null || chosen.until().compareTo(start) < 0 ? start : chosen.until();
            replace(index, new ScheduleRow(new FiscalYearRange(start, until), rows.get(index).activity()), true);
        });
        end.setOnAction(e -> {
            RowEnd chosen = end.getValue();
            if (chosen == null) {
                return;
            }
            FiscalYear start = rows.get(index).years().from();
            FiscalYear until = chosen.open() ? null : chosen.until() == null ? start : chosen.until();
            replace(index, new ScheduleRow(new FiscalYearRange(start, until), rows.get(index).activity()), false);
        });

        TextArea activity = new TextArea(row.activity());
        activity.setWrapText(true);
        activity.setPrefRowCount(2);
        activity.setId("schedule-activity-" + index);
        activity.textProperty().addListener((obs, old, text) ->
                replace(index, new ScheduleRow(rows.get(index).years(), text), false));

        Button up = iconButton("▲", "schedule.up", () -> move(index, -1));
        up.setDisable(index == 0);
        Button down = iconButton("▼", "schedule.down", () -> move(index, 1));
        down.setDisable(index == rows.size() - 1);
        Button remove = iconButton("✕", "schedule.remove", () -> {
            rows.remove(index);
            changed(true);
        });
        javafx.scene.layout.Region spacer = new javafx.scene.layout.Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(6, from, end, spacer, up, down, remove);
        header.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(4, header, activity);
        box.setPadding(new Insets(4));
        box.getStyleClass().add("schedule-row");
        return box;
    }

    private Button iconButton(String symbol, String tooltipKey, Runnable action) {
        Button button = new Button(symbol);
        button.setTooltip(new Tooltip(messages.get(tooltipKey)));
        button.getStyleClass().add("small-button");
        button.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        button.setOnAction(e -> action.run());
        return button;
    }

    private List<RowEnd> endChoices(FiscalYear from) {
        List<RowEnd> ends = new ArrayList<>(List.of(RowEnd.SINGLE, RowEnd.OPEN));
        choices.stream().filter(y -> y.compareTo(from) > 0).forEach(y -> ends.add(new RowEnd(y, false)));
        return ends;
    }

    private static RowEnd endOf(FiscalYearRange range) {
        if (range.isOpenEnded()) {
            return RowEnd.OPEN;
        }
        return range.to().equals(range.from()) ? RowEnd.SINGLE : new RowEnd(range.to(), false);
    }

    private void addRow() {
        FiscalYear start = rows.isEmpty() ? choices.get(5) : nextStart(rows.get(rows.size() - 1).years());
        rows.add(new ScheduleRow(FiscalYearRange.single(start), ""));
        changed(true);
    }

    private static FiscalYear nextStart(FiscalYearRange last) {
        return (last.to() == null ? last.from() : last.to()).next();
    }

    private void move(int index, int by) {
        ScheduleRow row = rows.remove(index);
        rows.add(index + by, row);
        changed(true);
    }

    private void replace(int index, ScheduleRow row, boolean structural) {
        if (!rows.get(index).equals(row)) {
            rows.set(index, row);
            changed(structural);
        }
    }

    private void changed(boolean structural) {
        if (structural) {
            rebuild();
        }
        onChange.accept(List.copyOf(rows));
    }

    private static final class YearCell extends ListCell<FiscalYear> {
        @Override
        protected void updateItem(FiscalYear year, boolean empty) {
            super.updateItem(year, empty);
            setText(empty || year == null ? null : year.labelWithWesternYear());
        }
    }

    private final class EndCell extends ListCell<RowEnd> {
        @Override
        protected void updateItem(RowEnd end, boolean empty) {
            super.updateItem(end, empty);
            if (empty || end == null) {
                setText(null);
            } else if (end.open()) {
                setText(messages.get("schedule.open"));
            } else if (end.until() == null) {
                setText(messages.get("schedule.single"));
            } else {
                setText("～" + end.until().labelWithWesternYear());
            }
        }
    }
}
