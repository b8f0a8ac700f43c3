package jp.sesakudesk.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows to write, grouped by statement, and written as JDBC batches of one prepared statement per
 * statement text: thousands of change records cost one round of binding each, not a query each.
 */
final class Batches {

    private static final int CHUNK = 1000;

    private final Map<String, List<Object[]>> rows = new LinkedHashMap<>();

    /** Adds a row for the statement; statements run in the order they were first added. */
    void add(String sql, Object... values) {
        rows.computeIfAbsent(sql, k -> new ArrayList<>()).add(values);
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** Runs every statement over its rows on the connection, in the order they were first added. */
    void run(Connection connection) throws SQLException {
        for (Map.Entry<String, List<Object[]>> statement : rows.entrySet()) {
            run(connection, statement.getKey(), statement.getValue());
        }
    }

    static void run(Connection connection, String sql, List<Object[]> rows) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int pending = 0;
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    statement.setObject(i + 1, row[i]);
                }
                statement.addBatch();
                if (++pending == CHUNK) {
                    statement.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                statement.executeBatch();
            }
        }
    }
}
