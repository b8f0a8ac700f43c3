package jp.sesakudesk.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FiscalYearTest {

    @ParameterizedTest
    @CsvSource({
            "2018, 平成30年度",
            "2019, 令和元年度",
            "2020, 令和2年度",
            "2022, 令和4年度",
            "1989, 平成元年度",
            "1988, 昭和63年度"})
    void formatsInJapaneseEra(int year, String label) {
        assertThat(FiscalYear.of(year).label()).isEqualTo(label);
        assertThat(FiscalYear.of(year).labelWithWesternYear()).isEqualTo(label + " (" + year + ")");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "令和元年度|2019|2019",
            "令和2年度|2020|2020",
            "令和2年度～|2020|",
            "令和3年度 ～|2021|",
            "令和３年度　～|2021|",
            "平成30年度 ～|2018|",
            "令和元年度～|2019|",
            "令和2年度〜令和4年度|2020|2022",
            "令和2年度~|2020|",
            "2021年度～|2021|"})
    void parsesEveryLabelForm(String label, int from, Integer to) {
        FiscalYearRange range = FiscalYearRange.parse(label);
        assertThat(range.from().startYear()).isEqualTo(from);
        assertThat(range.to() == null ? null : range.to().startYear()).isEqualTo(to);
    }

    @Test
    void canonicalLabelsRoundTrip() {
        assertThat(FiscalYearRange.parse("令和3年度 ～").label()).isEqualTo("令和3年度～");
        assertThat(FiscalYearRange.parse("令和元年度").label()).isEqualTo("令和元年度");
        assertThat(FiscalYearRange.parse("令和2年度～令和4年度").label())
                .isEqualTo("令和2年度～令和4年度");
        assertThat(FiscalYearRange.parse("令和２年度").isOpenEnded()).isFalse();
    }

    @Test
    void parsesEveryScheduleLabelOfThePublishedReport() throws IOException {
        String report = Files.readString(Path.of(System.getProperty("sesaku.seed")));
        Matcher m = Pattern.compile(
                "^\\t*((?:令和|平成)(?:元|[0-9０-９]{1,2})年度(?:[ 　]*～)?)\\t", Pattern.MULTILINE)
                .matcher(report);
        Set<String> labels = new LinkedHashSet<>();
        while (m.find()) {
            labels.add(m.group(1));
        }
        assertThat(labels)
                .contains("令和元年度", "令和2年度～", "令和3年度 ～", "平成30年度 ～", "令和元年度～");
        for (String label : labels) {
            FiscalYearRange range = FiscalYearRange.parse(label);
            assertThat(range.isOpenEnded()).as(label).isEqualTo(label.contains("～"));
            assertThat(FiscalYearRange.parse(range.label())).isEqualTo(range);
        }
    }

    @Test
    void refusesWhatIsNoFiscalYear() {
        assertThatThrownBy(() -> FiscalYearRange.parse("来年度")).hasMessageContaining("来年度");
        assertThatThrownBy(() -> FiscalYearRange.parse("令和0年度")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FiscalYearRange.parse("令和4年度～令和2年度"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FiscalYearRange.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
