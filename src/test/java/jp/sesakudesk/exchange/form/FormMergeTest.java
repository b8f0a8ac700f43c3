package jp.sesakudesk.exchange.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.sesakudesk.domain.ChangeRecord;
import jp.sesakudesk.domain.ChangeSource;
import jp.sesakudesk.domain.DepartmentProgress;
import jp.sesakudesk.domain.Edition;
import jp.sesakudesk.domain.FiscalYear;
import jp.sesakudesk.domain.MeasureContent;
import jp.sesakudesk.domain.MeasureField;
import jp.sesakudesk.exchange.form.MergePreview.FieldChange;
import jp.sesakudesk.exchange.form.MergePreview.Status;
import jp.sesakudesk.storage.Database;
import jp.sesakudesk.workspace.Workspace;

/** Forms exported, filled in as departments would, and merged back. */
class FormMergeTest {

    static final String PLAN = "福岡市データ活用推進計画";
    static final FiscalYear FY2020 = FiscalYear.of(2020);

    @TempDir
    Path temp;

    Workspace workspace;
    Path forms;

    @BeforeEach
    void open() throws Exception {
        workspace = Workspace.open(temp.resolve("data"));
        forms = Files.createDirectories(temp.resolve("forms"));
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    Edition edition() {
        return workspace.store().edition(PLAN, FY2020).orElseThrow();
    }

    List<ExportedForm> export(List<String> departments) throws Exception {
        return FormExports.write(workspace, edition(), departments, "令和3年5月14日", forms, () -> false);
    }

    static Set<Integer> defaults(MergePreview preview) {
        return preview.changes().stream().filter(FieldChange::acceptedByDefault).map(FieldChange::id)
                .collect(Collectors.toSet());
    }

    /** Status, plans and one added schedule row for every measure of the form, by measure id. */
    static Map<String, String> filledValues(ExportedForm form) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < form.measureIds().size(); i++) {
            String id = form.measureIds().get(i);
            values.put(FormFormat.cellName(i + 1, MeasureField.STATUS), "令和2年度の実施状況 " + id);
            values.put(FormFormat.cellName(i + 1, MeasureField.PLANS), "取組予定 " + id + "\n二行目");
        }
        return values;
    }

    @Test
    void everyFormFilledAndMergedChangesExactlyTheFilledValuesWithRecords() throws Exception {
        List<ExportedForm> exported = export(List.of());
        assertThat(exported).hasSize(35);
        for (ExportedForm form : exported) {
            Forms.fill(form.file(), filledValues(form));
        }
        Edition before = edition();

        MergePreview preview = FormMerge.preview(workspace, FormMerge.expand(List.of(forms)));
        assertThat(preview.refusedFiles()).isZero();
        // The measure shared by two departments arrives twice with the same text: one is a duplicate.
        assertThat(preview.changes()).filteredOn(c -> c.status() == Status.DUPLICATE).hasSize(2);
        assertThat(preview.changes()).filteredOn(c -> c.status() != Status.DUPLICATE)
                .allSatisfy(c -> assertThat(c.status()).isEqualTo(Status.OK)).hasSize(51 * 2);
        FormMerge.Result result = FormMerge.apply(workspace, preview, defaults(preview));

        assertThat(result.fieldsChanged()).isEqualTo(102);
        assertThat(Files.exists(result.backup())).isTrue();
        Edition after = edition();
        for (String id : after.measures().keySet()) {
            MeasureContent was = before.measure(id);
            MeasureContent now = after.measure(id);
            assertThat(now.status()).isEqualTo("令和2年度の実施状況 " + id);
            assertThat(now.plans()).isEqualTo("取組予定 " + id + "\n二行目");
            assertThat(now.withStatus(was.status()).withPlans(was.plans())).isEqualTo(was);
        }
        List<ChangeRecord> history = workspace.store().history(PLAN, FY2020, "M001");
        assertThat(history).extracting(ChangeRecord::field)
                .containsExactlyInAnyOrder(MeasureField.STATUS, MeasureField.PLANS);
        assertThat(history).allSatisfy(r -> {
            assertThat(r.source().kind()).isEqualTo(ChangeSource.Kind.MERGE);
            assertThat(r.source().detail())
                    .contains("調査票_令和2年度_総務企画局DX戦略課.xlsx", "SHA-256 ");
        });
        assertThat(workspace.store().submissions(PLAN, FY2020)).hasSize(35);
        assertThat(workspace.store().progress(PLAN, FY2020))
                .allSatisfy(p -> assertThat(p.state()).isEqualTo(DepartmentProgress.State.MERGED));
    }

    @Test
    void scheduleRowsAddedInSpareSlotsAndYearsTypedByHandAreTaken() throws Exception {
        ExportedForm form = export(List.of("市民局区政課")).get(0);
        MeasureContent before = edition().measure(form.measureIds().get(0));
        int next = before.schedule().size() + 1;
        Forms.fill(form.file(), Map.of(
                FormFormat.slotName(1, next, true), "令和４年度 ～",
                FormFormat.slotName(1, next, false), "全区で実施"));
        MergePreview preview = FormMerge.preview(workspace, List.of(form.file()));
        FormMerge.apply(workspace, preview, defaults(preview));
        MeasureContent after = edition().measure(form.measureIds().get(0));
        assertThat(after.schedule()).hasSize(next);
        assertThat(after.schedule().get(next - 1).render()).isEqualTo("令和4年度～: 全区で実施");
    }

    @Test
    void formsWithInsertedRowsAreReadThroughTheirNames() throws Exception {
        ExportedForm form = export(List.of("総務企画局DX戦略課")).get(0);
        Forms.edit(form.file(), workbook -> {
            var sheet = workbook.getSheet(FormFormat.FORM_SHEET);
            sheet.shiftRows(1, sheet.getLastRowNum(), 4);
            sheet.createRow(1).createCell(0).setCellValue("部内メモ: 確認済み");
        });
        Forms.fill(form.file(), filledValues(form));
        MergePreview preview = FormMerge.preview(workspace, List.of(form.file()));
        assertThat(preview.changes()).hasSize(form.measureIds().size() * 2)
                .allSatisfy(c -> assertThat(c.status()).isEqualTo(Status.OK));
        assertThat(preview.changes()).filteredOn(c -> c.measureId().equals("M001") && c.field() == MeasureField.STATUS)
                .singleElement().extracting(FieldChange::newText).isEqualTo("令和2年度の実施状況 M001");
    }

    @Test
    void aFieldChangedInTheDatabaseSinceExportIsAConflictNotAnOverwrite() throws Exception {
        ExportedForm form = export(List.of("市民局区政課")).get(0);
        String id = form.measureIds().get(0);
        MeasureContent base = edition().measure(id);
        workspace.store().saveMeasure(PLAN, FY2020, id, base, base.withStatus("中央で修正"),
                ChangeSource.editor());
        Forms.fill(form.file(), Map.of(FormFormat.cellName(1, MeasureField.STATUS), "所管課の記入"));

        MergePreview preview = FormMerge.preview(workspace, List.of(form.file()));
        assertThat(preview.changes()).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo(Status.CHANGED_SINCE_EXPORT);
            assertThat(c.oldText()).isEqualTo("中央で修正");
            assertThat(c.acceptedByDefault()).isFalse();
        });
        FormMerge.apply(workspace, preview, defaults(preview));
        assertThat(edition().measure(id).status()).isEqualTo("中央で修正");

        MergePreview again = FormMerge.preview(workspace, List.of(form.file()));
        FormMerge.apply(workspace, again, Set.of(again.changes().get(0).id()));
        assertThat(edition().measure(id).status()).isEqualTo("所管課の記入");
    }

    @Test
    void aDepartmentThatSentTwoDifferentFormsGetsAConflictToResolve() throws Exception {
        ExportedForm first = export(List.of("市民局区政課")).get(0);
        Path second = forms.resolve("second.xlsx");
        Files.copy(first.file(), second);
        Forms.fill(first.file(), Map.of(FormFormat.cellName(1, MeasureField.STATUS), "一回目"));
        Forms.fill(second, Map.of(FormFormat.cellName(1, MeasureField.STATUS), "二回目"));

        MergePreview preview = FormMerge.preview(workspace, List.of(first.file(), second));
        assertThat(preview.changes()).hasSize(2)
                .allSatisfy(c -> assertThat(c.status()).isEqualTo(Status.OTHER_FILE));
        Set<Integer> both = preview.changes().stream().map(FieldChange::id).collect(Collectors.toSet());
        assertThatThrownBy(() -> FormMerge.apply(workspace, preview, both)).hasMessageContaining("accept one");
        FormMerge.apply(workspace, preview, Set.of(preview.changes().get(1).id()));
        assertThat(edition().measure(first.measureIds().get(0)).status()).isEqualTo("二回目");
    }

    @Test
    void aFormulaInAnInputCellGivesItsCachedTextWithAWarning() throws Exception {
        ExportedForm form = export(List.of("市民局区政課")).get(0);
        Forms.edit(form.file(), workbook -> {
            var cell = Forms.cell(workbook, FormFormat.cellName(1, MeasureField.PLANS));
            cell.setCellFormula("\"継続\"&\"して実施\"");
            FormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
            evaluator.evaluateFormulaCell(cell);
        });
        MergePreview preview = FormMerge.preview(workspace, List.of(form.file()));
        assertThat(preview.files().get(0).warnings()).singleElement()
                .satisfies(w -> assertThat(w.english()).contains("formula", "last computed value"));
        assertThat(preview.changes()).singleElement().extracting(FieldChange::newText).isEqualTo("継続して実施");
    }

    @Test
    void aBackupTakenBeforeAnotherWriteIsNotTheOneTheMergeIsAppliedAfter() throws Exception {
        ExportedForm form = export(List.of("市民局区政課")).get(0);
        Forms.fill(form.file(), filledValues(form));
        MergePreview preview = FormMerge.preview(workspace, List.of(form.file()));
        Database.Backup early = FormMerge.backup(workspace);
        assertThat(workspace.database().isCurrent(early)).isTrue();

        String other = edition().measures().keySet().stream().filter(id -> !preview.current().containsKey(id))
                .findFirst().orElseThrow();
        MeasureContent base = edition().measure(other);
        workspace.store().saveMeasure(PLAN, FY2020, other, base, base.withStatus("中央で修正"),
                ChangeSource.editor());
        assertThat(workspace.database().isCurrent(early)).isFalse();

        FormMerge.Result result = FormMerge.apply(workspace, preview, defaults(preview), early);
        assertThat(result.backup()).exists();
        try (var backups = Files.list(result.backup().getParent())) {
            assertThat(backups).as("the outdated backup is replaced, not kept beside the new one").hasSize(1);
        }
        assertThat(result.fieldsChanged()).isEqualTo(form.measureIds().size() * 2);
    }
}
