package jp.sesakudesk.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

import jp.sesakudesk.bench.GeneratedEdition;
import jp.sesakudesk.domain.ChangeSource;
import jp.sesakudesk.domain.Edition;
import jp.sesakudesk.i18n.Messages;
import jp.sesakudesk.workspace.PlanSnapshot;
import jp.sesakudesk.workspace.Workspace;

/**
 * Filtering the measure table of a generated edition of 10,000 measures: the time from a keystroke
 * in the search field to the table laid out again, and the memory the process needs for it.
 *
 * <p>Usage: {@code FilterBenchmark [MEASURES]}; needs a display (or Monocle's headless one).
 */
public final class FilterBenchmark {

    private static final String[] QUERIES = {"データ活用", "研修 その1", "ＡＩ", "水道局 チャット"};

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path folder = Files.createTempDirectory("sesaku-bench-filter");
        Edition edition = GeneratedEdition.of(count, 150);
        try (Workspace workspace = Workspace.open(folder)) {
            long started = System.nanoTime();
            workspace.store().saveEdition(edition, ChangeSource.load("generated"));
            System.out.printf("stored an edition of %d measures, %d listings in %d ms%n", edition.measures().size(),
                    edition.placements().size(), (System.nanoTime() - started) / 1_000_000);
            started = System.nanoTime();
            PlanSnapshot snapshot = PlanSnapshot.read(workspace.store(), edition.plan(), null);
            System.out.printf("read it back in %d ms%n", (System.nanoTime() - started) / 1_000_000);

            CompletableFuture<Void> startup = new CompletableFuture<>();
            Platform.startup(() -> startup.complete(null));
            startup.get(30, TimeUnit.SECONDS);
            List<Long> times = onFxThread(() -> type(workspace, snapshot));
            report(times);
        }
        Platform.exit();
        System.exit(0);
    }

    private static List<Long> type(Workspace workspace, PlanSnapshot snapshot) {
        MainWindow window = new MainWindow(new Messages(Locale.JAPANESE), workspace.folder(),
                java.util.concurrent.CompletableFuture.completedFuture(workspace), snapshot,
                Settings.load(workspace.folder()), language -> { }, () -> { });
        Stage stage = new Stage();
        Parent root = window.root();
        stage.setScene(new Scene(root, 1280, 800));
        stage.show();
        layout(root);
        // As the application does right after its first frame.
        long preparing = System.nanoTime();
        window.prepareSearch();
        System.out.printf("search text of every row prepared after the first frame: %.1f ms%n",
                (System.nanoTime() - preparing) / 1e6);
        TextField search = (TextField) root.lookup("#filter-text");
        long cold = keystroke(root, search, "デ");
        keystroke(root, search, "");
        System.out.printf("first keystroke after start-up (cold): %.1f ms%n", cold / 1e6);
        typeAll(root, search, new ArrayList<>());
        List<Long> times = new ArrayList<>();
        typeAll(root, search, times);
        return times;
    }

    /** Types each query a character at a time, then erases it, recording each keystroke. */
    private static void typeAll(Parent root, TextField search, List<Long> times) {
        for (String query : QUERIES) {
            for (int i = 1; i <= query.length(); i++) {
                times.add(keystroke(root, search, query.substring(0, i)));
            }
            for (int i = query.length() - 1; i >= 0; i--) {
                times.add(keystroke(root, search, query.substring(0, i)));
            }
        }
    }

    /** Nanoseconds from changing the search text to the table laid out with the new rows. */
    private static long keystroke(Parent root, TextField search, String text) {
        long started = System.nanoTime();
        search.setText(text);
        layout(root);
        return System.nanoTime() - started;
    }

    private static void layout(Parent root) {
        root.applyCss();
        root.layout();
    }

    private static void report(List<Long> nanos) throws Exception {
        List<Long> sorted = nanos.stream().sorted().toList();
        System.out.printf("filter per keystroke, %d keystrokes after one warm-up pass:"
                        + " median %.1f ms, 95th %.1f ms, max %.1f ms"
                        + " (target <= 50 ms)%n", sorted.size(), sorted.get(sorted.size() / 2) / 1e6,
                sorted.get(sorted.size() * 95 / 100) / 1e6, sorted.get(sorted.size() - 1) / 1e6);
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        System.out.printf("heap in use after GC: %d MB; peak resident memory: %s%n",
                (runtime.totalMemory() - runtime.freeMemory()) >> 20, peakResident());
    }

    private static String peakResident() throws Exception {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return "n/a";
        }
        return Files.readAllLines(status).stream().filter(l -> l.startsWith("VmHWM"))
                .map(l -> l.replaceAll("\\D+", "") + " kB").findFirst().orElse("n/a");
    }

    private static <T> T onFxThread(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(10, TimeUnit.MINUTES);
    }
}
