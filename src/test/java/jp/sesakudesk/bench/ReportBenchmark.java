package jp.sesakudesk.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.management.OperatingSystemMXBean;

import jp.sesakudesk.domain.Edition;
import jp.sesakudesk.exchange.report.CityReport;
import jp.sesakudesk.exchange.report.XssfReport;

/**
 * Writing the city-wide report of a generated edition of 1,000 measures over 150 departments:
 * the report's own streaming writer (rows go to the file as they are laid out; in a JVM limited to
 * 64 MB of heap) against the same layout built in memory with a plain XSSF workbook (default heap).
 * Each write runs in a cold JVM of its own, the two alternating; the medians are compared.
 *
 * <p>Usage: {@code ReportBenchmark [RUNS]} (default 3). A child run is {@code ReportBenchmark child
 * streaming|xssf FILE MEASURES}: it builds the edition, writes it, and prints one RESULT line with the time
 * of the write, the CPU time the process spent during it (all threads: the JIT and the GC too, which
 * a busy machine affects less than wall time) and the peak heap: the sum over the heap pools (eden,
 * survivor, old) of each one's peak usage, over the whole run and over the write alone. The pools
 * need not peak at the same moment, so the sum is an upper bound of the heap in use at any one time.
 */
public final class ReportBenchmark {

    private static final int MEASURES = 1000;
    private static final int DEPARTMENTS = 150;
    private static final int SMALL = 10;
    private static final String STREAMING_HEAP = "-Xmx64m";
    private static final double MB = 1024.0 * 1024.0;
    private static final Pattern RESULT = Pattern.compile(
            "RESULT listings=(\\d+) writeMs=(\\d+) writeCpuMs=(\\d+) peakHeapMB=([\\d.]+) writePeakHeapMB=([\\d.]+)"
                    + " bytes=(\\d+)");

    /** One child run as measured: the process wall time and what the child printed. */
    record Run(long processMs, long writeMs, long writeCpuMs, double peakHeapMb, double writePeakHeapMb, long bytes,
               int listings) {
    }

    private ReportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("child")) {
            child(args[1], Path.of(args[2]), Integer.parseInt(args[3]));
            return;
        }
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path folder = Files.createTempDirectory("sesaku-bench-report");
        List<Run> streaming = new ArrayList<>();
        List<Run> xssf = new ArrayList<>();
        List<Run> smallStreaming = new ArrayList<>();
        List<Run> smallXssf = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            streaming.add(spawn("streaming", folder.resolve("streaming-" + i + ".xlsx"), MEASURES, STREAMING_HEAP));
            xssf.add(spawn("xssf", folder.resolve("xssf-" + i + ".xlsx"), MEASURES));
            smallStreaming.add(spawn("streaming", folder.resolve("small-" + i + ".xlsx"), SMALL, STREAMING_HEAP));
            smallXssf.add(spawn("xssf", folder.resolve("small-xssf-" + i + ".xlsx"), SMALL));
        }
        print(streaming, xssf);
        printAboveFixedCost(streaming, xssf, smallStreaming, smallXssf);
        System.out.printf("in memory (XSSF) with %s as well: %s%n", STREAMING_HEAP,
                outcome(() -> spawn("xssf", folder.resolve("xssf-limited.xlsx"), MEASURES, STREAMING_HEAP)));
    }

    /** What a run that may fail came to: its time, or the error that ended it. */
    private static String outcome(Callable<Run> run) throws Exception {
        try {
            return "finished, write " + run.call().writeMs() + " ms";
        } catch (IllegalStateException e) {
            Matcher error = Pattern.compile("java\\.lang\\.\\w+Error[^\\n]*").matcher(e.getMessage());
            return "failed: " + (error.find() ? error.group() : e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /**
     * Most of a small write in a cold JVM is loading classes (and, in memory, POI and its XML
     * schemas); what a report of {@value #SMALL} measures costs shows that part, and the rest is what
     * the size of the edition costs.
     */
    private static void printAboveFixedCost(List<Run> streaming, List<Run> xssf, List<Run> smallStreaming,
                                            List<Run> smallXssf) {
        long fixedStreaming = median(smallStreaming, Run::writeMs);
        long fixedXssf = median(smallXssf, Run::writeMs);
        long aboveStreaming = median(streaming, Run::writeMs) - fixedStreaming;
        long aboveXssf = median(xssf, Run::writeMs) - fixedXssf;
        System.out.printf("cold write of a %d-measure report: streaming median %d ms, in memory median %d ms%n",
                SMALL, fixedStreaming, fixedXssf);
        System.out.printf("above that, for %d measures: streaming %d ms, in memory %d ms, ratio %.2f%n",
                MEASURES, aboveStreaming, aboveXssf, (double) aboveXssf / Math.max(1, aboveStreaming));
    }

    private static void print(List<Run> streaming, List<Run> xssf) {
        Run sample = streaming.get(0);
        System.out.printf("report of a generated edition: %d measures, %d listings, %d departments%n",
                MEASURES, sample.listings(), DEPARTMENTS);
        System.out.printf("streaming (%s): write median %d ms  runs %s  process median %d ms%n",
                STREAMING_HEAP, median(streaming, Run::writeMs), values(streaming, Run::writeMs),
                median(streaming, Run::processMs));
        System.out.printf("in memory (XSSF, default heap): write median %d ms  runs %s  process median %d ms%n",
                median(xssf, Run::writeMs), values(xssf, Run::writeMs), median(xssf, Run::processMs));
        System.out.printf("ratio in-memory / streaming write: %.2f (target >= 3)%n",
                (double) median(xssf, Run::writeMs) / median(streaming, Run::writeMs));
        System.out.printf("CPU time of the process during the write: streaming median %d ms, in memory median %d ms,"
                + " ratio %.2f%n", median(streaming, Run::writeCpuMs), median(xssf, Run::writeCpuMs),
                (double) median(xssf, Run::writeCpuMs) / Math.max(1, median(streaming, Run::writeCpuMs)));
        System.out.printf("streaming peak heap (sum of heap pools' peaks): whole run max %.1f MB, during the write"
                + " max %.1f MB (limit 64 MB, every run finished)%n", max(streaming, Run::peakHeapMb),
                max(streaming, Run::writePeakHeapMb));
        System.out.printf("in-memory peak heap: whole run max %.1f MB, during the write max %.1f MB%n",
                max(xssf, Run::peakHeapMb), max(xssf, Run::writePeakHeapMb));
        System.out.printf("file size: streaming %,d bytes, in memory %,d bytes%n", sample.bytes(),
                xssf.get(0).bytes());
    }

    /** Runs one write in a new JVM on this class path; fails when the child fails (e.g. out of memory). */
    static Run spawn(String kind, Path file, int measures, String... javaOptions)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(javaOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ReportBenchmark.class.getName(),
                "child", kind, file.toString(), Integer.toString(measures)));
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuilder output = new StringBuilder();
        Matcher result = null;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                Matcher m = RESULT.matcher(line);
                result = m.matches() ? m : result;
                output.append(line).append('\n');
            }
        }
        int exit = process.waitFor();
        long processMs = (System.nanoTime() - started) / 1_000_000;
        if (exit != 0 || result == null) {
            throw new IllegalStateException(kind + " run failed (exit " + exit + "):\n" + output);
        }
        return new Run(processMs, Long.parseLong(result.group(2)), Long.parseLong(result.group(3)),
                Double.parseDouble(result.group(4)), Double.parseDouble(result.group(5)),
                Long.parseLong(result.group(6)), Integer.parseInt(result.group(1)));
    }

    private static void child(String kind, Path file, int measures) throws Exception {
        Edition edition = GeneratedEdition.of(measures, DEPARTMENTS);
        List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        long[] beforeWrite = pools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).toArray();
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        OperatingSystemMXBean system = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
        long cpuBefore = system.getProcessCpuTime();
        long started = System.nanoTime();
        if (kind.equals("streaming")) {
            CityReport.write(edition, file);
        } else {
            XssfReport.write(edition, file);
        }
        long writeMs = (System.nanoTime() - started) / 1_000_000;
        long writeCpuMs = (system.getProcessCpuTime() - cpuBefore) / 1_000_000;
        long duringWrite = 0;
        long wholeRun = 0;
        for (int i = 0; i < pools.size(); i++) {
            long peak = pools.get(i).getPeakUsage().getUsed();
            duringWrite += peak;
            wholeRun += Math.max(peak, beforeWrite[i]);
        }
        System.out.printf(Locale.ROOT, "RESULT listings=%d writeMs=%d writeCpuMs=%d peakHeapMB=%.1f"
                        + " writePeakHeapMB=%.1f bytes=%d%n", edition.placements().size(), writeMs, writeCpuMs,
                wholeRun / MB, duringWrite / MB, Files.size(file));
    }

    private static long median(List<Run> runs, ToLongFunction<Run> value) {
        long[] sorted = runs.stream().mapToLong(value).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    private static List<Long> values(List<Run> runs, ToLongFunction<Run> value) {
        return runs.stream().map(run -> value.applyAsLong(run)).toList();
    }

    private static double max(List<Run> runs, ToDoubleFunction<Run> value) {
        return runs.stream().mapToDouble(value).max().orElse(0);
    }
}
