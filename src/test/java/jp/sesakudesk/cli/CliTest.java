package jp.sesakudesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The headless commands, run as the jar runs them, on a temporary data folder. */
class CliTest {

    @TempDir
    Path folder;

    /** What a command printed and returned. */
    record Result(int exitCode, String out, String err) {
    }

    static Result run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            int code = Cli.run(args);
            return new Result(code, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private String dump() {
        Result result = run("dump", "--data", folder.resolve("data").toString(), "--fy", "2020");
        assertThat(result.exitCode()).as(result.err()).isZero();
        return result.out();
    }

    @Test
    void dumpThenLoadThenDumpGivesIdenticalJson() throws Exception {
        String first = dump();
        assertThat(first).startsWith("{\n  \"plan\": \"福岡市データ活用推進計画\",\n  \"fiscalYear\": 2020,\n"
                + "  \"fiscalYearLabel\": \"令和2年度\",");
        Path file = folder.resolve("fy2020.json");
        Files.writeString(file, first);
        Result load = run("load", "--data", folder.resolve("data").toString(), file.toString());
        assertThat(load.exitCode()).as(load.err()).isZero();
        assertThat(load.out()).contains("Replaced", "令和2年度 (2020)", "51 measures", "55 listings");
        assertThat(dump()).isEqualTo(first);
    }

    @Test
    void loadIntoAnEmptyFolderCreatesTheEditionAndDumpShowsIt() throws Exception {
        String shipped = dump();
        Path file = folder.resolve("edited.json");
        Files.writeString(file, shipped.replace("\"fiscalYear\": 2020", "\"fiscalYear\": 2021")
                .replace("\"fiscalYearLabel\": \"令和2年度\"", "\"fiscalYearLabel\": \"令和3年度\""));
        assertThat(run("load", "--data", folder.resolve("data").toString(), file.toString()).exitCode()).isZero();
        Result latest = run("dump", "--data", folder.resolve("data").toString());
        assertThat(latest.out()).contains("\"fiscalYear\": 2021");
        Result byLabel = run("dump", "--data", folder.resolve("data").toString(), "--fy", "令和2年度");
        assertThat(byLabel.out()).isEqualTo(shipped);
    }

    @Test
    void anInvalidFileIsRefusedWithThePlaceAndNothingChanges() throws Exception {
        String before = dump();
        Path file = folder.resolve("broken.json");
        Files.writeString(file, before.replaceFirst("\"name\": \"行政手続きのオンライン化の推進\"", "\"name\": \"\""));
        Result result = run("load", "--data", folder.resolve("data").toString(), file.toString());
        assertThat(result.exitCode()).isEqualTo(Cli.FAILED);
        assertThat(result.err().strip()).hasLineCount(1)
                .contains("broken.json", "pillars[0].categories[0].listings[0]", "Name: required");
        assertThat(dump()).isEqualTo(before);
    }

    @Test
    void aRelistedCopyThatDriftedIsRefused() throws Exception {
        String before = dump();
        Path file = folder.resolve("drift.json");
        int relisted = before.indexOf("\"relisted\": true");
        String drifted = before.substring(0, relisted) + before.substring(relisted)
                .replaceFirst("\"status\": \"", "\"status\": \"書き換え");
        Files.writeString(file, drifted);
        Result result = run("load", "--data", folder.resolve("data").toString(), file.toString());
        assertThat(result.exitCode()).isEqualTo(Cli.FAILED);
        assertThat(result.err()).contains("pillars[0].categories[4].listings[1]", "differs from the original");
        assertThat(dump()).isEqualTo(before);
    }

    @Test
    void unreadableJsonIsRefusedWithLineAndColumn() throws Exception {
        Path file = folder.resolve("truncated.json");
        Files.writeString(file, "{\n  \"plan\": \"計画\",\n  \"fiscalYear\": 20");
        Result result = run("load", "--data", folder.resolve("data").toString(), file.toString());
        assertThat(result.exitCode()).isEqualTo(Cli.FAILED);
        assertThat(result.err()).contains("truncated.json", "line 3", "not valid JSON");
    }

    @Test
    void wrongUsageExitsWithAUsageErrorAndMissingFilesAreNamed() {
        Result badYear = run("dump", "--data", folder.toString(), "--fy", "来年");
        assertThat(badYear.exitCode()).isEqualTo(Cli.USAGE);
        assertThat(badYear.err()).contains("not a fiscal year: 来年");
        Result missing = run("load", "--data", folder.toString(), folder.resolve("nothing.json").toString());
        assertThat(missing.exitCode()).isEqualTo(Cli.FAILED);
        assertThat(missing.err()).contains("no such file");
        Result noEdition = run("dump", "--data", folder.toString(), "--fy", "2030");
        assertThat(noEdition.exitCode()).isEqualTo(Cli.FAILED);
        assertThat(noEdition.err()).contains("no edition for 令和12年度 (2030)");
    }
}
