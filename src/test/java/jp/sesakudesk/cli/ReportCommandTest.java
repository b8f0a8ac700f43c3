package jp.sesakudesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code report} command on a temporary data folder holding the shipped data. */
class ReportCommandTest {

    @TempDir
    Path folder;

    @Test
    void writesTheWorkbookAndTheCsvAndSaysSoOnOneLine() {
        Path xlsx = folder.resolve("report.xlsx");
        Path csv = folder.resolve("report.csv");
        CliTest.Result result = CliTest.run("report", "--data", folder.resolve("data").toString(), "--fy", "2020",
                "--out", xlsx.toString(), "--csv", csv.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out().strip()).hasLineCount(1)
                .isEqualTo("Wrote 令和2年度 (2020) report: 55 listings to " + xlsx + " and " + csv);
        assertThat(xlsx).isRegularFile();
        assertThat(csv).isRegularFile();
    }

    @Test
    void aMissingOutputFolderFailsWithOneLineAndWritesNothing() {
        Path out = folder.resolve("nowhere").resolve("report.xlsx");
        CliTest.Result result = CliTest.run("report", "--data", folder.resolve("data").toString(), "--fy", "令和2年度",
                "--out", out.toString());
        assertThat(result.exitCode()).isEqualTo(Cli.FAILED);
        assertThat(result.err().strip()).hasLineCount(1).contains("report", "nowhere", "no such folder");
        assertThat(Files.exists(folder.resolve("nowhere"))).isFalse();
    }

    @Test
    void theYearAndTheOutputAreRequired() {
        CliTest.Result result = CliTest.run("report", "--data", folder.resolve("data").toString(), "--fy", "2020");
        assertThat(result.exitCode()).isEqualTo(Cli.USAGE);
        assertThat(result.err()).contains("--out");
    }
}
