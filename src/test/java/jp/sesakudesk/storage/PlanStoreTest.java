package jp.sesakudesk.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.sesakudesk.domain.ChangeRecord;
import jp.sesakudesk.domain.ChangeSource;
import jp.sesakudesk.domain.Edition;
import jp.sesakudesk.domain.FiscalYear;
import jp.sesakudesk.domain.MeasureContent;
import jp.sesakudesk.domain.MeasureField;
import jp.sesakudesk.workspace.ShippedData;
import jp.sesakudesk.workspace.Workspace;

/** The store on a real H2 file database in a temporary folder, migrated from empty. */
class PlanStoreTest {

    private static final String PLAN = "福岡市データ活用推進計画";
    private static final FiscalYear FY2020 = FiscalYear.of(2020);

    @TempDir
    Path folder;

    @Test
    void firstStartCreatesTheDatabaseWithTheShippedEdition() throws Exception {
        try (Workspace workspace = Workspace.open(folder)) {
            assertThat(Files.exists(folder.resolve("sesaku-desk.mv.db"))).isTrue();
            assertThat(workspace.store().plans()).containsExactly(PLAN);
            assertThat(workspace.store().fiscalYears(PLAN)).containsExactly(FY2020);
            Edition stored = workspace.store().edition(PLAN, FY2020).orElseThrow();
            assertThat(stored).isEqualTo(ShippedData.edition("fukuoka-data-plan/fy2020.json"));
            assertThat(stored.placements()).hasSize(55);
            assertThat(stored.measures()).hasSize(51);
        }
    }

    @Test
    void savedEditIsRecordedFieldByFieldAndSurvivesReopening() throws Exception {
        MeasureContent edited;
        try (Workspace workspace = Workspace.open(folder)) {
            PlanStore store = workspace.store();
            MeasureContent base = store.edition(PLAN, FY2020).orElseThrow().measure("M001");
            edited = base.withStatus("令和3年3月末時点で80パーセント。").withPlans(null);
            MeasureContent stored = store.saveMeasure(PLAN, FY2020, "M001", base, edited, ChangeSource.editor());
            assertThat(stored).isEqualTo(edited);
        }
        try (Workspace workspace = Workspace.open(folder)) {
            PlanStore store = workspace.store();
            assertThat(store.edition(PLAN, FY2020).orElseThrow().measure("M001")).isEqualTo(edited);
            List<ChangeRecord> history = store.history(PLAN, FY2020, "M001");
            assertThat(history).extracting(ChangeRecord::field)
                    .containsExactlyInAnyOrder(MeasureField.STATUS, MeasureField.PLANS);
            ChangeRecord status = history.stream().filter(r -> r.field() == MeasureField.STATUS).findFirst()
                    .orElseThrow();
            assertThat(status.oldValue())
                    .startsWith("令和3年3月末時点で、年間総処理件数の79.1パーセント");
            assertThat(status.newValue()).isEqualTo("令和3年3月末時点で80パーセント。");
            assertThat(status.source().kind()).isEqualTo(ChangeSource.Kind.EDITOR);
            assertThat(status.changedAt()).isNotNull();
        }
    }

    @Test
    void aRelistedMeasureIsOneMeasure() throws Exception {
        try (Workspace workspace = Workspace.open(folder)) {
            PlanStore store = workspace.store();
            Edition edition = store.edition(PLAN, FY2020).orElseThrow();
            var relisted = edition.placements().stream().filter(p -> p.listing().relisted()).toList();
            assertThat(relisted).extracting(Edition.Placement::position)
                    .containsExactly("1-(5)-2", "2-(1)-4", "3-(4)-1", "3-(4)-2");
            String id = relisted.get(0).listing().measureId();
            MeasureContent base = edition.measure(id);
            store.saveMeasure(PLAN, FY2020, id, base, base.withStatus("更新"), ChangeSource.editor());
            Edition after = store.edition(PLAN, FY2020).orElseThrow();
            assertThat(after.placements().stream().filter(p -> p.listing().measureId().equals(id)))
                    .hasSize(2)
                    .allSatisfy(p -> assertThat(after.measure(p.listing().measureId()).status()).isEqualTo("更新"));
        }
    }

    @Test
    void formerDepartmentNamesResolveToTheCurrentName() throws Exception {
        try (Workspace workspace = Workspace.open(folder)) {
            PlanStore store = workspace.store();
            MeasureContent base = store.edition(PLAN, FY2020).orElseThrow().measure("M001");
            MeasureContent stored = store.saveMeasure(PLAN, FY2020, "M001", base,
                    base.withDepartments(List.of("総務企画局ICT推進課", "市民局区政課")),
                    ChangeSource.editor());
            assertThat(stored.departments()).containsExactly("総務企画局DX戦略課", "市民局区政課");
            assertThat(store.history(PLAN, FY2020, "M001")).extracting(ChangeRecord::field)
                    .containsExactly(MeasureField.DEPARTMENTS);
        }
    }

    @Test
    void aStaleEditIsRefusedAndChangesNothing() throws Exception {
        try (Workspace workspace = Workspace.open(folder)) {
            PlanStore store = workspace.store();
            MeasureContent base = store.edition(PLAN, FY2020).orElseThrow().measure("M002");
            store.saveMeasure(PLAN, FY2020, "M002", base, base.withStatus("先に保存"), ChangeSource.editor());
            assertThatThrownBy(() -> store.saveMeasure(PLAN, FY2020, "M002", base, base.withStatus("後から"),
                    ChangeSource.editor())).isInstanceOf(StaleEditException.class);
            assertThat(store.edition(PLAN, FY2020).orElseThrow().measure("M002").status()).isEqualTo("先に保存");
            assertThat(store.history(PLAN, FY2020, "M002")).hasSize(1);
        }
    }

    @Test
    void replacingAnEditionKeepsHistoryAndRecordsWhatChanged() throws Exception {
        try (Workspace workspace = Workspace.open(folder)) {
            PlanStore store = workspace.store();
            Edition edition = store.edition(PLAN, FY2020).orElseThrow();
            var measures = new java.util.LinkedHashMap<>(edition.measures());
            measures.put("M003", measures.get("M003").withName("水道料金のWEB確認"));
            store.saveEdition(new Edition(PLAN, FY2020, edition.pillars(), measures), ChangeSource.load("x.json"));
            assertThat(store.edition(PLAN, FY2020).orElseThrow().measure("M003").name())
                    .isEqualTo("水道料金のWEB確認");
            assertThat(store.history(PLAN, FY2020, "M003")).singleElement().satisfies(r -> {
                assertThat(r.field()).isEqualTo(MeasureField.NAME);
                assertThat(r.source()).isEqualTo(ChangeSource.load("x.json"));
            });
            assertThat(store.history(PLAN, FY2020, "M004")).isEmpty();
        }
    }

    @Test
    void anotherProcessOpeningTheSameFolderIsToldTheDatabaseIsInUse() throws Exception {
        try (Workspace first = Workspace.open(folder)) {
            Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "jp.sesakudesk.Launcher",
                    "dump", "--data", folder.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String error = new String(other.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(other.waitFor()).isEqualTo(1);
            assertThat(error.strip()).hasLineCount(1).contains("in use by another running Sesaku Desk");
        }
    }

    @Test
    void aDamagedDatabaseFileIsReportedAsUnreadable() throws Exception {
        Files.write(folder.resolve("sesaku-desk.mv.db"), "this is not a database".repeat(200).getBytes());
        assertThatThrownBy(() -> Database.open(folder))
                .isInstanceOfSatisfying(DatabaseUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(DatabaseUnavailableException.Reason.UNREADABLE));
    }
}
