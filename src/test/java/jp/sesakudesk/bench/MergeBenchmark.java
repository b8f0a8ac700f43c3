package jp.sesakudesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import jp.sesakudesk.domain.ChangeSource;
import jp.sesakudesk.domain.Edition;
import jp.sesakudesk.exchange.form.ExportedForm;
import jp.sesakudesk.exchange.form.FormExports;
import jp.sesakudesk.workspace.Workspace;

/**
 * Merging 150 returned forms of an edition of about 1,000 measures, every input filled, measured as
 * cold processes in one run against a floor that only unzips the same files and reads their sheet
 * XML with StAX, and against LibreOffice converting the same files (when installed). When the
 * app-image is built ({@code installer/build-linux.sh}), its launcher's merge is timed too, against
 * the floor run with the image's java and the launcher's JVM options.
 *
 * <p>Usage: {@code MergeBenchmark [RUNS]}; the class path is this process's own.
 */
public final class MergeBenchmark {

    /** The app-image made by installer/build-linux.sh, measured as well when it is there. */
    private static final Path IMAGE = Path.of("target/installer/SesakuDesk");

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path root = Files.createTempDirectory("sesaku-bench-merge");
        Path data = root.resolve("data");
        Path forms = Files.createDirectories(root.resolve("forms"));
        int filled = prepare(data, forms);
        System.out.printf("prepared %d forms with %d filled input cells%n", count(forms), filled);

        List<Long> merge = new ArrayList<>();
        List<Long> floor = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            floor.add(time(List.of("jp.sesakudesk.bench.UnzipFloor", forms.toString())));
            Path copy = copyFolder(data, root.resolve("data-" + i));
            merge.add(time(List.of("jp.sesakudesk.Launcher", "merge", "--data", copy.toString(), forms.toString())));
        }
        long mergeMedian = StartupBenchmark.median(merge);
        long floorMedian = StartupBenchmark.median(floor);
        System.out.printf("floor (unzip + StAX of the sheets): median %d ms %s%n", floorMedian, floor);
        System.out.printf("merge of %d forms (applied):        median %d ms %s%n", count(forms), mergeMedian, merge);
        System.out.printf("ratio merge / floor: %.2f (target <= 2.0)%n", (double) mergeMedian / floorMedian);
        long installedMedian = -1;
        if (Files.isExecutable(IMAGE.resolve("bin/SesakuDesk"))) {
            // The app-image as installed: its launcher (its runtime, JVM options and CDS archive), and the
            // floor with the same runtime and JVM options.
            String testClasses = Path.of(MergeBenchmark.class.getProtectionDomain().getCodeSource().getLocation()
                    .toURI()).toString();
            List<Long> installed = new ArrayList<>();
            List<Long> installedFloor = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                installedFloor.add(run(List.of(IMAGE.resolve("lib/runtime/bin/java").toString(), "-XX:+UseSerialGC",
                        "-XX:TieredStopAtLevel=1", "-cp", testClasses, "jp.sesakudesk.bench.UnzipFloor",
                        forms.toString())));
                Path copy = copyFolder(data, root.resolve("data-installed-" + i));
                installed.add(run(List.of(IMAGE.resolve("bin/SesakuDesk").toString(), "merge", "--data",
                        copy.toString(), forms.toString())));
            }
            installedMedian = StartupBenchmark.median(installed);
            long installedFloorMedian = StartupBenchmark.median(installedFloor);
            System.out.printf("installed app-image (%s): merge median %d ms %s, floor with its java and options"
                    + " median %d ms %s, ratio %.2f%n", IMAGE, installedMedian, installed, installedFloorMedian,
                    installedFloor, (double) installedMedian / installedFloorMedian);
        }
        if (Files.isExecutable(Path.of("/usr/bin/soffice"))) {
            long office = libreOffice(forms, root);
            System.out.printf("LibreOffice converting the same files: %d ms; merge is %.1f× faster (target >= 8)%n",
                    office, (double) office / mergeMedian);
            if (installedMedian > 0) {
                System.out.printf("  the installed app-image's merge is %.1f× faster%n",
                        (double) office / installedMedian);
            }
        }
    }


    /** A data folder with a generated edition, its 150 forms exported and every input cell filled. */
    private static int prepare(Path data, Path forms) throws Exception {
        Edition edition = GeneratedEdition.of(1000, 150);
        try (Workspace workspace = Workspace.open(data)) {
            workspace.store().saveEdition(edition, ChangeSource.load("generated"));
            List<ExportedForm> exported = FormExports.write(workspace, edition, List.of(), null, forms, () -> false);
            int cells = 0;
            for (ExportedForm form : exported) {
                cells += fillEveryInput(form.file());
            }
            return cells;
        }
    }

    private static int fillEveryInput(Path file) throws IOException {
        int cells = 0;
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(file))) {
            Map<String, String> values = new HashMap<>();
            for (Name name : workbook.getAllNames()) {
                String n = name.getNameName();
                if (!n.startsWith("SD_") || n.equals("SD_FY_CHOICES")) {
                    continue;
                }
                values.put(n, n.endsWith("_YEARS") ? "令和4年度～" : "記入 " + n + " 今年度の取組を記載した。");
            }
            for (Map.Entry<String, String> value : values.entrySet()) {
                CellReference ref = new CellReference(workbook.getName(value.getKey()).getRefersToFormula());
                Cell cell = workbook.getSheet(ref.getSheetName()).getRow(ref.getRow()).getCell(ref.getCol());
                cell.setCellValue(value.getValue());
                cells++;
            }
            try (var out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
        return cells;
    }

    private static long time(List<String> mainAndArgs) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path")));
        command.addAll(mainAndArgs);
        return run(command);
    }

    /** Milliseconds the command takes; it must succeed. */
    private static long run(List<String> command) throws Exception {
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        int code = process.waitFor();
        long elapsed = (System.nanoTime() - started) / 1_000_000;
        if (code != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (" + code + "):\n" + output);
        }
        return elapsed;
    }

    private static long libreOffice(Path forms, Path root) throws Exception {
        List<String> command = new ArrayList<>(List.of("soffice", "-env:UserInstallation=file://" + root.resolve("lo"),
                "--headless", "--norestore", "--convert-to", "xlsx", "--outdir", root.resolve("lo-out").toString()));
        try (Stream<Path> files = Files.list(forms)) {
            files.sorted().forEach(f -> command.add(f.toString()));
        }
        new ProcessBuilder("soffice", "-env:UserInstallation=file://" + root.resolve("lo"), "--headless",
                "--terminate_after_init").start().waitFor();
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        process.waitFor();
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static long count(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.count();
        }
    }

    private static Path copyFolder(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }
}
