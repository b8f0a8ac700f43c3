package jp.sesakudesk.ui;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

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
import jp.sesakudesk.workspace.PlanSnapshot;
import jp.sesakudesk.workspace.SnapshotCache;
import jp.sesakudesk.workspace.Workspace;

/**
 * The desktop application. The database is opened and the edition read in the background while
 * JavaFX starts. When the plan as it was at the last close is cached and the database has not
 * changed since, the window shows it at once and works with the database as soon as it is open.
 */
public final class DesktopApp extends Application {

    /** How long start-up waits for the database before it shows a "please wait" window instead. */
    private static final long OPENING_WAIT_MS = 3000;
    /** How long closing waits for a database still opening, to close it properly. */
    private static final long CLOSING_WAIT_MS = 30_000;

    /** The folder given to {@link #launchWith(Path)}, for the instance that JavaFX creates. */
    private static volatile Path launchFolder;
    private static volatile Opening launchOpening;

    /** A workspace and what the main window shows first. */
    private record Opened(Workspace workspace, PlanSnapshot snapshot) {
    }

    /**
     * A data folder being opened on its own thread: the cached plan first, then the database. When
     * the window can be drawn from the cache, the database is opened once it has been, so that both
     * do not compete for the processor during the first frame.
     */
    private record Opening(CompletableFuture<Optional<PlanSnapshot>> cached, CompletableFuture<Opened> opened,
                           CountDownLatch windowShown) {

        /** How long the database waits for the first frame drawn from the cache, should it never come. */
        private static final long FIRST_FRAME_WAIT_MS = 5000;

        static Opening start(Path folder) {
            Opening opening = new Opening(new CompletableFuture<>(), new CompletableFuture<>(), new CountDownLatch(1));
            Thread thread = new Thread(() -> opening.run(folder), "sesaku-open");
            thread.setDaemon(true);
            thread.start();
            return opening;
        }

        private void run(Path folder) {
            try {
                // Before the database is opened, which changes its file.
                cached.complete(SnapshotCache.read(folder));
            } finally {
                cached.complete(Optional.empty());
            }
            if (cached.join().isPresent()) {
                try {
                    windowShown.await(FIRST_FRAME_WAIT_MS, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Workspace workspace = null;
            try {
                workspace = Workspace.open(folder);
                PlanSnapshot snapshot = PlanSnapshot.read(workspace.store(), workspace.plan(null), null);
                opened.complete(new Opened(workspace, snapshot));
                log().debug("edition read");
            } catch (DatabaseUnavailableException | RuntimeException e) {
                if (workspace != null) {
                    workspace.close();
                }
                opened.completeExceptionally(e);
            }
        }
    }

    private final Path dataFolder;
    private Opening opening;
    /** The open workspace, once the database is open; what the windows work with. */
    private CompletableFuture<Workspace> workspaceReady;
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
        launchOpening = Opening.start(dataFolder);
        Application.launch(DesktopApp.class);
    }

    @Override
    public void start(Stage primaryStage) {
        this.stage = primaryStage;
        installErrorHandler();
        settings = Settings.load(dataFolder);
        opening = launchOpening != null && dataFolder.equals(launchFolder) ? launchOpening : Opening.start(dataFolder);
        launchOpening = null;
        workspaceReady = opening.opened().thenApply(Opened::workspace);
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
        // A small file, read on the opening thread long before JavaFX has started.
        Optional<PlanSnapshot> cached = opening.cached().join();
        if (cached.isPresent()) {
            log().debug("showing the plan from the start-up cache");
            showMainWindow(cached.get(), settings.language());
            stage.show();
            opening.opened().whenComplete((opened, error) -> Platform.runLater(
                    () -> whenOpened(messages, cached.get())));
        } else if (awaitOpening()) {
            // Usually the database is open by the time JavaFX is: show the plan in the first frame.
            whenOpened(messages, null);
            stage.show();
        } else {
            stage.getScene().setRoot(loading(messages));
            stage.show();
            opening.opened().whenComplete((opened, error) -> Platform.runLater(() -> whenOpened(messages, null)));
        }
        log().debug("window shown");
    }

    /** Waits a moment for the database, before the window is shown; true when it is open (or failed). */
    private boolean awaitOpening() {
        try {
            opening.opened().get(OPENING_WAIT_MS, TimeUnit.MILLISECONDS);
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

    /** Shows what the database holds, unless the window already shows exactly that (from the cache). */
    private void whenOpened(Messages messages, PlanSnapshot shown) {
        try {
            Opened opened = opening.opened().join();
            if (!opened.snapshot().equals(shown)) {
                showMainWindow(opened.snapshot(), settings.language());
            }
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
        mainWindow = new MainWindow(messages, dataFolder, workspaceReady, snapshot, settings, this::switchLanguage,
                this::reload);
        stage.getScene().setRoot(mainWindow.root());
        stage.setTitle(mainWindow.title());
        log().debug("main window built in {} ms", (System.nanoTime() - started) / 1_000_000);
        String last = settings.lastMeasure();
        boolean benchmark = Boolean.getBoolean("sesaku.benchmark.exitWhenReady");
        afterFirstLayout(() -> {
            opening.windowShown().countDown();
            if (benchmark) {
                System.out.println("READY");
                System.out.flush();
                Platform.exit();
            } else {
                // The plan shows in the first frame; the measure open at the last close follows.
                Platform.runLater(() -> {
                    if (last != null) {
                        mainWindow.selectMeasure(last);
                    }
                    mainWindow.prepareSearch();
                });
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
        Background.call(this::readSnapshot)
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
        mainWindow.beforeClose(() -> Background.call(this::readSnapshot)
                .onSuccess(snapshot -> showMainWindow(snapshot, language))
                .onError(e -> new ErrorDialog(messages, stage).show(messages.get("error.reload"), e))
                .start());
    }

    /** The edition as stored now; off the FX thread, since it waits for the database to be open. */
    private PlanSnapshot readSnapshot() {
        Workspace open = workspaceReady.join();
        return PlanSnapshot.read(open.store(), open.plan(null), null);
    }

    /** The open workspace, for tests that prepare data through the core while the window is open. */
    Workspace workspace() {
        return workspaceReady.join();
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
        boolean visible = !Double.isNaN(x)
                && !Screen.getScreensForRectangle(new Rectangle2D(x, y, 100, 100)).isEmpty();
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

    /** The edition as stored at closing, for the next start; null (no cache) when it cannot be read. */
    private static PlanSnapshot lastSnapshot(Workspace open) {
        try {
            return PlanSnapshot.read(open.store(), open.plan(null), null);
        } catch (RuntimeException e) {
            log().warn("cannot read the edition for the start-up cache", e);
            return null;
        }
    }

    /**
     * The workspace to close: once open, or after waiting for the database still opening (it opens
     * after the first frame when the window came from the cache); null when it could not be opened.
     */
    private Workspace workspaceToClose() {
        if (opening == null) {
            return null;
        }
        opening.windowShown().countDown();
        try {
            return workspaceReady.get(CLOSING_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            return null;
        } catch (java.util.concurrent.TimeoutException e) {
            workspaceReady.thenAccept(Workspace::close);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workspaceReady.thenAccept(Workspace::close);
            return null;
        }
    }

    @Override
    public void stop() {
        if (stage != null && settings != null) {
            rememberWindow();
            settings.save();
        }
        Workspace open = workspaceToClose();
        if (open != null) {
            PlanSnapshot last = lastSnapshot(open);
            open.close();
            SnapshotCache.write(dataFolder, last);
        }
    }
}
