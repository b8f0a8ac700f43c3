package jp.sesakudesk.workspace;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jp.sesakudesk.domain.Category;
import jp.sesakudesk.domain.Department;
import jp.sesakudesk.domain.Edition;
import jp.sesakudesk.domain.FiscalYear;
import jp.sesakudesk.domain.FiscalYearRange;
import jp.sesakudesk.domain.Listing;
import jp.sesakudesk.domain.MeasureContent;
import jp.sesakudesk.domain.Pillar;
import jp.sesakudesk.domain.ScheduleRow;
import jp.sesakudesk.storage.Database;

/**
 * The plan as the desktop application last showed it, kept beside the database when the application
 * closes, so that the next start can draw the main window while the database is still opening.
 *
 * <p>A cache and nothing more: it is used only while the database file is exactly as it was when the
 * cache was written (same size and modification time), so a change by the command line, another copy
 * of the data folder or a crash makes it stale and it is ignored. The application still reads the
 * database and shows what it holds. Any file that cannot be read is ignored and removed.
 *
 * <p>The file is a small binary form of its own rather than the edition JSON of {@code dump}: it also
 * holds the previous edition, the departments and the years, and it is read before anything else is
 * loaded: in a cold JVM the FY2020 edition takes about 250 ms to read as JSON (Jackson's start-up)
 * and this whole file about 30 ms.</p>
 */
public final class SnapshotCache {

    /** The cache's file in the data folder. */
    public static final String FILE_NAME = "start-cache.bin";

    private static final int MAGIC = 0x53445343;
    private static final int FORMAT = 1;

    private SnapshotCache() {
    }

    /** The cached snapshot, when there is one and the database has not changed since it was written. */
    public static Optional<PlanSnapshot> read(Path folder) {
        Path file = folder.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != MAGIC || in.readInt() != FORMAT || !stamp(folder).equals(in.readUTF())) {
                return Optional.empty();
            }
            return Optional.of(new Reader(in).snapshot());
        } catch (IOException | RuntimeException e) {
            // Nothing is lost: the database is read as without a cache.
            delete(folder);
            return Optional.empty();
        }
    }

    /**
     * Writes the snapshot for the next start; call it after the database is closed, since the cache
     * holds the database file's state at this moment. A snapshot of null removes the cache.
     */
    public static void write(Path folder, PlanSnapshot snapshot) {
        if (snapshot == null) {
            delete(folder);
            return;
        }
        Path file = folder.resolve(FILE_NAME);
        Path partial = folder.resolve(FILE_NAME + ".part");
        try {
            try (var out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(partial)))) {
                out.writeInt(MAGIC);
                out.writeInt(FORMAT);
                out.writeUTF(stamp(folder));
                new Writer(out).snapshot(snapshot);
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            log().warn("cannot write the start-up cache {}", file, e);
            delete(folder);
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // left for the next write to replace
            }
        }
    }

    /** Removes the cache, e.g. when the database could not be read at closing. */
    public static void delete(Path folder) {
        try {
            Files.deleteIfExists(folder.resolve(FILE_NAME));
        } catch (IOException e) {
            log().warn("cannot remove the start-up cache in {}", folder, e);
        }
    }

    /** Asked for when needed: reading the cache comes first at start-up, before logging is set up. */
    private static Logger log() {
        return LoggerFactory.getLogger(SnapshotCache.class);
    }

    /** The database file's size and modification time; "none" when there is no database yet. */
    private static String stamp(Path folder) throws IOException {
        Path database = folder.resolve(Database.FILE_NAME + ".mv.db");
        if (!Files.isRegularFile(database)) {
            return "none";
        }
        return Files.size(database) + "/" + Files.getLastModifiedTime(database).toMillis();
    }

    private record Writer(DataOutputStream out) {

        void snapshot(PlanSnapshot snapshot) throws IOException {
            edition(snapshot.edition());
            out.writeBoolean(snapshot.previous().isPresent());
            if (snapshot.previous().isPresent()) {
                edition(snapshot.previous().get());
            }
            out.writeInt(snapshot.departments().size());
            for (Department department : snapshot.departments()) {
                text(department.bureau());
                text(department.section());
                texts(department.formerNames());
            }
            out.writeInt(snapshot.fiscalYears().size());
            for (FiscalYear year : snapshot.fiscalYears()) {
                out.writeInt(year.startYear());
            }
        }

        private void edition(Edition edition) throws IOException {
            text(edition.plan());
            out.writeInt(edition.fiscalYear().startYear());
            out.writeInt(edition.pillars().size());
            for (Pillar pillar : edition.pillars()) {
                out.writeInt(pillar.no());
                text(pillar.title());
                out.writeInt(pillar.categories().size());
                for (Category category : pillar.categories()) {
                    out.writeInt(category.no());
                    text(category.title());
                    out.writeInt(category.listings().size());
                    for (Listing listing : category.listings()) {
                        out.writeInt(listing.no());
                        text(listing.measureId());
                        out.writeBoolean(listing.relisted());
                    }
                }
            }
            out.writeInt(edition.measures().size());
            for (Map.Entry<String, MeasureContent> measure : edition.measures().entrySet()) {
                text(measure.getKey());
                content(measure.getValue());
            }
        }

        private void content(MeasureContent content) throws IOException {
            text(content.name());
            texts(content.departments());
            text(content.description());
            out.writeInt(content.schedule().size());
            for (ScheduleRow row : content.schedule()) {
                out.writeInt(row.years().from().startYear());
                out.writeInt(row.years().isOpenEnded() ? 0 : row.years().to().startYear());
                text(row.activity());
            }
            text(content.status());
            text(content.plans());
            texts(content.notes());
            out.writeBoolean(content.isNew());
        }

        private void texts(List<String> texts) throws IOException {
            out.writeInt(texts.size());
            for (String text : texts) {
                text(text);
            }
        }

        /** Length-prefixed UTF-8, -1 for null: measure texts may exceed writeUTF's 64 KB. */
        private void text(String text) throws IOException {
            if (text == null) {
                out.writeInt(-1);
                return;
            }
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            out.writeInt(bytes.length);
            out.write(bytes);
        }
    }

    private record Reader(DataInputStream in) {

        PlanSnapshot snapshot() throws IOException {
            Edition edition = edition();
            Optional<Edition> previous = in.readBoolean() ? Optional.of(edition()) : Optional.empty();
            int departmentCount = count();
            List<Department> departments = new ArrayList<>(departmentCount);
            for (int i = 0; i < departmentCount; i++) {
                departments.add(new Department(text(), text(), texts()));
            }
            int yearCount = count();
            List<FiscalYear> years = new ArrayList<>(yearCount);
            for (int i = 0; i < yearCount; i++) {
                years.add(new FiscalYear(in.readInt()));
            }
            return new PlanSnapshot(edition, previous, departments, years);
        }

        private Edition edition() throws IOException {
            String plan = text();
            FiscalYear year = new FiscalYear(in.readInt());
            int pillarCount = count();
            List<Pillar> pillars = new ArrayList<>(pillarCount);
            for (int p = 0; p < pillarCount; p++) {
                int pillarNo = in.readInt();
                String pillarTitle = text();
                int categoryCount = count();
                List<Category> categories = new ArrayList<>(categoryCount);
                for (int c = 0; c < categoryCount; c++) {
                    int categoryNo = in.readInt();
                    String categoryTitle = text();
                    int listingCount = count();
                    List<Listing> listings = new ArrayList<>(listingCount);
                    for (int l = 0; l < listingCount; l++) {
                        listings.add(new Listing(in.readInt(), text(), in.readBoolean()));
                    }
                    categories.add(new Category(categoryNo, categoryTitle, listings));
                }
                pillars.add(new Pillar(pillarNo, pillarTitle, categories));
            }
            int measureCount = count();
            Map<String, MeasureContent> measures = new LinkedHashMap<>();
            for (int m = 0; m < measureCount; m++) {
                measures.put(text(), content());
            }
            return new Edition(plan, year, pillars, measures);
        }

        private MeasureContent content() throws IOException {
            String name = text();
            List<String> departments = texts();
            String description = text();
            int rowCount = count();
            List<ScheduleRow> schedule = new ArrayList<>(rowCount);
            for (int i = 0; i < rowCount; i++) {
                FiscalYear from = new FiscalYear(in.readInt());
                int to = in.readInt();
                FiscalYearRange years = new FiscalYearRange(from, to == 0 ? null : new FiscalYear(to));
                schedule.add(new ScheduleRow(years, text()));
            }
            return new MeasureContent(name, departments, description, schedule, text(), text(), texts(),
                    in.readBoolean());
        }

        private List<String> texts() throws IOException {
            int size = count();
            List<String> texts = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                texts.add(text());
            }
            return texts;
        }

        private String text() throws IOException {
            int length = in.readInt();
            if (length < 0) {
                return null;
            }
            return new String(in.readNBytes(checked(length)), StandardCharsets.UTF_8);
        }

        private int count() throws IOException {
            return checked(in.readInt());
        }

        /** A damaged file must not make the reader allocate absurd amounts. */
        private static int checked(int size) throws IOException {
            if (size < 0 || size > 50_000_000) {
                throw new IOException("damaged start-up cache");
            }
            return size;
        }
    }
}
