package jp.sesakudesk.exchange.form;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jp.sesakudesk.domain.ChangeSource;
import jp.sesakudesk.domain.Department;
import jp.sesakudesk.domain.Edition;
import jp.sesakudesk.domain.FiscalYear;
import jp.sesakudesk.domain.MeasureContent;
import jp.sesakudesk.domain.MeasureField;
import jp.sesakudesk.domain.MeasureRules;
import jp.sesakudesk.domain.Problem;
import jp.sesakudesk.domain.Submission;
import jp.sesakudesk.exchange.form.MergePreview.FieldChange;
import jp.sesakudesk.exchange.form.MergePreview.FileReport;
import jp.sesakudesk.exchange.form.MergePreview.Status;
import jp.sesakudesk.i18n.Message;
import jp.sesakudesk.storage.Database;
import jp.sesakudesk.storage.MeasureUpdate;
import jp.sesakudesk.workspace.Workspace;

/**
 * Merges returned department forms into the edition they were made for: first a preview that
 * reads every file and finds every change, conflict and problem, then one transaction that applies
 * the accepted changes after a backup of the database, recording where every value came from.
 */
public final class FormMerge {

    private static final Logger LOG = LoggerFactory.getLogger(FormMerge.class);
    private static final DateTimeFormatter BACKUP_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private FormMerge() {
    }

    /** The .xlsx files among the paths, a folder standing for the workbooks directly in it. */
    public static List<Path> expand(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> inFolder = Files.list(path)) {
                    inFolder.filter(Files::isRegularFile)
                            .filter(p -> !p.getFileName().toString().startsWith("~$"))
                            .filter(p -> p.getFileName().toString().matches("(?i).*\\.(xlsx|xlsm|xls|ods)$"))
                            .sorted().forEach(files::add);
                }
            } else {
                files.add(path);
            }
        }
        return files;
    }

    /**
     * Reads the files and works out what merging them would change. A file that cannot be taken is
     * reported as refused; the others are still previewed.
     */
    public static MergePreview preview(Workspace workspace, List<Path> files) {
        return preview(workspace, read(files));
    }

    /** Returned forms read from their files, not yet checked against a database. */
    public record ReadForms(List<FileReport> files) {
    }

    /**
     * Reads the files, on as many threads as there are processors; needs no database, so that it
     * can run while one is opened. A file that cannot be read is reported as refused.
     */
    public static ReadForms read(List<Path> files) {
        return read(files, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Reads the files as {@link #read(List)} does, on at most {@code threads} threads, the calling
     * one among them.
     */
    public static ReadForms read(List<Path> files, int threads) {
        FormReading reading = new FormReading(files, form -> { });
        for (int i = 1; i < Math.min(files.size(), threads); i++) {
            Thread reader = new Thread(reading::takePart, "form-reader");
            reader.setDaemon(true);
            reader.start();
        }
        reading.takePart();
        return reading.result();
    }

    /** Checks forms already read against the database and works out what merging them would change. */
    public static MergePreview preview(Workspace workspace, ReadForms read) {
        return preview(workspace, read, null);
    }

    /** The edition a form is for, or null when the database has none such. */
    public static Edition editionOf(Workspace workspace, ReturnedForm form) {
        return workspace.store().edition(form.plan(), FiscalYear.of(form.fiscalYear())).orElse(null);
    }

    /**
     * Previews as {@link #preview(Workspace, ReadForms)} does, taking the edition given when it is
     * the one the forms are for rather than reading it again.
     *
     * @param given an edition read from the database since it was last written, or null
     */
    public static MergePreview preview(Workspace workspace, ReadForms read, Edition given) {
        Known known = new Known(workspace);
        List<FileReport> reports = new ArrayList<>();
        for (FileReport report : read.files()) {
            reports.add(report.refused() ? report : checked(known, report));
        }
        FiscalYear year = reports.stream().filter(r -> !r.refused()).findFirst()
                .map(r -> FiscalYear.of(r.form().fiscalYear())).orElse(null);
        String plan = reports.stream().filter(r -> !r.refused()).findFirst().map(r -> r.form().plan()).orElse(null);
        if (year == null) {
            return new MergePreview(null, null, reports, List.of(), Map.of());
        }
        Edition edition = given != null && given.plan().equals(plan) && given.fiscalYear().equals(year) ? given
                : workspace.store().edition(plan, year).orElseThrow();
        List<FileReport> checked = new ArrayList<>();
        for (FileReport report : reports) {
            checked.add(report.refused() ? report : sameEdition(report, plan, year));
        }
        // Each file's changes are worked out on their own, on as many threads as the common pool has.
        List<List<FieldChange>> perFile = checked.parallelStream()
                .map(report -> report.refused() ? List.<FieldChange>of() : changesOf(report, edition)).toList();
        List<FieldChange> changes = new ArrayList<>();
        for (List<FieldChange> fileChanges : perFile) {
            for (FieldChange c : fileChanges) {
                changes.add(new FieldChange(changes.size(), c.source(), c.measureId(), c.measureName(), c.field(),
                        c.oldText(), c.newText(), c.proposed(), c.status(), c.reason()));
            }
        }
        changes = markCrossFileConflicts(changes);
        Map<String, MeasureContent> current = new LinkedHashMap<>();
        changes.forEach(c -> current.put(c.measureId(), edition.measure(c.measureId())));
        return new MergePreview(plan, year, checked, changes, current);
    }

    /** What the database holds that every file is checked against, read once per merge. */
    private static final class Known {
        private final Workspace workspace;
        private final List<String> plans;
        private final Map<String, String> departments = new HashMap<>();
        private final Map<String, List<FiscalYear>> years = new HashMap<>();

        Known(Workspace workspace) {
            this.workspace = workspace;
            this.plans = workspace.store().plans();
            for (Department department : workspace.store().departments().all()) {
                department.formerNames().forEach(former -> departments.put(former, department.fullName()));
                departments.put(department.fullName(), department.fullName());
            }
        }

        boolean hasEdition(String plan, FiscalYear year) {
            return plans.contains(plan)
                    && years.computeIfAbsent(plan, p -> workspace.store().fiscalYears(p)).contains(year);
        }

        /** The current name of a department named by its current or a former name, or null. */
        String department(String name) {
            return departments.get(name);
        }
    }

    static FileReport readFile(Path file, Consumer<ReturnedForm> whenRead) {
        try {
            ReturnedForm form = FormReader.read(file);
            whenRead.accept(form);
            List<Message> problems = form.measures().stream().flatMap(m -> m.problems().stream()).toList();
            return new FileReport(file, form.sha256(), form, null, null, form.warnings(), problems);
        } catch (FormException e) {
            return refused(file, e.reason());
        } catch (IOException e) {
            return refused(file, Message.of("form.unreadable", String.valueOf(e.getMessage())));
        }
    }

    /** A form as read, with its department's current name, or refused when the database cannot take it. */
    private static FileReport checked(Known known, FileReport read) {
        ReturnedForm form = read.form();
        return new FileReport(read.file(), read.sha256(), form, known.department(form.department()),
                refusal(known, form), read.warnings(), read.problems());
    }

    private static FileReport refused(Path file, Message error) {
        return new FileReport(file, null, null, null, error, List.of(), List.of());
    }

    /** Why a readable form cannot be merged into this database at all, or null. */
    private static Message refusal(Known known, ReturnedForm form) {
        if (!known.plans.contains(form.plan())) {
            return Message.of("merge.otherPlan", form.plan());
        }
        FiscalYear year = FiscalYear.of(form.fiscalYear());
        if (!known.hasEdition(form.plan(), year)) {
            return Message.of("merge.noEdition", year.labelWithWesternYear());
        }
        if (known.department(form.department()) == null) {
            return Message.of("merge.unknownDepartment", form.department());
        }
        return null;
    }

    private static FileReport sameEdition(FileReport report, String plan, FiscalYear year) {
        ReturnedForm form = report.form();
        if (form.plan().equals(plan) && form.fiscalYear() == year.startYear()) {
            return report;
        }
        Message error = Message.of("merge.otherEdition", form.plan(),
                FiscalYear.of(form.fiscalYear()).labelWithWesternYear(), plan, year.labelWithWesternYear());
        return new FileReport(report.file(), report.sha256(), form, report.department(), error,
                report.warnings(), report.problems());
    }

    // --- finding changes -------------------------------------------------------------------------

    /** The file's changes, numbered from 0 within the file. */
    private static List<FieldChange> changesOf(FileReport report, Edition edition) {
        List<FieldChange> changes = new ArrayList<>();
        for (ReturnedForm.Entry entry : report.form().measures()) {
            MeasureContent current = edition.measures().get(entry.measureId());
            if (current == null || !entry.problems().isEmpty()) {
                continue;
            }
            MeasureContent filled = current.withDescription(entry.description()).withSchedule(entry.schedule())
                    .withStatus(entry.status()).withPlans(entry.plans());
            boolean ownMeasure = current.departments().contains(report.department());
            List<Problem> problems = MeasureRules.check(filled);
            for (MeasureField field : FormFormat.INPUT_FIELDS) {
                String exported = entry.exported().get(field);
                String formText = field.render(filled);
                if (FormFormat.fingerprint(formText).equals(exported)) {
                    continue;
                }
                String storedText = field.render(current);
                if (Objects.equals(storedText, formText)) {
                    continue;
                }
                MeasureContent proposed = field.copy(filled, current);
                Status status = Status.OK;
                Message reason = null;
                List<Problem> fieldProblems = problems.stream().filter(p -> p.field() == field).toList();
                if (!ownMeasure) {
                    status = Status.INVALID;
                    reason = Message.of("merge.reason.notOwn", report.department());
                } else if (!fieldProblems.isEmpty()) {
                    status = Status.INVALID;
                    reason = new Message(fieldProblems.get(0).key(), fieldProblems.get(0).args());
                } else if (!FormFormat.fingerprint(storedText).equals(exported)) {
                    status = Status.CHANGED_SINCE_EXPORT;
                    reason = Message.of("merge.reason.changedSinceExport");
                }
                changes.add(new FieldChange(changes.size(), report, entry.measureId(), current.name(),
                        field, storedText, formText, proposed, status, reason));
            }
        }
        return changes;
    }

    /** Two files changing the same field: the same new text is a duplicate, a different one a conflict. */
    private static List<FieldChange> markCrossFileConflicts(List<FieldChange> changes) {
        Map<String, List<FieldChange>> byField = new HashMap<>();
        for (FieldChange change : changes) {
            if (change.status() != Status.INVALID) {
                byField.computeIfAbsent(change.measureId() + "/" + change.field(), k -> new ArrayList<>()).add(change);
            }
        }
        Map<Integer, FieldChange> marked = new HashMap<>();
        for (List<FieldChange> same : byField.values()) {
            if (same.size() < 2) {
                continue;
            }
            boolean agree = same.stream().map(FieldChange::newText).distinct().count() == 1;
            for (int i = 0; i < same.size(); i++) {
                FieldChange c = same.get(i);
                if (agree && i == 0) {
                    continue;
                }
                Status status = agree ? Status.DUPLICATE : Status.OTHER_FILE;
                String others = same.stream().filter(o -> o != c).map(o -> o.source().fileName())
                        .distinct().reduce((a, b) -> a + ", " + b).orElse("");
                Message reason = Message.of(agree ? "merge.reason.duplicate" : "merge.reason.otherFile", others);
                marked.put(c.id(), new FieldChange(c.id(), c.source(), c.measureId(), c.measureName(), c.field(),
                        c.oldText(), c.newText(), c.proposed(), status, reason));
            }
        }
        return changes.stream().map(c -> marked.getOrDefault(c.id(), c)).toList();
    }

    // --- applying --------------------------------------------------------------------------------

    /** What a merge applied. */
    public record Result(int fieldsChanged, int measuresChanged, List<Submission> submissions, Path backup) {
    }

    /**
     * Writes the backup that a merge is applied after into the data folder's {@code backups} folder.
     * Taken while the forms are being read it costs no time of its own; {@link #apply(Workspace,
     * MergePreview, Set, Database.Backup)} takes a new one if anything was written since.
     */
    public static Database.Backup backup(Workspace workspace) {
        return workspace.database().backup(workspace.folder().resolve("backups")
                .resolve("before-merge-" + LocalDateTime.now().format(BACKUP_TIME) + ".zip"));
    }

    /**
     * Applies the accepted changes in one transaction after writing a backup of the database into
     * the data folder's {@code backups} folder. At most one change per field may be accepted.
     *
     * @param accepted ids of the changes to apply
     * @throws IllegalArgumentException when two accepted changes touch the same field, or an invalid
     *                                  change is accepted
     */
    public static Result apply(Workspace workspace, MergePreview preview, Set<Integer> accepted) {
        return apply(workspace, preview, accepted, null);
    }

    /**
     * A new backup in place of one that no longer holds what the database holds (or none). The old
     * one goes first: taken within the same second, the new one has the same name.
     */
    private static Database.Backup replaced(Database.Backup stale, Workspace workspace) {
        if (stale != null) {
            try {
                Files.deleteIfExists(stale.zip());
            } catch (IOException e) {
                LOG.warn("cannot remove the outdated backup {}", stale.zip(), e);
            }
        }
        return backup(workspace);
    }

    /**
     * Applies the accepted changes as {@link #apply(Workspace, MergePreview, Set)} does, after the
     * backup given when it still holds what the database holds, else after a new one.
     *
     * @param backup a backup from {@link #backup(Workspace)}, or null
     */
    public static Result apply(Workspace workspace, MergePreview preview, Set<Integer> accepted,
                               Database.Backup backup) {
        Map<String, MeasureContent> updated = new LinkedHashMap<>();
        Map<String, Map<MeasureField, ChangeSource>> sources = new LinkedHashMap<>();
        Map<String, Integer> changesPerFile = new HashMap<>();
        int fields = 0;
        for (FieldChange change : preview.changes()) {
            if (!accepted.contains(change.id())) {
                continue;
            }
            if (!change.acceptable()) {
                throw new IllegalArgumentException("change " + change.id() + " cannot be applied: "
                        + change.reason().english());
            }
            Map<MeasureField, ChangeSource> measureSources =
                    sources.computeIfAbsent(change.measureId(), k -> new EnumMap<>(MeasureField.class));
            if (measureSources.containsKey(change.field())) {
                throw new IllegalArgumentException("two accepted changes for " + change.measureName() + " "
                        + change.field() + ": accept one of them");
            }
            String file = change.source().fileName();
            measureSources.put(change.field(), new ChangeSource(ChangeSource.Kind.MERGE,
                    file + " (SHA-256 " + change.source().sha256() + ")"));
            MeasureContent base = updated.getOrDefault(change.measureId(), preview.current().get(change.measureId()));
            updated.put(change.measureId(), change.field().copy(change.proposed(), base));
            changesPerFile.merge(file, 1, Integer::sum);
            fields++;
        }
        List<MeasureUpdate> updates = updated.entrySet().stream().map(e -> new MeasureUpdate(e.getKey(),
                preview.current().get(e.getKey()), e.getValue(), sources.get(e.getKey()))).toList();
        Instant now = Instant.now();
        List<Submission> submissions = preview.files().stream().filter(f -> !f.refused())
                .map(f -> new Submission(f.department(), f.form().formId(), f.fileName(), f.sha256(),
                        f.form().exportedAt(), now, changesPerFile.getOrDefault(f.fileName(), 0)))
                .toList();
        Database.Backup before = backup != null && workspace.database().isCurrent(backup) ? backup
                : replaced(backup, workspace);
        workspace.store().saveMeasures(preview.plan(), preview.fiscalYear(), updates, submissions);
        LOG.info("merged {} forms: {} fields of {} measures changed (backup {})", submissions.size(), fields,
                updates.size(), before.zip().getFileName());
        return new Result(fields, updates.size(), submissions, before.zip());
    }
}
