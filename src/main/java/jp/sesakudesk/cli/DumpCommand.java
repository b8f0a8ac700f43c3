package jp.sesakudesk.cli;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import jp.sesakudesk.domain.Edition;
import jp.sesakudesk.domain.FiscalYear;
import jp.sesakudesk.exchange.EditionJson;
import jp.sesakudesk.workspace.Workspace;

/** {@code dump}: an edition as JSON on standard output. */
@Command(name = "dump", mixinStandardHelpOptions = true,
        description = "Print an edition as JSON (UTF-8) on standard output.")
final class DumpCommand implements Callable<Integer> {

    @Mixin
    Cli.Common common;

    @Option(names = "--fy", paramLabel = "YEAR", converter = Cli.FiscalYearConverter.class,
            description = "Fiscal year, e.g. 2020 or 令和2年度 (default: the latest edition).")
    FiscalYear fiscalYear;

    @Override
    public Integer call() throws Exception {
        try (Workspace workspace = common.open()) {
            Edition edition = common.edition(workspace, fiscalYear);
            OutputStream out = new BufferedOutputStream(System.out);
            EditionJson.write(edition, out);
            out.flush();
            return 0;
        }
    }
}
