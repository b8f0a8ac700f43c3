package jp.sesakudesk.exchange.form;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jp.sesakudesk.domain.Department;
import jp.sesakudesk.domain.Edition;
import jp.sesakudesk.storage.PlanStore;
import jp.sesakudesk.workspace.Workspace;

/** Hands out forms: writes one per department and records each export for the submission checklist. */
public final class FormExports {

    private static final Logger LOG = LoggerFactory.getLogger(FormExports.class);

    private FormExports() {
    }

    /** Every department that has a measure in the edition, in the order they first appear. */
    public static List<String> departments(Edition edition) {
        Set<String> names = new LinkedHashSet<>();
        edition.measures().values().forEach(m -> names.addAll(m.departments()));
        return List.copyOf(names);
    }

    /**
     * Writes the forms of the given departments (all when none is given) into the folder.
     *
     * @param wanted    department names, current or former; empty for all
     * @param cancelled polled between forms; when true the forms written so far are kept and recorded
     * @throws IllegalArgumentException naming a department that has no measure in the edition
     */
    public static List<ExportedForm> write(Workspace workspace, Edition edition, List<String> wanted, String due,
                                           Path folder, BooleanSupplier cancelled) throws IOException {
        List<String> departments = wanted.isEmpty() ? departments(edition) : resolve(workspace, edition, wanted);
        Edition previous = workspace.store().edition(edition.plan(), edition.fiscalYear().previous()).orElse(null);
        List<ExportedForm> forms = new ArrayList<>();
        try {
            for (String department : departments) {
                if (cancelled.getAsBoolean()) {
                    break;
                }
                Path file = folder.resolve(FormWriter.fileName(edition.fiscalYear(), department));
                forms.add(new FormWriter(edition, previous, department, due).write(file));
            }
        } finally {
            workspace.store().recordFormExports(edition.plan(), edition.fiscalYear(), forms.stream()
                    .map(f -> new PlanStore.FormExport(f.department(), f.formId(), f.file().getFileName().toString(),
                            f.exportedAt())).toList());
        }
        LOG.info("exported {} forms for {} to {}", forms.size(), edition.fiscalYear().label(), folder);
        return forms;
    }

    private static List<String> resolve(Workspace workspace, Edition edition, List<String> wanted) {
        List<String> known = departments(edition);
        List<String> resolved = new ArrayList<>();
        List<Department> all = workspace.store().departments().all();
        for (String name : wanted) {
            String current = all.stream().filter(d -> d.fullName().equals(name) || d.formerNames().contains(name))
                    .map(Department::fullName).findFirst().orElse(name);
            if (!known.contains(current)) {
                throw new IllegalArgumentException("the department " + name + " has no measure in "
                        + edition.fiscalYear().labelWithWesternYear());
            }
            resolved.add(current);
        }
        return resolved;
    }
}
