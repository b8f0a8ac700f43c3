package jp.sesakudesk.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Cold starts of the installed app-image ({@code target/installer/SesakuDesk}, made by
 * {@code installer/build-linux.sh}) to a usable main window with the FY2020 data, with and without
 * its class-data-sharing archive and with and without the launcher's JIT/GC options, against a bare
 * JavaFX window on the same runtime. All variants alternate within each round, so they see the same
 * machine.
 *
 * <p>Usage (needs a display, e.g. {@code DISPLAY=:77} under Xvfb), from the project root after
 * {@code mvn test-compile} and the build script:
 * <pre>java -cp target/test-classes jp.sesakudesk.bench.AppImageStartupBenchmark [RUNS]</pre>
 *
 * <p>Variants: the image's own launcher ({@code bin/SesakuDesk}, options from
 * {@code lib/app/SesakuDesk.cfg}); the image's runtime java with the cfg's class path and options
 * (so the native launcher's share can be seen) with the archive, without it, and each with and
 * without {@code -XX:+UseSerialGC -XX:TieredStopAtLevel=1}; the bare window
 * ({@code BareWindow.Launcher}, from target/test-classes) with the runtime java, with and without
 * those two options. "Without CDS" drops only the application's archive: the runtime's base archive
 * of JDK classes stays on, as with any JDK. The application's READY (main window laid out) comes from
 * {@code -Dsesaku.benchmark.exitWhenReady=true}, given to the launcher through
 * {@code JAVA_TOOL_OPTIONS}.
 */
public final class AppImageStartupBenchmark {

    private static final Path IMAGE = Path.of("target/installer/SesakuDesk");
    private static final String APP = "jp.sesakudesk.Launcher";
    /** By name: this benchmark runs on a JDK without JavaFX, BareWindow's own runtime has it. */
    private static final String BARE = "jp.sesakudesk.bench.BareWindow$Launcher";
    private static final String READY_OPTION = "-Dsesaku.benchmark.exitWhenReady=true";
    private static final Set<String> TUNING = Set.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private AppImageStartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        Path image = IMAGE.toAbsolutePath();
        Path app = image.resolve("lib/app");
        Path java = image.resolve("lib/runtime/bin/java");
        Path launcher = image.resolve("bin/SesakuDesk");
        if (!Files.isExecutable(launcher) || System.getenv("DISPLAY") == null) {
            throw new IllegalStateException("needs " + launcher + " (installer/build-linux.sh) and a DISPLAY");
        }
        List<String> classPath = new ArrayList<>();
        List<String> cfgOptions = new ArrayList<>();
        for (String line : Files.readAllLines(app.resolve("SesakuDesk.cfg"), StandardCharsets.UTF_8)) {
            String expanded = line.replace("$APPDIR", app.toString());
            if (expanded.startsWith("app.classpath=")) {
                classPath.add(expanded.substring("app.classpath=".length()));
            } else if (expanded.startsWith("java-options=")) {
                cfgOptions.add(expanded.substring("java-options=".length()));
            }
        }
        String cp = String.join(File.pathSeparator, classPath);
        String testClasses = Path.of(AppImageStartupBenchmark.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI()).toString();
        String bareCp = cp + File.pathSeparator + testClasses;
        boolean cfgHasTuning = cfgOptions.containsAll(TUNING);
        List<String> withCds = new ArrayList<>(cfgOptions);
        withCds.removeAll(TUNING);
        List<String> noCds = withCds.stream().filter(o -> !o.contains("SharedArchiveFile")).toList();
        List<String> tuning = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

        Path data = Files.createTempDirectory("sesaku-appimage-bench");
        Map<String, List<String>> variants = new LinkedHashMap<>();
        variants.put("launcher bin/SesakuDesk (cfg as built)", List.of(launcher.toString(), "--data", data.toString()));
        variants.put("java, CDS, tuning", javaCommand(java, concat(withCds, tuning), cp, APP, data));
        variants.put("java, no CDS, tuning", javaCommand(java, concat(noCds, tuning), cp, APP, data));
        variants.put("java, CDS, no tuning", javaCommand(java, withCds, cp, APP, data));
        variants.put("java, no CDS, no tuning", javaCommand(java, noCds, cp, APP, data));
        variants.put("bare window, tuning", javaCommand(java, concat(noCds, tuning), bareCp, BARE, null));
        variants.put("bare window, no tuning", javaCommand(java, noCds, bareCp, BARE, null));

        long first = startToReady(variants.values().iterator().next());
        Map<String, List<Long>> times = new LinkedHashMap<>();
        variants.keySet().forEach(k -> times.put(k, new ArrayList<>()));
        for (List<String> command : variants.values()) {
            startToReady(command); // warm the file cache once
        }
        for (int i = 0; i < runs; i++) {
            for (Map.Entry<String, List<String>> variant : variants.entrySet()) {
                times.get(variant.getKey()).add(startToReady(variant.getValue()));
            }
        }

        System.out.printf("app-image %s, cfg options %s%n", image, cfgOptions);
        System.out.printf("first start (creates the database with the shipped data): %d ms%n", first);
        Map<String, Long> medians = new LinkedHashMap<>();
        times.forEach((k, v) -> medians.put(k, median(v)));
        times.forEach((k, v) -> System.out.printf("%-40s median %5d ms  runs %s%n", k, medians.get(k), v));
        String built = cfgHasTuning ? "tuning" : "no tuning";
        long launcherMedian = medians.get("launcher bin/SesakuDesk (cfg as built)");
        long bare = medians.get("bare window, " + built);
        System.out.printf("CDS saving, tuning:    %d ms (%.2fx)%n",
                medians.get("java, no CDS, tuning") - medians.get("java, CDS, tuning"),
                ratio(medians.get("java, no CDS, tuning"), medians.get("java, CDS, tuning")));
        System.out.printf("CDS saving, no tuning: %d ms (%.2fx)%n",
                medians.get("java, no CDS, no tuning") - medians.get("java, CDS, no tuning"),
                ratio(medians.get("java, no CDS, no tuning"), medians.get("java, CDS, no tuning")));
        System.out.printf("tuning saving, CDS:    %d ms; no CDS: %d ms; bare window: %d ms%n",
                medians.get("java, CDS, no tuning") - medians.get("java, CDS, tuning"),
                medians.get("java, no CDS, no tuning") - medians.get("java, no CDS, tuning"),
                medians.get("bare window, no tuning") - medians.get("bare window, tuning"));
        System.out.printf("ratio launcher / bare window (%s): %.2f (target <= 1.5)%n", built,
                ratio(launcherMedian, bare));
        System.out.printf("ratio java no CDS / bare window (%s): %.2f%n", built,
                ratio(medians.get("java, no CDS, " + built), bare));
    }

    private static List<String> javaCommand(Path java, List<String> options, String cp, String main, Path data) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(options);
        command.add(READY_OPTION);
        command.add("-cp");
        command.add(cp);
        command.add(main);
        if (data != null) {
            command.add("--data");
            command.add(data.toString());
        }
        return command;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** Milliseconds from starting the process to its printing READY. */
    private static long startToReady(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("JAVA_TOOL_OPTIONS", READY_OPTION);
        long started = System.nanoTime();
        Process process = builder.start();
        long elapsed = -1;
        StringBuilder output = new StringBuilder();
        try (var out = new java.io.BufferedReader(
                new java.io.InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.equals("READY") && elapsed < 0) {
                    elapsed = (System.nanoTime() - started) / 1_000_000;
                }
                output.append(line).append('\n');
            }
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        if (elapsed < 0) {
            throw new IllegalStateException(command + " never became ready:\n" + output);
        }
        return elapsed;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static double ratio(long a, long b) {
        return (double) a / b;
    }
}
