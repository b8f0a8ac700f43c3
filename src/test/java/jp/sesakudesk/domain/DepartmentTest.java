package jp.sesakudesk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DepartmentTest {

    @ParameterizedTest
    @CsvSource({
            "総務企画局DX戦略課, 総務企画局, DX戦略課",
            "市長室広報戦略室広報課, 市長室, 広報戦略室広報課",
            "博多区役所企画振興課, 博多区役所, 企画振興課",
            "早良区衛生課, 早良区, 衛生課",
            "市民局区政課, 市民局, 区政課",
            "教育委員会教育ICT推進課, 教育委員会, 教育ICT推進課",
            "農林水産局課長（イノシシ等対策担当）, 農林水産局, 課長（イノシシ等対策担当）"})
    void splitsBureauAndSection(String fullName, String bureau, String section) {
        Department department = Department.parse(fullName);
        assertThat(department.bureau()).isEqualTo(bureau);
        assertThat(department.section()).isEqualTo(section);
        assertThat(department.fullName()).isEqualTo(fullName);
    }
}
