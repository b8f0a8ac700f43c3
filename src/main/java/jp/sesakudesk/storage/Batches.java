package jp.sesakudesk.storage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Identity;
import org.jooq.Table;
import org.jooq.TableRecord;

/**
 * Inserts many records as JDBC batches of one prepared statement per table. jOOQ's own
 * {@code batchInsert} renders every record's SQL anew, which costs seconds for a merge of
 * thousands of fields.
 */
final class Batches {

    private static final int CHUNK = 1000;

    private Batches() {
    }

    static void insert(DSLContext db, List<? extends TableRecord<?>> records) {
        Map<Table<?>, List<TableRecord<?>>> byTable = new LinkedHashMap<>();
        for (TableRecord<?> record : records) {
            byTable.computeIfAbsent(record.getTable(), t -> new ArrayList<>()).add(record);
        }
        byTable.forEach((table, rows) -> insert(db, table, rows));
    }

    private static void insert(DSLContext db, Table<?> table, List<TableRecord<?>> rows) {
        Identity<?, ?> identity = table.getIdentity();
        List<Field<?>> fields = new ArrayList<>();
        for (Field<?> field : table.fields()) {
            boolean generated = identity != null && identity.getField().equals(field) && rows.get(0).get(field) == null;
            if (!generated) {
                fields.add(field);
            }
        }
        for (int start = 0; start < rows.size(); start += CHUNK) {
            BatchBindStep batch = db.batch(db.insertInto(table).columns(fields).values(new Object[fields.size()]));
            for (TableRecord<?> row : rows.subList(start, Math.min(rows.size(), start + CHUNK))) {
                Object[] values = new Object[fields.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = row.get(fields.get(i));
                }
                batch.bind(values);
            }
            batch.execute();
        }
    }
}
