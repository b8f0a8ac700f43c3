package jp.sesakudesk.bench;

import java.util.ArrayList;
import java.util.List;

import javafx.application.Application;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import org.controlsfx.control.CheckComboBox;

/**
 * A second reference for the start-up benchmark: the main window's controls (menu bar, plan tree,
 * filter bar with a check-combo, measure table, editor placeholder) filled with 55 made-up rows,
 * without database, settings, logging or cache. What JavaFX itself costs to show such a window.
 */
public final class ControlsWindow extends Application {

    private static final int ROWS = 55;

    public static void main(String[] args) {
        Application.launch(ControlsWindow.class, args);
    }

    @Override
    public void start(Stage stage) {
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            rows.add(new String[] {"1-(" + (i / 5 + 1) + ")-" + (i % 5 + 1), "データを活用した施策その" + i,
                    "総務企画局DX戦略課", i % 9 == 0 ? "New" : ""});
        }
        BorderPane root = new BorderPane(new SplitPane(tree(rows), new VBox(filterBar(), table(rows)),
                new StackPane(new Label("ツリーまたは一覧から施策を選んでください。"))));
        root.setTop(new MenuBar(
                new Menu("ファイル", null, new MenuItem("保存"), new MenuItem("終了")),
                new Menu("編集", null, new MenuItem("元に戻す"), new MenuItem("やり直す"), new MenuItem("検索")),
                new Menu("表示", null, new Menu("言語")),
                new Menu("調査票", null, new MenuItem("調査票の書き出し"), new MenuItem("返送された調査票の取り込み")),
                new Menu("ヘルプ", null, new MenuItem("施策デスクについて"))));
        Scene scene = new Scene(root, 1280, 800);
        stage.setScene(scene);
        stage.show();
        BareWindow.readyAfterFirstLayout(scene);
    }

    private static TreeView<String> tree(List<String[]> rows) {
        TreeItem<String> plan = new TreeItem<>("福岡市データ活用推進計画 令和2年度");
        plan.setExpanded(true);
        for (int p = 0; p < 3; p++) {
            TreeItem<String> pillar = new TreeItem<>((p + 1) + ". 柱");
            pillar.setExpanded(true);
            plan.getChildren().add(pillar);
            for (int c = 0; c < 4; c++) {
                TreeItem<String> category = new TreeItem<>("(" + (c + 1) + ") 分野");
                category.setExpanded(true);
                pillar.getChildren().add(category);
                rows.subList(0, 4).forEach(row -> category.getChildren().add(new TreeItem<>(row[1])));
            }
        }
        return new TreeView<>(plan);
    }

    private static HBox filterBar() {
        TextField text = new TextField();
        text.setPromptText("全項目を検索");
        HBox.setHgrow(text, Priority.ALWAYS);
        CheckComboBox<String> departments = new CheckComboBox<>(
                FXCollections.observableArrayList("総務企画局DX戦略課", "市民局区政課", "水道局営業企画課"));
        return new HBox(6, text, departments, new ToggleButton("New"), new ToggleButton("再掲"),
                new Label(ROWS + "件中 " + ROWS + "件"));
    }

    private static TableView<String[]> table(List<String[]> rows) {
        TableView<String[]> table = new TableView<>(FXCollections.observableArrayList(rows));
        table.setFixedCellSize(26);
        String[] titles = {"No.", "施策名", "所管課（主）", "区分"};
        double[] widths = {76, 260, 170, 84};
        for (int i = 0; i < titles.length; i++) {
            int index = i;
            TableColumn<String[], String> column = new TableColumn<>(titles[i]);
            column.setPrefWidth(widths[i]);
            column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue()[index]));
            table.getColumns().add(column);
        }
        VBox.setVgrow(table, Priority.ALWAYS);
        return table;
    }

    /** A plain launcher, as the application's own, so that JavaFX may sit on the class path. */
    public static final class Launcher {
        public static void main(String[] args) {
            ControlsWindow.main(args);
        }
    }
}
