package jp.sesakudesk.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import jp.sesakudesk.domain.Edition;
import jp.sesakudesk.domain.FiscalYear;
import jp.sesakudesk.exchange.form.ExportedForm;
import jp.sesakudesk.exchange.form.FormExports;
import jp.sesakudesk.workspace.Workspace;

/** {@code forms}: one department form (調査票) per department of an edition. */
@Command(name = "forms", mixinStandardHelpOptions = true,
        description = "Write one Excel form (調査票) per department holding that department's measures.")
final class FormsCommand implements Callable<Integer> {

    @Mixin
    Cli.Common common;

    @Option(names = "--fy", required = true, paramLabel = "YEAR", converter = Cli.FiscalYearConverter.class,
            description = "Fiscal year of the edition, e.g. 2020 or 令和2年度.")
    FiscalYear fiscalYear;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the forms.")
    Path out;

    @Option(names = "--dept", paramLabel = "NAME", description = "Only this department (current or former name).")
    List<String> departments = new ArrayList<>();

    @Option(names = "--due", paramLabel = "TEXT", description = "Return date shown in the form, e.g. 令和3年5月14日.")
    String due;

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(out);
        try (Workspace workspace = common.open()) {
            Edition edition = common.edition(workspace, fiscalYear);
            List<ExportedForm> forms = FormExports.write(workspace, edition, departments, due, out, () -> false);
            for (ExportedForm form : forms) {
                System.out.printf("%s\t%d measures\t%s%n", form.department(), form.measureIds().size(),
                        form.file().getFileName());
            }
            System.out.printf("Wrote %d forms for %s to %s%n", forms.size(), fiscalYear.labelWithWesternYear(), out);
            return 0;
        }
    }
}
