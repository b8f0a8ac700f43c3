package jp.sesakudesk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.stream.Collectors;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import jp.sesakudesk.domain.Edition;
import jp.sesakudesk.exchange.form.FormMerge;
import jp.sesakudesk.exchange.form.FormReading;
import jp.sesakudesk.exchange.form.MergePreview;
import jp.sesakudesk.exchange.form.MergePreview.FieldChange;
import jp.sesakudesk.exchange.form.MergePreview.FileReport;
import jp.sesakudesk.exchange.form.ReturnedForm;
import jp.sesakudesk.storage.Database;
import jp.sesakudesk.storage.DatabaseUnavailableException;
import jp.sesakudesk.workspace.Workspace;

/**
 * {@code merge}: returned forms into their edition. Prints per file the department, year and changes
 * (old and new text), refusals, conflicts and problems; then applies the changes that need no
 * decision in one transaction, unless {@code --dry-run}. Conflicts are left for the desktop
 * application's merge view, where they can be decided one by one.
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Merge returned forms (files or folders of .xlsx) into the edition they were made for.")
final class MergeCommand implements Callable<Integer> {

    private static final int TEXT_WIDTH = 160;

    @Mixin
    Cli.Common common;

    @Option(names = "--dry-run", description = "Only print what would change.")
    boolean dryRun;

    @Parameters(paramLabel = "FILE_OR_DIR", arity = "1..*", description = "Returned forms, or folders of them.")
    List<Path> paths;

    @Override
    public Integer call() throws Exception {
        List<Path> files = FormMerge.expand(paths);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no .xlsx file in " + paths);
        }
        CompletableFuture<ReturnedForm> firstForm = new CompletableFuture<>();
        FormReading reading = new FormReading(files, firstForm::complete);
        FutureTask<Opened> opening = new FutureTask<>(() -> openAndBackUp(firstForm, reading));
        Thread opener = new Thread(opening, "workspace-opening");
        opener.setDaemon(true);
        opener.start();
        FormMerge.ReadForms read;
        try {
            reading.takePart();
            firstForm.complete(null);
            read = reading.result();
        } catch (RuntimeException e) {
            firstForm.complete(null);
            closeWhenOpened(opening);
            throw e;
        }
        Opened opened = opened(opening);
        try (Workspace workspace = opened.workspace()) {
            return merge(workspace, FormMerge.preview(workspace, read, opened.edition()), opened.backup());
        }
    }

    /**
     * The workspace, the backup the merge will be applied after (none for a dry run) and the edition
     * of the first form read (null when there is none).
     */
    private record Opened(Workspace workspace, Database.Backup backup, Edition edition) {
    }

    /**
     * Opens the workspace, backs it up unless this is a dry run, and reads the edition the first form
     * read is for, all while the forms are being read; then helps read the forms left.
     */
    private Opened openAndBackUp(CompletableFuture<ReturnedForm> firstForm, FormReading reading)
            throws DatabaseUnavailableException {
        Workspace workspace = common.open();
        try {
            Database.Backup backup = dryRun ? null : FormMerge.backup(workspace);
            ReturnedForm form = firstForm.join();
            Edition edition = form == null ? null : FormMerge.editionOf(workspace, form);
            reading.takePart();
            return new Opened(workspace, backup, edition);
        } catch (RuntimeException e) {
            workspace.close();
            throw e;
        }
    }

    private static Opened opened(FutureTask<Opened> opening) throws Exception {
        try {
            return opening.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private static void closeWhenOpened(FutureTask<Opened> opening) {
        try {
            opening.get().workspace().close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | RuntimeException ignored) {
            // nothing was opened, or the reason is reported by the caller
        }
    }

    private int merge(Workspace workspace, MergePreview preview, Database.Backup backup) throws IOException {
        StringWriter report = new StringWriter();
        print(preview, new PrintWriter(report));
        System.out.print(report); // in one write, not a flush per line: the report has thousands of lines
        Set<Integer> accepted = preview.changes().stream().filter(FieldChange::acceptedByDefault)
                .map(FieldChange::id).collect(Collectors.toSet());
        long notApplied = preview.changes().stream().filter(c -> !c.acceptedByDefault()
                && c.status() != MergePreview.Status.DUPLICATE).count();
        if (dryRun || preview.plan() == null) {
            if (backup != null) {
                Files.deleteIfExists(backup.zip()); // nothing to apply: a backup is not needed
            }
            System.out.printf("Dry run: %d changes would be applied, %d need a decision or are invalid,"
                    + " %d files refused. Nothing was changed.%n", accepted.size(), notApplied,
                    preview.refusedFiles());
        } else {
            FormMerge.Result result = FormMerge.apply(workspace, preview, accepted, backup);
            System.out.printf("Merged %d forms: %d fields of %d measures changed. Backup: %s%n",
                    result.submissions().size(), result.fieldsChanged(), result.measuresChanged(),
                    result.backup());
        }
        if (preview.refusedFiles() > 0 || notApplied > 0) {
            System.err.printf("sesaku-desk: merge: %d files refused, %d changes not applied"
                    + " (conflicts or invalid text); see the report above%n", preview.refusedFiles(), notApplied);
            return Cli.FAILED;
        }
        return 0;
    }

    static void print(MergePreview preview, PrintWriter out) {
        Map<FileReport, List<FieldChange>> byFile = new IdentityHashMap<>();
        preview.changes().forEach(c -> byFile.computeIfAbsent(c.source(), f -> new ArrayList<>()).add(c));
        for (FileReport file : preview.files()) {
            if (file.refused()) {
                out.println("REFUSED " + file.errorText());
                continue;
            }
            out.printf("%s: %s, %s, %d measures%n", file.fileName(), file.department(),
                    jp.sesakudesk.domain.FiscalYear.of(file.form().fiscalYear()).labelWithWesternYear(),
                    file.form().measures().size());
            file.warnings().forEach(w -> out.println("  warning: " + w.english()));
            file.problems().forEach(p -> out.println("  problem: " + p.english()));
            for (FieldChange change : byFile.getOrDefault(file, List.of())) {
                out.println("  " + change.measureId() + " " + change.measureName() + " [" + change.field() + "] "
                        + change.status() + (change.reason() == null ? "" : ": " + change.reason().english()));
                out.println("    old: " + oneLine(change.oldText()));
                out.println("    new: " + oneLine(change.newText()));
            }
        }
    }

    private static String oneLine(String text) {
        if (text == null) {
            return "(empty)";
        }
        String line = text.replace("\n", " ⏎ ");
        return line.length() > TEXT_WIDTH ? line.substring(0, TEXT_WIDTH) + "…" : line;
    }
}
