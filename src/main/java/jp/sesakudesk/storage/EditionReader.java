package jp.sesakudesk.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.sesakudesk.domain.Category;
import jp.sesakudesk.domain.Department;
import jp.sesakudesk.domain.Edition;
import jp.sesakudesk.domain.FiscalYear;
import jp.sesakudesk.domain.FiscalYearRange;
import jp.sesakudesk.domain.Listing;
import jp.sesakudesk.domain.MeasureContent;
import jp.sesakudesk.domain.Pillar;
import jp.sesakudesk.domain.ScheduleRow;

/**
 * Reads plans, editions and departments with plain JDBC. Reading is what every start of the
 * application does first, and initialising the query library costs more than the reading itself
 * (about 0.7 s of a 2-core machine's start-up); the writes are plain JDBC for the same reason.
 * The SQL names the tables of {@code db/migration}; the storage tests read back everything written.
 */
final class EditionReader {

    private final Connection connection;

    EditionReader(Connection connection) {
        this.connection = connection;
    }

    List<String> plans() {
        return list("SELECT name FROM plan ORDER BY id", rs -> rs.getString(1));
    }

    List<FiscalYear> fiscalYears(String plan) {
        return list("SELECT e.fiscal_year FROM edition e JOIN plan p ON p.id = e.plan_id WHERE p.name = ?"
                + " ORDER BY e.fiscal_year", rs -> FiscalYear.of(rs.getInt(1)), plan);
    }

    Optional<Long> editionId(String plan, FiscalYear fiscalYear) {
        return list("SELECT e.id FROM edition e JOIN plan p ON p.id = e.plan_id"
                + " WHERE p.name = ? AND e.fiscal_year = ?", rs -> rs.getLong(1), plan, fiscalYear.startYear())
                .stream().findFirst();
    }

    /** Every department with its former names, in the order they were first recorded. */
    List<Department> departments() {
        Map<Long, List<String>> aliases = new HashMap<>();
        forEach("SELECT department_id, full_name FROM department_alias ORDER BY id",
                rs -> aliases.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2)));
        return list("SELECT id, bureau, section FROM department ORDER BY id", rs -> new Department(
                rs.getString(2), rs.getString(3), aliases.getOrDefault(rs.getLong(1), List.of())));
    }

    Edition edition(long editionId, String plan, FiscalYear fiscalYear) {
        Map<Long, List<Listing>> listings = new HashMap<>();
        forEach("SELECT category_id, no, measure_id, relisted FROM listing WHERE edition_id = ?"
                        + " ORDER BY category_id, position",
                rs -> listings.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new Listing(rs.getInt(2), rs.getString(3), rs.getBoolean(4))), editionId);
        Map<Long, List<Category>> categories = new HashMap<>();
        forEach("SELECT c.pillar_id, c.id, c.no, c.title FROM category c JOIN pillar p ON p.id = c.pillar_id"
                        + " WHERE p.edition_id = ? ORDER BY c.no",
                rs -> categories.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Category(
                        rs.getInt(3), rs.getString(4), listings.getOrDefault(rs.getLong(2), List.of()))), editionId);
        List<Pillar> pillars = list("SELECT id, no, title FROM pillar WHERE edition_id = ? ORDER BY no",
                rs -> new Pillar(rs.getInt(2), rs.getString(3), categories.getOrDefault(rs.getLong(1), List.of())),
                editionId);

        Map<String, MeasureContent> all = measures(editionId, null);
        Map<String, MeasureContent> ordered = new LinkedHashMap<>();
        for (Pillar pillar : pillars) {
            for (Category category : pillar.categories()) {
                category.listings().forEach(l -> ordered.putIfAbsent(l.measureId(), all.get(l.measureId())));
            }
        }
        all.forEach(ordered::putIfAbsent);
        return new Edition(plan, fiscalYear, pillars, ordered);
    }

    /** The content of one measure of an edition, or of all of them when {@code measureId} is null. */
    Map<String, MeasureContent> measures(long editionId, String measureId) {
        String only = measureId == null ? "" : " AND measure_id = ?";
        Object[] args = measureId == null ? new Object[] {editionId} : new Object[] {editionId, measureId};
        Map<String, List<String>> departments = new HashMap<>();
        forEach("SELECT md.measure_id, d.bureau || d.section FROM measure_department md"
                        + " JOIN department d ON d.id = md.department_id WHERE md.edition_id = ?"
                        + only.replace("measure_id", "md.measure_id") + " ORDER BY md.measure_id, md.position",
                rs -> departments.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2)), args);
        Map<String, List<ScheduleRow>> schedules = new HashMap<>();
        forEach("SELECT measure_id, from_year, to_year, activity FROM schedule_row WHERE edition_id = ?" + only
                        + " ORDER BY measure_id, position",
                rs -> {
                    int to = rs.getInt(3);
                    FiscalYear until = rs.wasNull() ? null : FiscalYear.of(to);
                    FiscalYearRange years = new FiscalYearRange(FiscalYear.of(rs.getInt(2)), until);
                    schedules.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new ScheduleRow(years, rs.getString(4)));
                }, args);
        Map<String, List<String>> notes = new HashMap<>();
        forEach("SELECT measure_id, text FROM measure_note WHERE edition_id = ?" + only
                        + " ORDER BY measure_id, position",
                rs -> notes.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2)), args);
        Map<String, MeasureContent> result = new LinkedHashMap<>();
        forEach("SELECT measure_id, name, description, status, plans, is_new FROM measure_text"
                        + " WHERE edition_id = ?" + only,
                rs -> {
                    String id = rs.getString(1);
                    result.put(id, new MeasureContent(rs.getString(2), departments.getOrDefault(id, List.of()),
                            rs.getString(3), schedules.getOrDefault(id, List.of()), rs.getString(4),
                            rs.getString(5), notes.getOrDefault(id, List.of()), rs.getBoolean(6)));
                }, args);
        return result;
    }

    // --- JDBC plumbing ---------------------------------------------------------------------------

    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private interface RowHandler {
        void handle(ResultSet rs) throws SQLException;
    }

    private <T> List<T> list(String sql, RowReader<T> reader, Object... args) {
        List<T> rows = new ArrayList<>();
        forEach(sql, rs -> rows.add(reader.read(rs)), args);
        return Collections.unmodifiableList(rows);
    }

    private void forEach(String sql, RowHandler handler, Object... args) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    handler.handle(rs);
                }
            }
        } catch (SQLException e) {
            throw new StorageException("cannot read the plan database: " + e.getMessage(), e);
        }
    }
}
