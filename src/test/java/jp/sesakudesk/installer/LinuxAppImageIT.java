package jp.sesakudesk.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds the Linux app-image with {@code installer/build-linux.sh --skip-deb} and runs its launcher
 * headless: {@code bin/SesakuDesk dump --data DIR} with no display must print the shipped FY2020
 * edition and create the database and log folder. Runs in {@code mvn verify} (failsafe, after the
 * jar and target/lib are packaged); skipped where the OS is not Linux or the JDK has no
 * jlink/jpackage.
 */
class LinuxAppImageIT {

    private static final Path IMAGE = Path.of("target/installer/SesakuDesk");
    private static final long MAX_IMAGE_KB = 110 * 1024;

    @Test
    @Timeout(value = 7, unit = TimeUnit.MINUTES)
    void appImageIsBuiltAndRunsHeadless(@TempDir Path data) throws Exception {
        assumeTrue(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux"), "Linux only");
        Path javaHome = javaHome();
        assumeTrue(Files.isExecutable(javaHome.resolve("bin/jpackage"))
                && Files.isExecutable(javaHome.resolve("bin/jlink")), "needs jlink and jpackage in " + javaHome);
        assertThat(Path.of("target/sesaku-desk.jar")).as("packaged jar").isRegularFile();

        Path buildLog = Path.of("target/installer-build.log");
        ProcessBuilder build = new ProcessBuilder("bash", "installer/build-linux.sh", "--skip-deb")
                .redirectErrorStream(true).redirectOutput(buildLog.toFile());
        build.environment().put("JAVA_HOME", javaHome.toString());
        int buildExit = run(build, 5);
        assertThat(buildExit).as("build-linux.sh exit code; output:\n%s", tail(buildLog)).isZero();

        Path launcher = IMAGE.resolve("bin/SesakuDesk");
        assertThat(launcher).isExecutable();
        Path out = data.resolveSibling(data.getFileName() + "-stdout.json");
        Path err = data.resolveSibling(data.getFileName() + "-stderr.txt");
        ProcessBuilder dump = new ProcessBuilder(launcher.toString(), "dump", "--data", data.toString())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        Map<String, String> env = dump.environment();
        env.remove("DISPLAY");
        env.remove("WAYLAND_DISPLAY");
        env.remove("JAVA_TOOL_OPTIONS");
        env.remove("_JAVA_OPTIONS");
        int dumpExit = run(dump, 2);
        assertThat(dumpExit).as("dump exit code; stderr:\n%s", Files.readString(err)).isZero();

        JsonNode edition = new ObjectMapper().readTree(Files.readString(out, StandardCharsets.UTF_8));
        assertThat(edition.path("plan").asText()).isEqualTo("福岡市データ活用推進計画");
        assertThat(edition.path("fiscalYear").asInt()).isEqualTo(2020);
        int listings = 0;
        for (JsonNode pillar : edition.path("pillars")) {
            for (JsonNode category : pillar.path("categories")) {
                listings += category.path("listings").size();
            }
        }
        assertThat(listings).isEqualTo(55);
        assertThat(data.resolve("sesaku-desk.mv.db")).isRegularFile();
        assertThat(data.resolve("logs")).isDirectory();
        assertThat(Files.readString(err)).as("standard error of dump").isEmpty();

        long imageKb = diskUsageKb(IMAGE);
        assertThat(imageKb).as("app-image size in KB (du -sk)").isLessThan(MAX_IMAGE_KB);
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
    }

    private static Path javaHome() {
        String env = System.getenv("JAVA_HOME");
        return Path.of(env != null && !env.isBlank() ? env : System.getProperty("java.home"));
    }

    private static int run(ProcessBuilder builder, int minutes) throws IOException, InterruptedException {
        Process process = builder.start();
        if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError(builder.command() + " did not finish within " + minutes + " min");
        }
        return process.exitValue();
    }

    private static long diskUsageKb(Path dir) throws IOException, InterruptedException {
        Process du = new ProcessBuilder("du", "-sk", dir.toString()).redirectErrorStream(true).start();
        String output = new String(du.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(du.waitFor()).as("du: %s", output).isZero();
        return Long.parseLong(output.trim().split("\\s+")[0]);
    }

    private static String tail(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "(no output)";
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
