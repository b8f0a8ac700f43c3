package jp.sesakudesk.domain;

import java.text.Normalizer;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fiscal years a schedule row covers: a single year (令和元年度), a closed range
 * (令和2年度～令和4年度) or an open one that runs from a year on (令和3年度～).
 *
 * @param from the first fiscal year
 * @param to   the last fiscal year, equal to {@code from} for a single year, null when open-ended
 */
public record FiscalYearRange(FiscalYear from, FiscalYear to) {

    private static final String WAVE_DASHES = "～〜~";
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Pattern WAVE = Pattern.compile("[" + WAVE_DASHES + "]");
    private static final Pattern YEAR = Pattern.compile("(令和|平成|昭和)(元|\\d{1,2})年度?|(\\d{4})年度?");
    private static final Pattern LABEL = Pattern.compile(
            "(?<from>" + YEAR.pattern() + ")(?<wave>[" + WAVE_DASHES + "](?<to>" + YEAR.pattern() + ")?)?");

    public FiscalYearRange {
        Objects.requireNonNull(from, "from");
        if (to != null && to.compareTo(from) < 0) {
            throw new IllegalArgumentException("range ends before it starts: " + from + "～" + to);
        }
    }

    public static FiscalYearRange single(FiscalYear year) {
        return new FiscalYearRange(year, year);
    }

    public static FiscalYearRange from(FiscalYear year) {
        return new FiscalYearRange(year, null);
    }

    public boolean isOpenEnded() {
        return to == null;
    }

    /** The canonical label: 令和元年度, 令和3年度～ or 令和2年度～令和4年度. */
    public String label() {
        if (to == null) {
            return from.label() + "～";
        }
        return from.equals(to) ? from.label() : from.label() + "～" + to.label();
    }

    /**
     * Reads a label as people write it: 令和元年度, 令和2年度～, 令和3年度 ～, 平成30年度 ～,
     * 令和2年度～令和4年度, with full- or half-width digits and spaces, or a Western 2021年度～.
     *
     * @throws IllegalArgumentException naming the label when it is not a fiscal-year label
     */
    public static FiscalYearRange parse(String label) {
        String text = normalize(label);
        Matcher m = LABEL.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a fiscal-year label: " + label);
        }
        FiscalYear from = year(m.group(2), m.group(3), m.group(4));
        if (m.group("wave") == null) {
            return single(from);
        }
        if (m.group("to") == null) {
            return from(from);
        }
        return new FiscalYearRange(from, year(m.group(7), m.group(8), m.group(9)));
    }

    private static String normalize(String label) {
        if (label == null) {
            throw new IllegalArgumentException("not a fiscal-year label: (empty)");
        }
        // NFKC turns full-width digits and the full-width tilde into ASCII; keep the wave dash as one
        // character class so that every way of writing "from then on" reads the same.
        String text = Normalizer.normalize(label, Normalizer.Form.NFKC);
        return WAVE.matcher(SPACE.matcher(text).replaceAll("")).replaceAll("～");
    }

    private static FiscalYear year(String era, String eraYear, String western) {
        if (western != null) {
            return FiscalYear.of(Integer.parseInt(western));
        }
        int n = "元".equals(eraYear) ? 1 : Integer.parseInt(eraYear);
        if (n < 1) {
            throw new IllegalArgumentException("not a fiscal-year label: " + era + eraYear + "年度");
        }
        return FiscalYear.of(FiscalYear.westernYear(era, n));
    }

    @Override
    public String toString() {
        return label();
    }
}
