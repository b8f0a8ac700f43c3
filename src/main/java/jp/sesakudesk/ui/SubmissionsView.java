package jp.sesakudesk.ui;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import jp.sesakudesk.domain.DepartmentProgress;
import jp.sesakudesk.domain.DepartmentProgress.State;
import jp.sesakudesk.domain.Edition;
import jp.sesakudesk.domain.Submission;
import jp.sesakudesk.i18n.Messages;
import jp.sesakudesk.storage.PlanStore;

/**
 * The central office's checklist of the yearly round of forms (提出状況): per department whether its
 * form was handed out and merged back, the missing ones first, and every returned form merged so far.
 */
final class SubmissionsView extends ChildWindow {

    /** Missing returns first: they are what the central office chases. */
    private static final Map<State, Integer> STATE_ORDER = Map.of(State.MISSING, 0, State.NOT_EXPORTED, 1,
            State.MERGED, 2);

    private final Messages messages;
    private final PlanStore store;
    private final Edition edition;
    private final TableView<DepartmentProgress> progress = new TableView<>();
    private final TableView<Submission> submissions = new TableView<>();
    private final Label summary = new Label();
    private final ProgressIndicator reading = new ProgressIndicator();
    private final Button refresh;
    private final Stage stage;

    SubmissionsView(Messages messages, PlanStore store, Edition edition, Window owner) {
        this.messages = messages;
        this.store = store;
        this.edition = edition;
        this.refresh = new Button(messages.get("submissions.refresh"));
        refresh.setId("submissions-refresh");
        refresh.setOnAction(e -> refresh());
        String title = messages.get("submissions.title", edition.plan(), edition.fiscalYear().label());
        stage = ChildWindows.stage(owner, Modality.NONE, title, layout(), 1000, 680);
        refresh();
    }

    private VBox layout() {
        buildProgress();
        buildSubmissions();
        reading.setPrefSize(18, 18);
        summary.setId("submissions-summary");
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox top = new HBox(8, summary, reading, spring, refresh);
        top.setAlignment(Pos.CENTER_LEFT);
        SplitPane split = new SplitPane(section("submissions.progress", progress),
                section("submissions.list", submissions));
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.6);
        VBox.setVgrow(split, Priority.ALWAYS);
        VBox root = new VBox(8, top, split);
        root.setPadding(new Insets(10));
        root.setId("submissions-view");
        root.getProperties().put(SubmissionsView.class, this);
        return root;
    }

    private VBox section(String key, TableView<?> table) {
        Label title = new Label(messages.get(key));
        title.getStyleClass().add("field-label");
        VBox.setVgrow(table, Priority.ALWAYS);
        return new VBox(4, title, table);
    }

    private void buildProgress() {
        progress.setId("submissions-progress");
        progress.setPlaceholder(new Label(messages.get("submissions.progress.empty")));
        progress.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        progress.getColumns().add(ChildWindows.column(messages, "submissions.department",
                DepartmentProgress::department, 300));
        progress.getColumns().add(ChildWindows.column(messages, "submissions.measures",
                DepartmentProgress::measures, 80));
        progress.getColumns().add(ChildWindows.column(messages, "submissions.exported",
                p -> ChildWindows.when(p.lastExported()), 150));
        progress.getColumns().add(ChildWindows.column(messages, "submissions.merged",
                p -> ChildWindows.when(p.lastMerged()), 150));
        TableColumn<DepartmentProgress, State> state = ChildWindows.column(messages, "submissions.state",
                DepartmentProgress::state, 120);
        state.setCellFactory(c -> new StateCell());
        state.setComparator(Comparator.comparing(STATE_ORDER::get));
        progress.getColumns().add(state);
    }

    /** The state in words, coloured: missing in red, merged in green. */
    private final class StateCell extends TableCell<DepartmentProgress, State> {
        @Override
        protected void updateItem(State item, boolean empty) {
            super.updateItem(item, empty);
            for (State each : State.values()) {
                pseudoClassStateChanged(pseudoClass(each), !empty && item == each);
            }
            setText(empty || item == null ? null : stateText(item));
        }
    }

    private static PseudoClass pseudoClass(State state) {
        return PseudoClass.getPseudoClass(state.name().toLowerCase().replace('_', '-'));
    }

    String stateText(State state) {
        return messages.get("submissions.state." + state.name().toLowerCase());
    }

    private void buildSubmissions() {
        submissions.setId("submissions-list");
        submissions.setPlaceholder(new Label(messages.get("submissions.empty")));
        submissions.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        submissions.getColumns().add(ChildWindows.column(messages, "submissions.file", Submission::fileName, 300));
        submissions.getColumns().add(ChildWindows.column(messages, "submissions.department",
                Submission::department, 240));
        submissions.getColumns().add(ChildWindows.column(messages, "submissions.mergedAt",
                s -> ChildWindows.when(s.mergedAt()), 140));
        submissions.getColumns().add(ChildWindows.column(messages, "submissions.changes", Submission::changes, 80));
        submissions.getColumns().add(ChildWindows.column(messages, "submissions.sha256",
                s -> s.sha256() == null ? "" : s.sha256().substring(0, Math.min(12, s.sha256().length())), 120));
    }

    /** Reads the checklist again in the background. */
    void refresh() {
        reading.setVisible(true);
        refresh.setDisable(true);
        Background.call(() -> new Read(store.progress(edition.plan(), edition.fiscalYear()),
                        store.submissions(edition.plan(), edition.fiscalYear())))
                .onSuccess(this::showRead)
                .onError(error -> new ErrorDialog(messages, stage).show(messages.get("submissions.error"), error))
                .andFinally(() -> {
                    reading.setVisible(false);
                    refresh.setDisable(false);
                })
                .start();
    }

    private record Read(List<DepartmentProgress> progress, List<Submission> submissions) {
    }

    private void showRead(Read read) {
        progress.getItems().setAll(read.progress().stream()
                .sorted(Comparator.comparing((DepartmentProgress p) -> STATE_ORDER.get(p.state()))).toList());
        submissions.getItems().setAll(read.submissions());
        long merged = count(read.progress(), State.MERGED);
        summary.setText(messages.get("submissions.summary", merged, read.progress().size(),
                count(read.progress(), State.MISSING), count(read.progress(), State.NOT_EXPORTED)));
    }

    private static long count(List<DepartmentProgress> all, State state) {
        return all.stream().filter(p -> p.state() == state).count();
    }

    @Override
    Stage stage() {
        return stage;
    }
}
