package jp.sesakudesk.storage;

import static jp.sesakudesk.storage.schema.Tables.CHANGE_RECORD;
import static jp.sesakudesk.storage.schema.Tables.DEPARTMENT;
import static jp.sesakudesk.storage.schema.Tables.FORM_EXPORT;
import static jp.sesakudesk.storage.schema.Tables.SUBMISSION;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jooq.impl.DSL;

import jp.sesakudesk.domain.Category;
import jp.sesakudesk.domain.ChangeRecord;
import jp.sesakudesk.domain.ChangeSource;
import jp.sesakudesk.domain.DepartmentProgress;
import jp.sesakudesk.domain.Edition;
import jp.sesakudesk.domain.FiscalYear;
import jp.sesakudesk.domain.Listing;
import jp.sesakudesk.domain.MeasureContent;
import jp.sesakudesk.domain.MeasureField;
import jp.sesakudesk.domain.Pillar;
import jp.sesakudesk.domain.ScheduleRow;
import jp.sesakudesk.domain.Submission;

/**
 * Reads and writes plans, their editions and the change history. Every write is one transaction:
 * it happens completely or not at all. Editions are read and every write is made with plain JDBC
 * (see {@link EditionReader}); the submissions, progress and history views are queried with jOOQ.
 */
public final class PlanStore {

    private final Database database;
    private final DepartmentStore departments;

    public PlanStore(Database database) {
        this.database = database;
        this.departments = new DepartmentStore(database);
    }

    public DepartmentStore departments() {
        return departments;
    }

    /** The names of all plans, oldest first. */
    public List<String> plans() {
        return database.read(EditionReader::plans);
    }

    /** The fiscal years that have an edition of the plan, oldest first. */
    public List<FiscalYear> fiscalYears(String plan) {
        return database.read(reader -> reader.fiscalYears(plan));
    }

    /** The edition of the plan for the fiscal year, if there is one. */
    public Optional<Edition> edition(String plan, FiscalYear fiscalYear) {
        return database.read(reader -> reader.editionId(plan, fiscalYear)
                .map(id -> reader.edition(id, plan, fiscalYear)));
    }

    /**
     * Stores the edition as new, or in place of the plan's edition of the same year. Replacing keeps
     * the change history and records every field that differs, with the given source.
     */
    public void saveEdition(Edition edition, ChangeSource source) {
        database.write(connection -> {
            EditionReader reader = new EditionReader(connection);
            long planId = planIdCreating(connection, edition.plan());
            Optional<Long> existing = reader.editionId(edition.plan(), edition.fiscalYear());
            Map<String, MeasureContent> before = existing.map(id -> reader.measures(id, null)).orElse(Map.of());
            long editionId = existing.isPresent() ? existing.get()
                    : insertEdition(connection, planId, edition.fiscalYear());
            if (existing.isPresent()) {
                clearEdition(connection, editionId);
            }
            DepartmentStore.Resolver resolver = new DepartmentStore.Resolver(connection);
            writeMeasures(connection, planId, editionId, edition.measures(), resolver);
            writeStructure(connection, editionId, edition.pillars());
            Batches changes = new Batches();
            Instant now = Instant.now();
            before.forEach((id, old) -> {
                MeasureContent after = edition.measures().get(id);
                if (after != null) {
                    addChangeRecords(changes, editionId, MeasureUpdate.from(id, old, after, source), old,
                            resolver.canonical(after), now);
                }
            });
            changes.run(connection);
            return null;
        });
    }

    /**
     * Saves edited content of one measure, recording each changed field. Refuses when the stored
     * content is no longer the content the edit started from, so no one's change is overwritten.
     *
     * @return the content as stored, with department names in their current spelling
     * @throws StaleEditException when the measure was changed since {@code base} was read
     */
    public MeasureContent saveMeasure(String plan, FiscalYear fiscalYear, String measureId,
                                      MeasureContent base, MeasureContent edited, ChangeSource source) {
        return saveMeasures(plan, fiscalYear, List.of(MeasureUpdate.from(measureId, base, edited, source)), List.of())
                .get(measureId);
    }

    /**
     * Saves several measures and records the submissions they came from, all in one transaction:
     * either every update is stored with its change records, or none is. Only the parts of a
     * measure that changed are rewritten.
     *
     * @return the stored content per measure id
     * @throws StaleEditException when any measure was changed since its update's base was read
     */
    public Map<String, MeasureContent> saveMeasures(String plan, FiscalYear fiscalYear, List<MeasureUpdate> updates,
                                                    List<Submission> submissions) {
        return database.write(connection -> {
            EditionReader reader = new EditionReader(connection);
            long editionId = reader.editionId(plan, fiscalYear)
                    .orElseThrow(() -> new IllegalArgumentException("no edition " + plan + " " + fiscalYear));
            Map<String, MeasureContent> stored = reader.measures(editionId, null);
            DepartmentStore.Resolver resolver = new DepartmentStore.Resolver(connection);
            Map<String, MeasureContent> result = new LinkedHashMap<>();
            Batches rewrites = new Batches();
            Batches changes = new Batches();
            Instant now = Instant.now();
            for (MeasureUpdate update : updates) {
                MeasureContent current = stored.get(update.measureId());
                if (current == null) {
                    throw new IllegalArgumentException("no measure " + update.measureId() + " in " + fiscalYear);
                }
                if (!current.equals(update.base())) {
                    throw new StaleEditException(update.measureId());
                }
                MeasureContent canonical = resolver.canonical(update.updated());
                boolean changed = addChangeRecords(changes, editionId, update, current, canonical, now);
                result.put(update.measureId(), changed ? canonical : current);
                if (changed) {
                    addRewrite(rewrites, editionId, update.measureId(), current, canonical, resolver);
                }
            }
            rewrites.run(connection);
            changes.run(connection);
            insertSubmissions(connection, editionId, submissions, resolver);
            return result;
        });
    }

    private static final String UPDATE_TEXT = "UPDATE measure_text SET name = ?, description = ?, status = ?,"
            + " plans = ?, is_new = ?, revision = revision + 1 WHERE edition_id = ? AND measure_id = ?";
    private static final String DELETE_DEPARTMENTS =
            "DELETE FROM measure_department WHERE edition_id = ? AND measure_id = ?";
    private static final String DELETE_SCHEDULE = "DELETE FROM schedule_row WHERE edition_id = ? AND measure_id = ?";
    private static final String DELETE_NOTES = "DELETE FROM measure_note WHERE edition_id = ? AND measure_id = ?";
    private static final String INSERT_DEPARTMENT =
            "INSERT INTO measure_department (edition_id, measure_id, position, department_id) VALUES (?, ?, ?, ?)";
    private static final String INSERT_SCHEDULE_ROW = "INSERT INTO schedule_row (edition_id, measure_id, position,"
            + " from_year, to_year, activity) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String INSERT_NOTE =
            "INSERT INTO measure_note (edition_id, measure_id, position, text) VALUES (?, ?, ?, ?)";
    private static final String INSERT_CHANGE = "INSERT INTO change_record (edition_id, measure_id, field, old_value,"
            + " new_value, changed_at, source_kind, source_detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_SUBMISSION = "INSERT INTO submission (edition_id, department_id, form_id,"
            + " file_name, sha256, exported_at, merged_at, changes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    /** Rewrites a measure's text, and its departments, schedule rows and notes where they differ. */
    private static void addRewrite(Batches batches, long editionId, String measureId, MeasureContent current,
                                   MeasureContent updated, DepartmentStore.Resolver resolver) throws SQLException {
        batches.add(UPDATE_TEXT, updated.name(), updated.description(), updated.status(), updated.plans(),
                updated.isNew(), editionId, measureId);
        if (!updated.departments().equals(current.departments())) {
            batches.add(DELETE_DEPARTMENTS, editionId, measureId);
            addDepartments(batches, editionId, measureId, updated, resolver);
        }
        if (!updated.schedule().equals(current.schedule())) {
            batches.add(DELETE_SCHEDULE, editionId, measureId);
            addSchedule(batches, editionId, measureId, updated);
        }
        if (!updated.notes().equals(current.notes())) {
            batches.add(DELETE_NOTES, editionId, measureId);
            addNotes(batches, editionId, measureId, updated);
        }
    }

    private static void insertSubmissions(Connection connection, long editionId, List<Submission> submissions,
                                          DepartmentStore.Resolver resolver) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        for (Submission s : submissions) {
            rows.add(new Object[] {editionId, resolver.idOf(s.department()), s.formId(), s.fileName(), s.sha256(),
                local(s.exportedAt()), local(s.mergedAt()), s.changes()});
        }
        Batches.run(connection, INSERT_SUBMISSION, rows);
    }

    /** Records forms handed out for an edition: department, form identity, file name, time. */
    public void recordFormExports(String plan, FiscalYear fiscalYear, List<FormExport> exports) {
        database.write(connection -> {
            long editionId = new EditionReader(connection).editionId(plan, fiscalYear)
                    .orElseThrow(() -> new IllegalArgumentException("no edition " + plan + " " + fiscalYear));
            DepartmentStore.Resolver resolver = new DepartmentStore.Resolver(connection);
            List<Object[]> rows = new ArrayList<>();
            for (FormExport e : exports) {
                rows.add(new Object[] {editionId, resolver.idOf(e.department()), e.formId(), e.fileName(),
                    local(e.exportedAt())});
            }
            Batches.run(connection, "INSERT INTO form_export (edition_id, department_id, form_id, file_name,"
                    + " exported_at) VALUES (?, ?, ?, ?, ?)", rows);
            return null;
        });
    }

    /** A form handed out: the department it is for, its identity, file name and export time. */
    public record FormExport(String department, String formId, String fileName, Instant exportedAt) {
    }

    /** The submissions merged into an edition, newest first. */
    public List<Submission> submissions(String plan, FiscalYear fiscalYear) {
        Optional<Long> editionId = database.read(reader -> reader.editionId(plan, fiscalYear));
        if (editionId.isEmpty()) {
            return List.of();
        }
        var department = DSL.concat(DEPARTMENT.BUREAU, DEPARTMENT.SECTION).as("department");
        return database.query(db -> db.select(SUBMISSION.asterisk(), department)
                .from(SUBMISSION).join(DEPARTMENT).on(DEPARTMENT.ID.eq(SUBMISSION.DEPARTMENT_ID))
                .where(SUBMISSION.EDITION_ID.eq(editionId.get()))
                .orderBy(SUBMISSION.MERGED_AT.desc(), SUBMISSION.ID.desc())
                .fetch(r -> new Submission(r.get(department), r.get(SUBMISSION.FORM_ID), r.get(SUBMISSION.FILE_NAME),
                        r.get(SUBMISSION.SHA256), instant(r.get(SUBMISSION.EXPORTED_AT)),
                        instant(r.get(SUBMISSION.MERGED_AT)), r.get(SUBMISSION.CHANGES))));
    }

    /** Per department of the edition's measures: exported, returned and merged, or missing. */
    public List<DepartmentProgress> progress(String plan, FiscalYear fiscalYear) {
        Optional<Edition> edition = edition(plan, fiscalYear);
        if (edition.isEmpty()) {
            return List.of();
        }
        long editionId = database.read(reader -> reader.editionId(plan, fiscalYear)).orElseThrow();
        Map<String, Integer> measures = new java.util.TreeMap<>();
        edition.get().measures().values()
                .forEach(m -> m.departments().forEach(d -> measures.merge(d, 1, Integer::sum)));
        Map<String, Instant> exported = new HashMap<>();
        database.query(db -> db.select(DSL.concat(DEPARTMENT.BUREAU, DEPARTMENT.SECTION),
                        DSL.max(FORM_EXPORT.EXPORTED_AT))
                .from(FORM_EXPORT).join(DEPARTMENT).on(DEPARTMENT.ID.eq(FORM_EXPORT.DEPARTMENT_ID))
                .where(FORM_EXPORT.EDITION_ID.eq(editionId)).groupBy(DEPARTMENT.BUREAU, DEPARTMENT.SECTION)
                .fetch()).forEach(r -> exported.put(r.value1(), instant(r.value2())));
        Map<String, Instant> merged = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        for (Submission s : submissions(plan, fiscalYear)) {
            merged.merge(s.department(), s.mergedAt(), (a, b) -> a.isAfter(b) ? a : b);
            counts.merge(s.department(), 1, Integer::sum);
        }
        return measures.entrySet().stream().map(e -> new DepartmentProgress(e.getKey(), e.getValue(),
                exported.get(e.getKey()), merged.get(e.getKey()), counts.getOrDefault(e.getKey(), 0))).toList();
    }

    private static LocalDateTime local(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneId.systemDefault());
    }

    private static Instant instant(LocalDateTime time) {
        return time == null ? null : time.atZone(ZoneId.systemDefault()).toInstant();
    }

    /** The change history of a measure in an edition, newest first. */
    public List<ChangeRecord> history(String plan, FiscalYear fiscalYear, String measureId) {
        Optional<Long> editionId = database.read(reader -> reader.editionId(plan, fiscalYear));
        if (editionId.isEmpty()) {
            return List.of();
        }
        return database.query(db -> db.selectFrom(CHANGE_RECORD)
                .where(CHANGE_RECORD.EDITION_ID.eq(editionId.get()), CHANGE_RECORD.MEASURE_ID.eq(measureId))
                .orderBy(CHANGE_RECORD.CHANGED_AT.desc(), CHANGE_RECORD.ID.desc())
                .fetch(r -> new ChangeRecord(
                        r.getChangedAt().atZone(ZoneId.systemDefault()).toInstant(),
                        r.getMeasureId(),
                        MeasureField.valueOf(r.getField()),
                        r.getOldValue(),
                        r.getNewValue(),
                        new ChangeSource(ChangeSource.Kind.valueOf(r.getSourceKind()), r.getSourceDetail()))));
    }

    // --- writing ---------------------------------------------------------------------------------

    private static long planIdCreating(Connection connection, String plan) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM plan WHERE name = ?")) {
            select.setString(1, plan);
            try (ResultSet rs = select.executeQuery()) {
                if (rs.next()) {
                    return rs.getLong(1);
                }
            }
        }
        return insertReturningId(connection, "INSERT INTO plan (name) VALUES (?)", plan);
    }

    private static long insertEdition(Connection connection, long planId, FiscalYear fiscalYear) throws SQLException {
        return insertReturningId(connection, "INSERT INTO edition (plan_id, fiscal_year, created_at) VALUES (?, ?, ?)",
                planId, fiscalYear.startYear(), LocalDateTime.now());
    }

    private static long insertReturningId(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < values.length; i++) {
                insert.setObject(i + 1, values[i]);
            }
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static void clearEdition(Connection connection, long editionId) throws SQLException {
        for (String table : List.of("pillar", "measure_text")) {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM " + table + " WHERE edition_id = ?")) {
                delete.setLong(1, editionId);
                delete.executeUpdate();
            }
        }
    }

    private static void writeMeasures(Connection connection, long planId, long editionId,
                                      Map<String, MeasureContent> measures, DepartmentStore.Resolver resolver)
            throws SQLException {
        Map<String, Long> owners = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id, plan_id FROM measure");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                owners.put(rs.getString(1), rs.getLong(2));
            }
        }
        Batches batches = new Batches();
        for (Map.Entry<String, MeasureContent> entry : measures.entrySet()) {
            String id = entry.getKey();
            Long owner = owners.get(id);
            if (owner == null) {
                batches.add("INSERT INTO measure (id, plan_id) VALUES (?, ?)", id, planId);
            } else if (owner != planId) {
                throw new IllegalArgumentException("measure id " + id + " belongs to another plan");
            }
        }
        for (Map.Entry<String, MeasureContent> entry : measures.entrySet()) {
            MeasureContent c = resolver.canonical(entry.getValue());
            batches.add("INSERT INTO measure_text (edition_id, measure_id, name, description, status, plans, is_new,"
                    + " revision) VALUES (?, ?, ?, ?, ?, ?, ?, 1)", editionId, entry.getKey(), c.name(),
                    c.description(), c.status(), c.plans(), c.isNew());
        }
        for (Map.Entry<String, MeasureContent> entry : measures.entrySet()) {
            MeasureContent c = resolver.canonical(entry.getValue());
            addDepartments(batches, editionId, entry.getKey(), c, resolver);
            addSchedule(batches, editionId, entry.getKey(), c);
            addNotes(batches, editionId, entry.getKey(), c);
        }
        batches.run(connection);
    }

    private static void addDepartments(Batches batches, long editionId, String measureId, MeasureContent content,
                                       DepartmentStore.Resolver resolver) throws SQLException {
        int position = 0;
        for (String department : content.departments()) {
            batches.add(INSERT_DEPARTMENT, editionId, measureId, position++, resolver.idOf(department));
        }
    }

    private static void addSchedule(Batches batches, long editionId, String measureId, MeasureContent content) {
        int position = 0;
        for (ScheduleRow row : content.schedule()) {
            FiscalYear to = row.years().to();
            batches.add(INSERT_SCHEDULE_ROW, editionId, measureId, position++, row.years().from().startYear(),
                    to == null ? null : to.startYear(), row.activity());
        }
    }

    private static void addNotes(Batches batches, long editionId, String measureId, MeasureContent content) {
        int position = 0;
        for (String note : content.notes()) {
            batches.add(INSERT_NOTE, editionId, measureId, position++, note);
        }
    }

    private static void writeStructure(Connection connection, long editionId, List<Pillar> pillars)
            throws SQLException {
        Batches listings = new Batches();
        for (Pillar pillar : pillars) {
            long pillarId = insertReturningId(connection,
                    "INSERT INTO pillar (edition_id, no, title) VALUES (?, ?, ?)", editionId, pillar.no(),
                    pillar.title());
            for (Category category : pillar.categories()) {
                long categoryId = insertReturningId(connection,
                        "INSERT INTO category (pillar_id, no, title) VALUES (?, ?, ?)",
                        pillarId, category.no(), category.title());
                int position = 0;
                for (Listing listing : category.listings()) {
                    listings.add("INSERT INTO listing (category_id, position, no, edition_id, measure_id, relisted)"
                            + " VALUES (?, ?, ?, ?, ?, ?)", categoryId, position++, listing.no(), editionId,
                            listing.measureId(), listing.relisted());
                }
            }
        }
        listings.run(connection);
    }

    /** Adds a change record for every field that differs; false when none does. */
    private static boolean addChangeRecords(Batches batches, long editionId, MeasureUpdate update,
                                            MeasureContent before, MeasureContent after, Instant at) {
        boolean changed = false;
        LocalDateTime when = local(at);
        for (MeasureField field : MeasureField.values()) {
            String oldValue = field.render(before);
            String newValue = field.render(after);
            if (!Objects.equals(oldValue, newValue)) {
                ChangeSource source = update.sourceOf(field);
                batches.add(INSERT_CHANGE, editionId, update.measureId(), field.name(), oldValue, newValue, when,
                        source.kind().name(), source.detail());
                changed = true;
            }
        }
        return changed;
    }
}
