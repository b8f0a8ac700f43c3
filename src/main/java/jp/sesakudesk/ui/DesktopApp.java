package jp.sesakudesk.ui;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jp.sesakudesk.i18n.Messages;
import jp.sesakudesk.storage.DatabaseUnavailableException;
import jp.sesakudesk.workspace.Workspace;

/**
 * The desktop application. The database is opened and the edition read in the background while
 * JavaFX starts, so the window shows the plan as soon as both are ready.
 */
public final class DesktopApp extends Application {

    /** How long start-up waits for the database before it shows a "please wait" window instead. */
    private static final long OPENING_WAIT_MS = 3000;

    /** The folder given to {@link #launchWith(Path)}, for the instance that JavaFX creates. */
    private static volatile Path launchFolder;
    private static volatile CompletableFuture<Opened> launchOpening;

    /** A workspace and what the main window shows first. */
    private record Opened(Workspace workspace, PlanSnapshot snapshot) {
    }

    private final Path dataFolder;
    private CompletableFuture<Opened> opening;
    private Workspace workspace;
    private Settings settings;
    private Stage stage;
    private MainWindow mainWindow;

    public DesktopApp() {
        this(launchFolder);
    }

    /** An application on the given data folder (tests start it this way). */
    public DesktopApp(Path dataFolder) {
        this.dataFolder = dataFolder;
    }

    /** Starts opening the data folder at once, then starts JavaFX; returns when the app has quit. */
    public static void launchWith(Path dataFolder) {
        launchFolder = dataFolder;
        launchOpening = open(dataFolder);
        Application.launch(DesktopApp.class);
    }

    private static CompletableFuture<Opened> open(Path folder) {
        return CompletableFuture.supplyAsync(() -> {
            // Logging is set up here, beside JavaFX starting, rather than before it on the main thread.
            LoggerFactory.getILoggerFactory();
            try {
                Workspace workspace = Workspace.open(folder);
                String plan = workspace.plan(null);
                PlanSnapshot snapshot = PlanSnapshot.read(workspace.store(), plan, null);
                log().debug("edition read");
                return new Opened(workspace, snapshot);
            } catch (DatabaseUnavailableException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, runnable -> {
            Thread thread = new Thread(runnable, "sesaku-open");
            thread.setDaemon(true);
            thread.start();
        });
    }

    @Override
    public void start(Stage primaryStage) {
        this.stage = primaryStage;
        installErrorHandler();
        settings = Settings.load(dataFolder);
        opening = launchOpening != null && dataFolder.equals(launchFolder) ? launchOpening : open(dataFolder);
        launchOpening = null;
        Messages messages = new Messages(settings.language());
        stage.setScene(new Scene(new StackPane(), settings.number("window.width", 1280),
                settings.number("window.height", 800)));
        stage.getScene().getStylesheets().add(DesktopApp.class.getResource("app.css").toExternalForm());
        Fonts.applyJapaneseFont(stage.getScene());
        stage.setTitle(messages.get("app.title"));
        placeWindow();
        stage.setOnCloseRequest(e -> {
            e.consume();
            if (mainWindow == null) {
                stage.close();
            } else {
                mainWindow.beforeClose(stage::close);
            }
        });
        if (awaitOpening()) {
            // Usually the database is open by the time JavaFX is: show the plan in the first frame.
            whenOpened(messages);
            stage.show();
        } else {
            stage.getScene().setRoot(loading(messages));
            stage.show();
            opening.whenComplete((opened, error) -> Platform.runLater(() -> whenOpened(messages)));
        }
        log().debug("window shown");
    }

    /** Waits a moment for the database, before the window is shown; true when it is open (or failed). */
    private boolean awaitOpening() {
        try {
            opening.get(OPENING_WAIT_MS, java.util.concurrent.TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void whenOpened(Messages messages) {
        try {
            Opened opened = opening.join();
            workspace = opened.workspace();
            showMainWindow(opened.snapshot(), settings.language());
        } catch (java.util.concurrent.CompletionException e) {
            Platform.runLater(() -> openFailed(messages, e.getCause()));
        }
    }

    private static Parent loading(Messages messages) {
        VBox loading = new VBox(12, new ProgressIndicator(), new Label(messages.get("app.opening")));
        loading.setAlignment(javafx.geometry.Pos.CENTER);
        return loading;
    }

    private void showMainWindow(PlanSnapshot snapshot, Locale language) {
        long started = System.nanoTime();
        Messages messages = new Messages(language);
        if (mainWindow != null) {
            mainWindow.dispose();
        }
        mainWindow = new MainWindow(messages, workspace, snapshot, settings, this::switchLanguage, this::reload);
        stage.getScene().setRoot(mainWindow.root());
        stage.setTitle(mainWindow.title());
        log().debug("main window built in {} ms", (System.nanoTime() - started) / 1_000_000);
        String last = settings.lastMeasure();
        boolean benchmark = Boolean.getBoolean("sesaku.benchmark.exitWhenReady");
        afterFirstLayout(() -> {
            if (benchmark) {
                System.out.println("READY");
                System.out.flush();
                Platform.exit();
            } else if (last != null) {
                // The plan shows in the first frame; the measure open at the last close follows.
                Platform.runLater(() -> mainWindow.selectMeasure(last));
            }
        });
    }

    /** Runs the action once, right after the scene's next layout pass. */
    private void afterFirstLayout(Runnable action) {
        Scene scene = stage.getScene();
        scene.addPostLayoutPulseListener(new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                action.run();
            }
        });
    }

    /** Rebuilds the window in another language, keeping the selection; re-reads the edition. */
    private void switchLanguage(Locale language) {
        settings.setLanguage(language);
        settings.save();
        String plan = workspace.plan(null);
        Background.call(() -> PlanSnapshot.read(workspace.store(), plan, null))
                .onSuccess(snapshot -> showMainWindow(snapshot, language))
                .onError(e -> new ErrorDialog(new Messages(language), stage).show(e.getMessage(), e))
                .start();
    }

    /**
     * Reads the edition again and rebuilds the window on it, e.g. after a merge changed it. An edit in
     * progress is saved first (or, when it cannot be saved, the user is asked about it).
     */
    private void reload() {
        Locale language = settings.language();
        Messages messages = new Messages(language);
        mainWindow.beforeClose(() -> Background.call(
                        () -> PlanSnapshot.read(workspace.store(), workspace.plan(null), null))
                .onSuccess(snapshot -> showMainWindow(snapshot, language))
                .onError(e -> new ErrorDialog(messages, stage).show(messages.get("error.reload"), e))
                .start());
    }

    /** The open workspace, for tests that prepare data through the core while the window is open. */
    Workspace workspace() {
        return workspace;
    }

    private void openFailed(Messages messages, Throwable error) {
        String message;
        if (error instanceof DatabaseUnavailableException unavailable) {
            message = messages.get("error.database." + unavailable.reason().name().toLowerCase(),
                    unavailable.file().toString());
            log().error("cannot open the database: {}", unavailable.getMessage());
            Alert alert = new Alert(Alert.AlertType.ERROR, message, ButtonType.CLOSE);
            alert.setHeaderText(messages.get("error.database.title"));
            alert.initOwner(stage);
            alert.showAndWait();
        } else {
            new ErrorDialog(messages, stage).show(messages.get("error.open"), error);
        }
        Platform.exit();
    }

    /** Asked for when needed, so that loading this class does not set up logging on the main thread. */
    private static Logger log() {
        return LoggerFactory.getLogger(DesktopApp.class);
    }

    private void placeWindow() {
        double x = settings.number("window.x", Double.NaN);
        double y = settings.number("window.y", Double.NaN);
        boolean visible = !Double.isNaN(x) && !Screen.getScreensForRectangle(new Rectangle2D(x, y, 100, 100)).isEmpty();
        if (visible) {
            stage.setX(x);
            stage.setY(y);
        }
        stage.setMaximized(settings.flag("window.maximized"));
    }

    private void rememberWindow() {
        settings.setFlag("window.maximized", stage.isMaximized());
        if (!stage.isMaximized() && stage.getWidth() > 0) {
            settings.setNumber("window.x", stage.getX());
            settings.setNumber("window.y", stage.getY());
            settings.setNumber("window.width", stage.getWidth());
            settings.setNumber("window.height", stage.getHeight());
        }
    }

    private void installErrorHandler() {
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            if (Platform.isFxApplicationThread()) {
                Messages messages = new Messages(settings == null ? Locale.JAPANESE : settings.language());
                new ErrorDialog(messages, stage).show(messages.get("error.unexpected"), error);
            } else {
                log().error("uncaught error in {}", thread.getName(), error);
            }
        });
    }

    @Override
    public void stop() {
        if (stage != null && settings != null) {
            rememberWindow();
            settings.save();
        }
        if (workspace != null) {
            workspace.close();
        } else if (opening != null) {
            opening.thenAccept(opened -> opened.workspace().close());
        }
    }
}
