package jp.sesakudesk.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.sesakudesk.domain.Department;
import jp.sesakudesk.domain.MeasureContent;

/** 所管課 and their former names. A former name resolves to the department under its current name. */
public final class DepartmentStore {

    private final Database database;

    DepartmentStore(Database database) {
        this.database = database;
    }

    /** Every department with its former names, in the order they were first recorded. */
    public List<Department> all() {
        return database.read(EditionReader::departments);
    }

    /**
     * Records departments and their former names; a department already known (by its name or a
     * former one) gains the new former names. All in one transaction.
     */
    public void register(List<Department> departments) {
        database.write(connection -> {
            Resolver resolver = new Resolver(connection);
            for (Department department : departments) {
                long id = resolver.idOf(department);
                for (String former : department.formerNames()) {
                    resolver.addAlias(id, former);
                }
            }
            return null;
        });
    }

    /**
     * Looks names up in one read of the tables, creating departments for names never seen, on the
     * connection of the transaction it serves.
     */
    static final class Resolver {

        private final Connection connection;
        private final Map<String, Long> idByName = new HashMap<>();
        private final Map<Long, String> nameById = new LinkedHashMap<>();

        Resolver(Connection connection) throws SQLException {
            this.connection = connection;
            try (Statement statement = connection.createStatement()) {
                try (ResultSet rs = statement.executeQuery("SELECT id, bureau || section FROM department")) {
                    while (rs.next()) {
                        idByName.put(rs.getString(2), rs.getLong(1));
                        nameById.put(rs.getLong(1), rs.getString(2));
                    }
                }
                try (ResultSet rs = statement.executeQuery("SELECT department_id, full_name FROM department_alias")) {
                    while (rs.next()) {
                        idByName.putIfAbsent(rs.getString(2), rs.getLong(1));
                    }
                }
            }
        }

        long idOf(String fullName) throws SQLException {
            return idOf(Department.parse(fullName));
        }

        long idOf(Department department) throws SQLException {
            Long id = idByName.get(department.fullName().strip());
            if (id == null) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO department (bureau, section) VALUES (?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                    insert.setString(1, department.bureau());
                    insert.setString(2, department.section());
                    insert.executeUpdate();
                    try (ResultSet keys = insert.getGeneratedKeys()) {
                        keys.next();
                        id = keys.getLong(1);
                    }
                }
                idByName.put(department.fullName(), id);
                nameById.put(id, department.fullName());
            }
            return id;
        }

        void addAlias(long id, String formerName) throws SQLException {
            Long known = idByName.get(formerName);
            if (known == null) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO department_alias (department_id, full_name) VALUES (?, ?)")) {
                    insert.setLong(1, id);
                    insert.setString(2, formerName);
                    insert.executeUpdate();
                }
                idByName.put(formerName, id);
            } else if (known != id) {
                throw new IllegalArgumentException(formerName + " already names another department");
            }
        }

        /** The current name for a name or former name; a name never seen is kept as written. */
        String canonical(String fullName) {
            String name = fullName.strip();
            Long id = idByName.get(name);
            return id == null ? name : nameById.get(id);
        }

        MeasureContent canonical(MeasureContent content) {
            List<String> names = content.departments().stream().map(this::canonical).toList();
            return names.equals(content.departments()) ? content : content.withDepartments(names);
        }
    }
}
