package jp.sesakudesk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class MeasureRulesTest {

    private final MeasureContent valid = new MeasureContent("施策", List.of("総務企画局DX戦略課"), "概要",
            List.of(new ScheduleRow(FiscalYearRange.single(FiscalYear.of(2020)), "実施")), "状況", "予定",
            List.of(), false);

    @Test
    void acceptsAValidMeasure() {
        assertThat(MeasureRules.check(valid)).isEmpty();
    }

    @Test
    void requiresNameAndDepartment() {
        List<Problem> problems = MeasureRules.check(valid.withName(" ").withDepartments(List.of()));
        assertThat(problems).extracting(Problem::field, Problem::key).containsExactly(
                org.assertj.core.groups.Tuple.tuple(MeasureField.NAME, "problem.required"),
                org.assertj.core.groups.Tuple.tuple(MeasureField.DEPARTMENTS, "problem.required"));
    }

    @Test
    void countsCharactersNotUtf16Units() {
        String atLimit = "𠮷".repeat(MeasureRules.STATUS_MAX);
        assertThat(MeasureRules.check(valid.withStatus(atLimit))).isEmpty();
        assertThat(MeasureRules.check(valid.withStatus(atLimit + "あ")))
                .extracting(Problem::key).containsExactly("problem.tooLong");
    }

    @Test
    void refusesControlCharactersButKeepsLineBreaks() {
        assertThat(MeasureRules.check(valid.withPlans("一行目\n二行目\t"))).isEmpty();
        assertThat(MeasureRules.check(valid.withPlans("壊れた\u0007文字")))
                .extracting(Problem::key).containsExactly("problem.controlCharacter");
    }

    @Test
    void refusesDuplicateDepartmentsAndEmptyActivities() {
        MeasureContent content = valid.withDepartments(List.of("市民局区政課", "市民局区政課"))
                .withSchedule(List.of(new ScheduleRow(FiscalYearRange.from(FiscalYear.of(2021)), " ")));
        assertThat(MeasureRules.check(content)).extracting(Problem::key)
                .containsExactly("problem.duplicateDepartment", "problem.emptyActivity");
    }
}
