package jp.sesakudesk.storage;

import static jp.sesakudesk.storage.schema.Tables.DEPARTMENT;
import static jp.sesakudesk.storage.schema.Tables.DEPARTMENT_ALIAS;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

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
        database.dsl().transaction(tx -> {
            Resolver resolver = new Resolver(tx.dsl());
            for (Department department : departments) {
                long id = resolver.idOf(department);
                for (String former : department.formerNames()) {
                    resolver.addAlias(id, former);
                }
            }
        });
    }

    /** Looks names up in one read of the tables, creating departments for names never seen. */
    static final class Resolver {

        private final DSLContext dsl;
        private final Map<String, Long> idByName = new HashMap<>();
        private final Map<Long, String> nameById = new LinkedHashMap<>();

        Resolver(DSLContext dsl) {
            this.dsl = dsl;
            dsl.select(DEPARTMENT.ID, DSL.concat(DEPARTMENT.BUREAU, DEPARTMENT.SECTION)).from(DEPARTMENT).forEach(r -> {
                idByName.put(r.value2(), r.value1());
                nameById.put(r.value1(), r.value2());
            });
            dsl.selectFrom(DEPARTMENT_ALIAS).forEach(r -> idByName.putIfAbsent(r.getFullName(), r.getDepartmentId()));
        }

        long idOf(String fullName) {
            return idOf(Department.parse(fullName));
        }

        long idOf(Department department) {
            Long id = idByName.get(department.fullName().strip());
            if (id == null) {
                id = dsl.insertInto(DEPARTMENT, DEPARTMENT.BUREAU, DEPARTMENT.SECTION)
                        .values(department.bureau(), department.section())
                        .returning(DEPARTMENT.ID).fetchOne().getId();
                idByName.put(department.fullName(), id);
                nameById.put(id, department.fullName());
            }
            return id;
        }

        void addAlias(long id, String formerName) {
            Long known = idByName.get(formerName);
            if (known == null) {
                dsl.insertInto(DEPARTMENT_ALIAS, DEPARTMENT_ALIAS.DEPARTMENT_ID, DEPARTMENT_ALIAS.FULL_NAME)
                        .values(id, formerName).execute();
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
