package jp.sesakudesk.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import jp.sesakudesk.domain.Edition;
import jp.sesakudesk.domain.FiscalYear;
import jp.sesakudesk.domain.FiscalYearRange;
import jp.sesakudesk.logging.LogSetup;
import jp.sesakudesk.storage.DatabaseUnavailableException;
import jp.sesakudesk.workspace.DataFolder;
import jp.sesakudesk.workspace.Workspace;

/**
 * The headless commands of the application jar, for scripting by the central office. Each prints a
 * report, exits 0 on success and non-zero with a one-line reason on standard error otherwise.
 */
@Command(name = "sesaku-desk", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "Sesaku Desk (施策デスク): the plan of measures and its yearly status.%n"
                + "Without a command the desktop application opens.",
        subcommands = {DumpCommand.class, LoadCommand.class, FormsCommand.class, MergeCommand.class,
            ReportCommand.class})
public final class Cli {

    /** Exit code when the command ran but failed (bad file, database in use, …). */
    public static final int FAILED = 1;
    /** Exit code for a command line that could not be understood. */
    public static final int USAGE = 2;

    /** The names of the commands, which tell the launcher to stay headless. */
    public static final Set<String> COMMANDS = Set.of("dump", "load", "forms", "merge", "report",
            "help", "--help", "-h", "--version", "-V");

    /** Options every command takes. */
    static class Common {
        @Option(names = "--data", paramLabel = "DIR",
                description = "Data folder (default: the user's data folder for Sesaku Desk).")
        Path data;

        @Option(names = "--plan", paramLabel = "NAME", description = "Plan (default: the only or first plan).")
        String plan;

        /** Opens the data folder given with --data, or the user's. */
        Workspace open() throws DatabaseUnavailableException {
            return Workspace.open(DataFolder.resolve(data));
        }

        /**
         * The edition of the plan given with --plan for the year, or its latest when the year is null.
         *
         * @throws IllegalArgumentException naming the editions there are when there is none for the year
         */
        Edition edition(Workspace workspace, FiscalYear year) {
            String name = workspace.plan(plan);
            List<FiscalYear> years = workspace.store().fiscalYears(name);
            FiscalYear wanted = year != null ? year : years.get(years.size() - 1);
            return workspace.store().edition(name, wanted).orElseThrow(() -> new IllegalArgumentException(
                    "no edition for " + wanted.labelWithWesternYear() + "; editions: " + years));
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Cli.class.getPackage().getImplementationVersion();
            return new String[] {"Sesaku Desk " + (version == null ? "(development)" : version)};
        }
    }

    /** Converts 2020, ２０２０ or 令和2年度 to a fiscal year. */
    static final class FiscalYearConverter implements CommandLine.ITypeConverter<FiscalYear> {
        @Override
        public FiscalYear convert(String value) {
            try {
                FiscalYearRange range = FiscalYearRange.parse(value.matches("\\s*[0-9０-９]{4}\\s*")
                        ? value.strip() + "年度" : value);
                if (!range.from().equals(range.to())) {
                    throw new CommandLine.TypeConversionException("give one fiscal year, not a range: " + value);
                }
                return range.from();
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(
                        "not a fiscal year: " + value + " (write 2020 or 令和2年度)");
            }
        }
    }

    private Cli() {
    }

    /** Runs the command line and returns its exit code. */
    public static int run(String... args) {
        CommandLine commandLine = new CommandLine(new Cli());
        commandLine.setOut(new PrintWriter(System.out, true, StandardCharsets.UTF_8));
        commandLine.setErr(new PrintWriter(System.err, true, StandardCharsets.UTF_8));
        commandLine.setExitCodeExceptionMapper(e -> FAILED);
        commandLine.setExecutionExceptionHandler((e, cl, parsed) -> {
            cl.getErr().println("sesaku-desk: " + cl.getCommandName() + ": " + oneLine(e));
            LogSetup.awaitReady();
            org.slf4j.LoggerFactory.getLogger(Cli.class).error("command failed", e);
            return FAILED;
        });
        commandLine.setParameterExceptionHandler((e, argv) -> {
            e.getCommandLine().getErr().println("sesaku-desk: " + e.getMessage()
                    + " (see: sesaku-desk " + e.getCommandLine().getCommandName() + " --help)");
            return USAGE;
        });
        return commandLine.execute(args);
    }

    static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replaceAll("\\s*\\R\\s*", " ");
    }
}
