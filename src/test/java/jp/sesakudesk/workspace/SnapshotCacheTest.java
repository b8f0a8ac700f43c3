package jp.sesakudesk.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.sesakudesk.domain.ChangeSource;
import jp.sesakudesk.domain.Edition;
import jp.sesakudesk.domain.MeasureContent;

/** The plan kept beside the database for the next start, and when it must not be used. */
class SnapshotCacheTest {

    @TempDir
    Path folder;

    private PlanSnapshot closeKeepingSnapshot() throws Exception {
        PlanSnapshot snapshot;
        try (Workspace workspace = Workspace.open(folder)) {
            snapshot = PlanSnapshot.read(workspace.store(), workspace.plan(null), null);
        }
        SnapshotCache.write(folder, snapshot);
        return snapshot;
    }

    @Test
    void givesBackTheShippedEditionExactlyWhileTheDatabaseIsUnchanged() throws Exception {
        PlanSnapshot written = closeKeepingSnapshot();

        assertThat(written.edition().measures()).hasSize(51);
        assertThat(written.edition().measures().values()).anyMatch(m -> m.status() == null)
                .anyMatch(m -> m.schedule().stream().anyMatch(row -> row.years().isOpenEnded()));
        assertThat(SnapshotCache.read(folder)).contains(written);
        assertThat(SnapshotCache.read(folder)).contains(written);
    }

    @Test
    void isIgnoredOnceTheDatabaseChangedSinceItWasWritten() throws Exception {
        PlanSnapshot written = closeKeepingSnapshot();
        try (Workspace workspace = Workspace.open(folder)) {
            Edition edition = written.edition();
            Map.Entry<String, MeasureContent> first = edition.measures().entrySet().iterator().next();
            workspace.store().saveMeasure(edition.plan(), edition.fiscalYear(), first.getKey(), first.getValue(),
                    first.getValue().withStatus("実施した。"), ChangeSource.editor());
        }

        assertThat(SnapshotCache.read(folder)).isEmpty();
    }

    @Test
    void aDamagedCacheIsIgnoredAndRemoved() throws Exception {
        closeKeepingSnapshot();
        Path file = folder.resolve(SnapshotCache.FILE_NAME);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        assertThat(SnapshotCache.read(folder)).isEmpty();
        assertThat(file).doesNotExist();
    }

    @Test
    void writingNothingRemovesTheCache() throws Exception {
        closeKeepingSnapshot();
        SnapshotCache.write(folder, null);

        assertThat(folder.resolve(SnapshotCache.FILE_NAME)).doesNotExist();
        assertThat(SnapshotCache.read(folder)).isEmpty();
    }
}
