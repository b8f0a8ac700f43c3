package jp.sesakudesk.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jp.sesakudesk.workspace.SnapshotCache;

/**
 * Cold start of the application to a usable main window with the shipped FY2020 data, against a
 * bare JavaFX window started the same way, alternating runs in one go so all see the same machine.
 * The application is started both with its start-up cache (the usual start: the data folder was
 * closed by the application) and without it (the database changed since, e.g. by the command line);
 * a window of the same controls without any data ({@link ControlsWindow}) shows what JavaFX's
 * controls cost by themselves.
 *
 * <p>Usage: {@code StartupBenchmark RUNS JAVA_OPTION...}. All are started as {@code java -cp
 * target/sesaku-desk.jar:target/lib/* MAIN}, the reference windows with this benchmark's classes added.
 */
public final class StartupBenchmark {

    private static final String APP_CLASS_PATH =
            "target/sesaku-desk.jar" + java.io.File.pathSeparator + "target/lib/*";
    private static final String APP = "jp.sesakudesk.Launcher";
    private static final String BARE = BareWindow.Launcher.class.getName();
    private static final String CONTROLS = ControlsWindow.Launcher.class.getName();

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<String> javaOptions = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        Path data = Files.createTempDirectory("sesaku-bench-start");

        String bareClassPath = APP_CLASS_PATH + java.io.File.pathSeparator
                + Path.of(BareWindow.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        long firstStart = startToReady(javaOptions, APP_CLASS_PATH, APP, "--data", data.toString());
        List<Long> app = new ArrayList<>();
        List<Long> uncached = new ArrayList<>();
        List<Long> bare = new ArrayList<>();
        List<Long> controls = new ArrayList<>();
        startToReady(javaOptions, bareClassPath, BARE);
        for (int i = 0; i < runs; i++) {
            bare.add(startToReady(javaOptions, bareClassPath, BARE));
            app.add(startToReady(javaOptions, APP_CLASS_PATH, APP, "--data", data.toString()));
            controls.add(startToReady(javaOptions, bareClassPath, CONTROLS));
            Files.deleteIfExists(data.resolve(SnapshotCache.FILE_NAME));
            uncached.add(startToReady(javaOptions, APP_CLASS_PATH, APP, "--data", data.toString()));
        }
        long bareMedian = median(bare);
        System.out.printf("first start (creates the database with the shipped data): %d ms%n", firstStart);
        System.out.printf("bare JavaFX window:                    median %d ms  runs %s%n", bareMedian, bare);
        System.out.printf("the main window's controls, no data:   median %d ms  runs %s%n", median(controls),
                controls);
        System.out.printf("Sesaku Desk, FY2020:                   median %d ms  runs %s%n", median(app), app);
        System.out.printf("Sesaku Desk, FY2020, no start-up cache: median %d ms  runs %s%n", median(uncached),
                uncached);
        System.out.printf("ratio app / bare window: %.2f (target <= 1.5); without the cache %.2f; "
                        + "controls without data / bare window: %.2f%n", (double) median(app) / bareMedian,
                (double) median(uncached) / bareMedian, (double) median(controls) / bareMedian);
    }

    /** Milliseconds from starting a JVM to its printing READY. */
    static long startToReady(List<String> javaOptions, String classPath, String mainClass, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaOptions);
        command.add("-Dsesaku.benchmark.exitWhenReady=true");
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        command.addAll(List.of(args));
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        long elapsed = -1;
        StringBuilder output = new StringBuilder();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.equals("READY") && elapsed < 0) {
                    elapsed = (System.nanoTime() - started) / 1_000_000;
                }
                output.append(line).append('\n');
            }
        }
        process.waitFor();
        if (elapsed < 0) {
            throw new IllegalStateException(mainClass + " never became ready:\n" + output);
        }
        return elapsed;
    }

    static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
