package jp.sesakudesk.storage;

import static jp.sesakudesk.storage.schema.Tables.DEPARTMENT;
import static jp.sesakudesk.storage.schema.Tables.DEPARTMENT_ALIAS;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

import jp.sesakudesk.domain.Department;
import jp.sesakudesk.domain.MeasureContent;

/** 所管課 and their former names. A former name resolves to the department under its current name. */
public final class DepartmentStore {

    static final Table<?> TABLE = DEPARTMENT;
    static final Field<Long> ID = DEPARTMENT.ID;
    static final Field<String> FULL_NAME = DSL.concat(DEPARTMENT.BUREAU, DEPARTMENT.SECTION);

    private final DSLContext dsl;

    DepartmentStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Every department with its former names, in the order they were first recorded. */
    public List<Department> all() {
        Map<Long, List<String>> aliases = new HashMap<>();
        dsl.selectFrom(DEPARTMENT_ALIAS).orderBy(DEPARTMENT_ALIAS.ID)
                .forEach(r -> aliases.computeIfAbsent(r.getDepartmentId(), k -> new ArrayList<>()).add(r.getFullName()));
        return dsl.selectFrom(DEPARTMENT).orderBy(DEPARTMENT.ID)
                .fetch(r -> new Department(r.getBureau(), r.getSection(), aliases.getOrDefault(r.getId(), List.of())));
    }

    /**
     * Records departments and their former names; a department already known (by its name or a
     * former one) gains the new former names. All in one transaction.
     */
    public void register(List<Department> departments) {
        dsl.transaction(tx -> {
            Resolver resolver = new DepartmentStore(tx.dsl()).resolver();
            for (Department department : departments) {
                long id = resolver.idOf(department);
                for (String former : department.formerNames()) {
                    resolver.addAlias(id, former);
                }
            }
        });
    }

    Resolver resolver() {
        return new Resolver();
    }

    /** Looks names up in one read of the tables, creating departments for names never seen. */
    final class Resolver {

        private final Map<String, Long> idByName = new HashMap<>();
        private final Map<Long, String> nameById = new LinkedHashMap<>();

        private Resolver() {
            dsl.select(DEPARTMENT.ID, FULL_NAME).from(DEPARTMENT).forEach(r -> {
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
