package jp.sesakudesk.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import jp.sesakudesk.domain.Edition;
import jp.sesakudesk.domain.FiscalYear;
import jp.sesakudesk.exchange.report.CityReport;
import jp.sesakudesk.workspace.Workspace;

/** {@code report}: the city-wide report of an edition as an Excel workbook and, if asked, a CSV. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write the city-wide report of an edition as .xlsx (主要施策一覧, 実施状況, データ)"
                + " and optionally its データ table as CSV (UTF-8 with BOM).")
final class ReportCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ReportCommand.class);

    @Mixin
    Cli.Common common;

    @Option(names = "--fy", paramLabel = "YEAR", required = true, converter = Cli.FiscalYearConverter.class,
            description = "Fiscal year, e.g. 2020 or 令和2年度.")
    FiscalYear fiscalYear;

    @Option(names = "--out", paramLabel = "FILE.xlsx", required = true, description = "The workbook to write.")
    Path out;

    @Option(names = "--csv", paramLabel = "FILE.csv", description = "Also write the データ table as CSV.")
    Path csv;

    @Override
    public Integer call() throws Exception {
        Edition edition;
        try (Workspace workspace = common.open()) {
            edition = common.edition(workspace, fiscalYear);
        }
        CityReport.write(edition, out);
        if (csv != null) {
            CityReport.writeCsv(edition, csv);
        }
        int listings = edition.placements().size();
        System.out.printf("Wrote %s report: %d listings to %s%s%n", edition.fiscalYear().labelWithWesternYear(),
                listings, out, csv == null ? "" : " and " + csv);
        LOG.info("exported the report of {} {} ({} listings) to {}{}", edition.plan(),
                edition.fiscalYear().label(), listings, out, csv == null ? "" : " and " + csv);
        return 0;
    }
}
