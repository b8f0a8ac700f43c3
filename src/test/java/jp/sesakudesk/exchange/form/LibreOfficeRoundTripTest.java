package jp.sesakudesk.exchange.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.sesakudesk.domain.Edition;
import jp.sesakudesk.exchange.form.MergePreview.Status;
import jp.sesakudesk.workspace.Workspace;

/**
 * A form filled in and re-saved by LibreOffice Calc, as a department without Excel would return
 * it, still merges: its names, texts and identity sheet survive the other program.
 */
class LibreOfficeRoundTripTest {

    @TempDir
    Path temp;

    static boolean libreOfficeInstalled() {
        return Files.isExecutable(Path.of("/usr/bin/soffice"));
    }

    @Test
    void aFormReSavedByLibreOfficeCalcMerges() throws Exception {
        assumeTrue(libreOfficeInstalled(), "LibreOffice Calc is not installed (.ci/run installs it)");
        try (Workspace workspace = Workspace.open(temp.resolve("data"))) {
            Edition edition = workspace.store().edition(FormMergeTest.PLAN, FormMergeTest.FY2020).orElseThrow();
            Path forms = Files.createDirectories(temp.resolve("forms"));
            ExportedForm form = FormExports.write(workspace, edition, List.of("総務企画局DX戦略課"), null, forms,
                    () -> false).get(0);
            Forms.fill(form.file(), FormMergeTest.filledValues(form));

            Path resaved = Files.createDirectories(temp.resolve("resaved"));
            Process soffice = new ProcessBuilder("soffice", "-env:UserInstallation=file://" + temp.resolve("lo"),
                    "--headless", "--norestore", "--convert-to", "xlsx", "--outdir", resaved.toString(),
                    form.file().toString()).redirectErrorStream(true).start();
            soffice.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            assertThat(soffice.waitFor(180, TimeUnit.SECONDS)).isTrue();
            Path file = resaved.resolve(form.file().getFileName());
            assertThat(file).exists();
            assertThat(FormReader.sha256(file)).isNotEqualTo(FormReader.sha256(form.file()));

            MergePreview preview = FormMerge.preview(workspace, List.of(file));
            assertThat(preview.files().get(0).error()).isNull();
            assertThat(preview.changes()).hasSize(form.measureIds().size() * 2)
                    .allSatisfy(c -> assertThat(c.status()).isEqualTo(Status.OK));
            FormMerge.apply(workspace, preview, FormMergeTest.defaults(preview));
            Edition after = workspace.store().edition(FormMergeTest.PLAN, FormMergeTest.FY2020).orElseThrow();
            for (String id : form.measureIds()) {
                assertThat(after.measure(id).status()).isEqualTo("令和2年度の実施状況 " + id);
                assertThat(after.measure(id).plans()).isEqualTo("取組予定 " + id + "\n二行目");
                assertThat(after.measure(id).schedule()).isEqualTo(edition.measure(id).schedule());
            }
        }
    }
}
