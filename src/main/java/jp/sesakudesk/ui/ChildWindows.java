package jp.sesakudesk.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.text.Text;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import jp.sesakudesk.i18n.Messages;

/** What the windows opened from the main window share: how a stage is made, dates, table columns. */
final class ChildWindows {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private ChildWindows() {
    }

    /** A stage owned by the main window, with the application's stylesheet and font. */
    static Stage stage(Window owner, Modality modality, String title, Parent root, double width, double height) {
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.initModality(modality);
        stage.setTitle(title);
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(ChildWindows.class.getResource("app.css").toExternalForm());
        Fonts.applyJapaneseFont(scene);
        stage.setScene(scene);
        return stage;
    }

    /** Says, without blocking, that a piece of work is done: a title, a heading and the details. */
    static void showDone(Window owner, String id, String title, String heading, String details) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, details, ButtonType.OK);
        alert.initOwner(owner);
        alert.initModality(Modality.NONE);
        alert.setTitle(title);
        alert.setHeaderText(heading);
        alert.getDialogPane().setId(id);
        alert.show();
    }

    /** A date and time to the minute in the local zone, or empty. */
    static String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant);
    }

    /** A column showing a value of the row, with its header from the bundle. */
    static <S, T> TableColumn<S, T> column(Messages messages, String key, Function<S, T> value, double width) {
        TableColumn<S, T> column = new TableColumn<>(messages.get(key));
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    /** A column whose text wraps at the column's width, the row growing as tall as the text needs. */
    static <S> TableColumn<S, String> wrappedColumn(Messages messages, String key, Function<S, String> value,
                                                    double width) {
        TableColumn<S, String> column = column(messages, key, value, width);
        column.setCellFactory(c -> new WrappedTextCell<>());
        return column;
    }

    /** A table cell that wraps its text instead of cutting it off with an ellipsis. */
    static final class WrappedTextCell<S> extends TableCell<S, String> {

        private final Text text = new Text();

        WrappedTextCell() {
            text.getStyleClass().add("wrapped-text");
            text.wrappingWidthProperty().bind(widthProperty().subtract(12));
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
            } else {
                text.setText(item);
                setGraphic(text);
            }
        }
    }
}
