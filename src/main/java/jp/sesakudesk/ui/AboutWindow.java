package jp.sesakudesk.ui;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import jp.sesakudesk.Launcher;
import jp.sesakudesk.i18n.Messages;
import jp.sesakudesk.storage.Database;

/**
 * The About window: the application's version, its data folder (which can be opened), the size of
 * the database, the Java and JavaFX versions it runs on, and the licences of the bundled libraries.
 */
final class AboutWindow {

    /** One bundled library as listed in {@code third-party.tsv}. */
    record Library(String name, String version, String licence) {
    }

    private AboutWindow() {
    }

    static void show(Window owner, Messages messages, Path dataFolder) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(messages.get("about.title"));

        GridPane facts = new GridPane();
        facts.setHgap(12);
        facts.setVgap(6);
        int row = 0;
        facts.addRow(row++, label(messages.get("about.version")), value("about-version", version()));
        Button open = new Button(messages.get("about.openFolder"));
        open.setId("about-open-folder");
        open.setOnAction(e -> Folders.open(dataFolder));
        open.setVisible(Folders.canOpen());
        HBox folder = new HBox(8, value("about-data-folder", dataFolder.toString()), open);
        facts.addRow(row++, label(messages.get("about.dataFolder")), folder);
        facts.addRow(row++, label(messages.get("about.databaseSize")),
                value("about-database-size", databaseSize(dataFolder)));
        facts.addRow(row++, label(messages.get("about.java")), value("about-java",
                System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"));
        facts.addRow(row, label(messages.get("about.javafx")),
                value("about-javafx", System.getProperty("javafx.runtime.version", "?")));

        Label title = new Label(messages.get("app.title"));
        title.getStyleClass().add("editor-title");
        Label librariesHeading = label(messages.get("about.libraries"));
        TableView<Library> libraries = libraries(messages);
        VBox.setVgrow(libraries, Priority.ALWAYS);
        Button close = new Button(messages.get("about.close"));
        close.setCancelButton(true);
        close.setDefaultButton(true);
        close.setOnAction(e -> stage.close());
        HBox buttons = new HBox(close);
        buttons.setStyle("-fx-alignment: center-right;");
        VBox root = new VBox(10, title, facts, librariesHeading, libraries, buttons);
        root.setPadding(new Insets(14));
        stage.setScene(new Scene(root, 640, 520));
        if (owner != null && owner.getScene() != null) {
            stage.getScene().getStylesheets().addAll(owner.getScene().getStylesheets());
            root.setStyle(owner.getScene().getRoot().getStyle());
        }
        stage.show();
    }

    /** The version written into the jar's manifest, or "development" when run from the classes. */
    static String version() {
        String version = Launcher.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    private static String databaseSize(Path dataFolder) {
        try {
            long bytes = Files.size(dataFolder.resolve(Database.FILE_NAME + ".mv.db"));
            return bytes < (1 << 20) ? (bytes >> 10) + " KB" : String.format("%.1f MB", bytes / 1048576.0);
        } catch (IOException e) {
            return "?";
        }
    }

    private static TableView<Library> libraries(Messages messages) {
        TableView<Library> table = new TableView<>();
        table.setId("about-libraries");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column(messages.get("about.library"), Library::name, 260));
        table.getColumns().add(column(messages.get("about.libraryVersion"), Library::version, 80));
        table.getColumns().add(column(messages.get("about.licence"), Library::licence, 200));
        table.getItems().setAll(bundledLibraries());
        return table;
    }

    /** The bundled libraries and their licences. */
    static List<Library> bundledLibraries() {
        List<Library> libraries = new ArrayList<>();
        try (InputStream in = AboutWindow.class.getResourceAsStream("third-party.tsv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] cells = line.split("\t");
                if (!line.startsWith("#") && cells.length == 3) {
                    libraries.add(new Library(cells[0], cells[1], cells[2]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return libraries;
    }

    private static TableColumn<Library, String> column(String title, java.util.function.Function<Library, String> value,
                                                       double width) {
        TableColumn<Library, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    private static Label label(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("field-label");
        return label;
    }

    private static Label value(String id, String text) {
        Label label = new Label(text);
        label.setId(id);
        label.setWrapText(true);
        return label;
    }
}
