package jp.sesakudesk.storage;

import static jp.sesakudesk.storage.schema.Tables.CATEGORY;
import static jp.sesakudesk.storage.schema.Tables.CHANGE_RECORD;
import static jp.sesakudesk.storage.schema.Tables.DEPARTMENT;
import static jp.sesakudesk.storage.schema.Tables.EDITION;
import static jp.sesakudesk.storage.schema.Tables.FORM_EXPORT;
import static jp.sesakudesk.storage.schema.Tables.LISTING;
import static jp.sesakudesk.storage.schema.Tables.MEASURE;
import static jp.sesakudesk.storage.schema.Tables.MEASURE_DEPARTMENT;
import static jp.sesakudesk.storage.schema.Tables.MEASURE_NOTE;
import static jp.sesakudesk.storage.schema.Tables.MEASURE_TEXT;
import static jp.sesakudesk.storage.schema.Tables.PILLAR;
import static jp.sesakudesk.storage.schema.Tables.PLAN;
import static jp.sesakudesk.storage.schema.Tables.SCHEDULE_ROW;
import static jp.sesakudesk.storage.schema.Tables.SUBMISSION;

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

import org.jooq.DSLContext;
import org.jooq.TableRecord;
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
import jp.sesakudesk.storage.schema.tables.records.ChangeRecordRecord;
import jp.sesakudesk.storage.schema.tables.records.ListingRecord;
import jp.sesakudesk.storage.schema.tables.records.MeasureDepartmentRecord;
import jp.sesakudesk.storage.schema.tables.records.MeasureNoteRecord;
import jp.sesakudesk.storage.schema.tables.records.MeasureRecord;
import jp.sesakudesk.storage.schema.tables.records.MeasureTextRecord;
import jp.sesakudesk.storage.schema.tables.records.ScheduleRowRecord;

/**
 * Reads and writes plans, their editions and the change history. Every write is one transaction:
 * it happens completely or not at all.
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
        database.dsl().transaction(tx -> {
            DSLContext db = tx.dsl();
            EditionReader reader = reader(db);
            long planId = planIdCreating(db, edition.plan());
            Optional<Long> existing = reader.editionId(edition.plan(), edition.fiscalYear());
            Map<String, MeasureContent> before = existing.map(id -> reader.measures(id, null)).orElse(Map.of());
            long editionId = existing.orElseGet(() -> insertEdition(db, planId, edition.fiscalYear()));
            existing.ifPresent(id -> clearEdition(db, id));
            DepartmentStore.Resolver resolver = new DepartmentStore.Resolver(db);
            writeMeasures(db, planId, editionId, edition.measures(), resolver);
            writeStructure(db, editionId, edition.pillars());
            List<ChangeRecordRecord> changes = new ArrayList<>();
            Instant now = Instant.now();
            before.forEach((id, old) -> {
                MeasureContent after = edition.measures().get(id);
                if (after != null) {
                    changes.addAll(changeRecords(editionId, MeasureUpdate.from(id, old, after, source), old,
                            resolver.canonical(after), now));
                }
            });
            Batches.insert(db, changes);
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
     * either every update is stored with its change records, or none is.
     *
     * @return the stored content per measure id
     * @throws StaleEditException when any measure was changed since its update's base was read
     */
    public Map<String, MeasureContent> saveMeasures(String plan, FiscalYear fiscalYear, List<MeasureUpdate> updates,
                                                    List<Submission> submissions) {
        return database.dsl().transactionResult(tx -> {
            DSLContext db = tx.dsl();
            EditionReader reader = reader(db);
            long editionId = reader.editionId(plan, fiscalYear)
                    .orElseThrow(() -> new IllegalArgumentException("no edition " + plan + " " + fiscalYear));
            Map<String, MeasureContent> stored = reader.measures(editionId, null);
            DepartmentStore.Resolver resolver = new DepartmentStore.Resolver(db);
            Map<String, MeasureContent> result = new LinkedHashMap<>();
            List<TableRecord<?>> parts = new ArrayList<>();
            List<ChangeRecordRecord> changes = new ArrayList<>();
            Map<String, MeasureContent> rewritten = new LinkedHashMap<>();
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
                List<ChangeRecordRecord> changed = changeRecords(editionId, update, current, canonical, now);
                result.put(update.measureId(), changed.isEmpty() ? current : canonical);
                if (!changed.isEmpty()) {
                    rewritten.put(update.measureId(), canonical);
                    addMeasureParts(parts, editionId, update.measureId(), canonical, resolver);
                    changes.addAll(changed);
                }
            }
            rewriteMeasures(db, editionId, rewritten);
            Batches.insert(db, parts);
            Batches.insert(db, changes);
            insertSubmissions(db, editionId, submissions, resolver);
            return result;
        });
    }

    /** Replaces the stored text of the measures; their departments, rows and notes are re-inserted after. */
    private static void rewriteMeasures(DSLContext db, long editionId, Map<String, MeasureContent> measures) {
        if (measures.isEmpty()) {
            return;
        }
        for (var table : List.of(MEASURE_DEPARTMENT, SCHEDULE_ROW, MEASURE_NOTE)) {
            db.deleteFrom(table).where(table.field("EDITION_ID", Long.class).eq(editionId),
                    table.field("MEASURE_ID", String.class).in(measures.keySet())).execute();
        }
        var update = db.batch(db.update(MEASURE_TEXT)
                .set(MEASURE_TEXT.NAME, (String) null)
                .set(MEASURE_TEXT.DESCRIPTION, (String) null)
                .set(MEASURE_TEXT.STATUS, (String) null)
                .set(MEASURE_TEXT.PLANS, (String) null)
                .set(MEASURE_TEXT.IS_NEW, (Boolean) null)
                .set(MEASURE_TEXT.REVISION, MEASURE_TEXT.REVISION.plus(DSL.inline(1)))
                .where(MEASURE_TEXT.EDITION_ID.eq((Long) null), MEASURE_TEXT.MEASURE_ID.eq((String) null)));
        measures.forEach((id, m) -> update.bind(m.name(), m.description(), m.status(), m.plans(), m.isNew(),
                editionId, id));
        update.execute();
    }

    private static void insertSubmissions(DSLContext db, long editionId, List<Submission> submissions,
                                          DepartmentStore.Resolver resolver) {
        for (Submission s : submissions) {
            db.insertInto(SUBMISSION, SUBMISSION.EDITION_ID, SUBMISSION.DEPARTMENT_ID, SUBMISSION.FORM_ID,
                            SUBMISSION.FILE_NAME, SUBMISSION.SHA256, SUBMISSION.EXPORTED_AT, SUBMISSION.MERGED_AT,
                            SUBMISSION.CHANGES)
                    .values(editionId, resolver.idOf(s.department()), s.formId(), s.fileName(), s.sha256(),
                            local(s.exportedAt()), local(s.mergedAt()), s.changes())
                    .execute();
        }
    }

    /** Records forms handed out for an edition: department, form identity, file name, time. */
    public void recordFormExports(String plan, FiscalYear fiscalYear, List<FormExport> exports) {
        database.dsl().transaction(tx -> {
            DSLContext db = tx.dsl();
            long editionId = reader(db).editionId(plan, fiscalYear)
                    .orElseThrow(() -> new IllegalArgumentException("no edition " + plan + " " + fiscalYear));
            DepartmentStore.Resolver resolver = new DepartmentStore.Resolver(db);
            for (FormExport e : exports) {
                db.insertInto(FORM_EXPORT, FORM_EXPORT.EDITION_ID, FORM_EXPORT.DEPARTMENT_ID, FORM_EXPORT.FORM_ID,
                                FORM_EXPORT.FILE_NAME, FORM_EXPORT.EXPORTED_AT)
                        .values(editionId, resolver.idOf(e.department()), e.formId(), e.fileName(),
                                local(e.exportedAt()))
                        .execute();
            }
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
        return database.dsl().select(SUBMISSION.asterisk(), department)
                .from(SUBMISSION).join(DEPARTMENT).on(DEPARTMENT.ID.eq(SUBMISSION.DEPARTMENT_ID))
                .where(SUBMISSION.EDITION_ID.eq(editionId.get()))
                .orderBy(SUBMISSION.MERGED_AT.desc(), SUBMISSION.ID.desc())
                .fetch(r -> new Submission(r.get(department), r.get(SUBMISSION.FORM_ID), r.get(SUBMISSION.FILE_NAME),
                        r.get(SUBMISSION.SHA256), instant(r.get(SUBMISSION.EXPORTED_AT)),
                        instant(r.get(SUBMISSION.MERGED_AT)), r.get(SUBMISSION.CHANGES)));
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
        database.dsl().select(DSL.concat(DEPARTMENT.BUREAU, DEPARTMENT.SECTION), DSL.max(FORM_EXPORT.EXPORTED_AT))
                .from(FORM_EXPORT).join(DEPARTMENT).on(DEPARTMENT.ID.eq(FORM_EXPORT.DEPARTMENT_ID))
                .where(FORM_EXPORT.EDITION_ID.eq(editionId)).groupBy(DEPARTMENT.BUREAU, DEPARTMENT.SECTION)
                .forEach(r -> exported.put(r.value1(), instant(r.value2())));
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
        return database.dsl().selectFrom(CHANGE_RECORD)
                .where(CHANGE_RECORD.EDITION_ID.eq(editionId.get()), CHANGE_RECORD.MEASURE_ID.eq(measureId))
                .orderBy(CHANGE_RECORD.CHANGED_AT.desc(), CHANGE_RECORD.ID.desc())
                .fetch(r -> new ChangeRecord(
                        r.getChangedAt().atZone(ZoneId.systemDefault()).toInstant(),
                        r.getMeasureId(),
                        MeasureField.valueOf(r.getField()),
                        r.getOldValue(),
                        r.getNewValue(),
                        new ChangeSource(ChangeSource.Kind.valueOf(r.getSourceKind()), r.getSourceDetail())));
    }

    /** A reader on the connection of the transaction that {@code db} runs in. */
    private static EditionReader reader(DSLContext db) {
        return new EditionReader(db.configuration().connectionProvider().acquire());
    }

    // --- writing ---------------------------------------------------------------------------------

    private static long planIdCreating(DSLContext db, String plan) {
        return db.select(PLAN.ID).from(PLAN).where(PLAN.NAME.eq(plan)).fetchOptional(PLAN.ID)
                .orElseGet(() -> db.insertInto(PLAN, PLAN.NAME).values(plan).returning(PLAN.ID).fetchOne().getId());
    }

    private static long insertEdition(DSLContext db, long planId, FiscalYear fiscalYear) {
        return db.insertInto(EDITION, EDITION.PLAN_ID, EDITION.FISCAL_YEAR, EDITION.CREATED_AT)
                .values(planId, fiscalYear.startYear(), LocalDateTime.now())
                .returning(EDITION.ID).fetchOne().getId();
    }

    private static void clearEdition(DSLContext db, long editionId) {
        db.deleteFrom(PILLAR).where(PILLAR.EDITION_ID.eq(editionId)).execute();
        db.deleteFrom(MEASURE_TEXT).where(MEASURE_TEXT.EDITION_ID.eq(editionId)).execute();
    }

    private static void writeMeasures(DSLContext db, long planId, long editionId,
                                      Map<String, MeasureContent> measures, DepartmentStore.Resolver resolver) {
        Map<String, Long> owners = new HashMap<>();
        db.select(MEASURE.ID, MEASURE.PLAN_ID).from(MEASURE).where(MEASURE.ID.in(measures.keySet()))
                .forEach(r -> owners.put(r.value1(), r.value2()));
        List<TableRecord<?>> identities = new ArrayList<>();
        List<TableRecord<?>> texts = new ArrayList<>();
        List<TableRecord<?>> parts = new ArrayList<>();
        measures.forEach((id, content) -> {
            Long owner = owners.get(id);
            if (owner == null) {
                identities.add(new MeasureRecord(id, planId));
            } else if (owner != planId) {
                throw new IllegalArgumentException("measure id " + id + " belongs to another plan");
            }
            MeasureContent canonical = resolver.canonical(content);
            texts.add(new MeasureTextRecord(editionId, id, canonical.name(), canonical.description(),
                    canonical.status(), canonical.plans(), canonical.isNew(), 1));
            addMeasureParts(parts, editionId, id, canonical, resolver);
        });
        Batches.insert(db, identities);
        Batches.insert(db, texts);
        Batches.insert(db, parts);
    }

    private static void addMeasureParts(List<TableRecord<?>> parts, long editionId, String measureId,
                                        MeasureContent content, DepartmentStore.Resolver resolver) {
        int position = 0;
        for (String department : content.departments()) {
            MeasureDepartmentRecord r = new MeasureDepartmentRecord(editionId, measureId, position++,
                    resolver.idOf(department));
            parts.add(r);
        }
        position = 0;
        for (ScheduleRow row : content.schedule()) {
            FiscalYear to = row.years().to();
            parts.add(new ScheduleRowRecord(editionId, measureId, position++, row.years().from().startYear(),
                    to == null ? null : to.startYear(), row.activity()));
        }
        position = 0;
        for (String note : content.notes()) {
            parts.add(new MeasureNoteRecord(editionId, measureId, position++, note));
        }
    }


    private static void writeStructure(DSLContext db, long editionId, List<Pillar> pillars) {
        List<TableRecord<?>> listings = new ArrayList<>();
        for (Pillar pillar : pillars) {
            long pillarId = db.insertInto(PILLAR, PILLAR.EDITION_ID, PILLAR.NO, PILLAR.TITLE)
                    .values(editionId, pillar.no(), pillar.title()).returning(PILLAR.ID).fetchOne().getId();
            for (Category category : pillar.categories()) {
                long categoryId = db.insertInto(CATEGORY, CATEGORY.PILLAR_ID, CATEGORY.NO, CATEGORY.TITLE)
                        .values(pillarId, category.no(), category.title()).returning(CATEGORY.ID).fetchOne().getId();
                int position = 0;
                for (Listing listing : category.listings()) {
                    ListingRecord r = db.newRecord(LISTING);
                    r.setCategoryId(categoryId);
                    r.setPosition(position++);
                    r.setNo(listing.no());
                    r.setEditionId(editionId);
                    r.setMeasureId(listing.measureId());
                    r.setRelisted(listing.relisted());
                    listings.add(r);
                }
            }
        }
        Batches.insert(db, listings);
    }

    private static List<ChangeRecordRecord> changeRecords(long editionId, MeasureUpdate update, MeasureContent before,
                                                          MeasureContent after, Instant at) {
        List<ChangeRecordRecord> records = new ArrayList<>();
        LocalDateTime when = local(at);
        for (MeasureField field : MeasureField.values()) {
            String oldValue = field.render(before);
            String newValue = field.render(after);
            if (!Objects.equals(oldValue, newValue)) {
                ChangeSource source = update.sourceOf(field);
                ChangeRecordRecord r = new ChangeRecordRecord();
                r.setEditionId(editionId);
                r.setMeasureId(update.measureId());
                r.setField(field.name());
                r.setOldValue(oldValue);
                r.setNewValue(newValue);
                r.setChangedAt(when);
                r.setSourceKind(source.kind().name());
                r.setSourceDetail(source.detail());
                records.add(r);
            }
        }
        return records;
    }
}
