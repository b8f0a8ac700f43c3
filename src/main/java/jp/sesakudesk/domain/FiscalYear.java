package jp.sesakudesk.domain;

import java.util.List;

/**
 * 年度: a Japanese fiscal year, April to March, identified by the Western year in which it starts
 * (令和2年度 = 2020). Shown in 和暦 with 元年 for the first year of an era.
 */
public record FiscalYear(int startYear) implements Comparable<FiscalYear> {

    /** The first fiscal year that is accepted: anything earlier is a typing error, not a plan. */
    public static final int EARLIEST = 1926;
    public static final int LATEST = 2200;

    /** An era and the first fiscal year counted in it (that era's 元年度). */
    private record Era(String name, int firstYear) {
    }

    /** Newest first, so that a year is shown in the latest era that had begun by its April. */
    private static final List<Era> ERAS = List.of(
            new Era("令和", 2019),
            new Era("平成", 1989),
            new Era("昭和", 1926));

    public FiscalYear {
        if (startYear < EARLIEST || startYear > LATEST) {
            throw new IllegalArgumentException("fiscal year out of range: " + startYear);
        }
    }

    public static FiscalYear of(int startYear) {
        return new FiscalYear(startYear);
    }

    /** The Western start year of an era year, e.g. ("令和", 2) → 2020; null if the era is unknown. */
    static Integer westernYear(String eraName, int eraYear) {
        for (Era era : ERAS) {
            if (era.name().equals(eraName)) {
                return era.firstYear() + eraYear - 1;
            }
        }
        return null;
    }

    /** The 和暦 label, e.g. 令和元年度, 令和2年度, 平成30年度. */
    public String label() {
        return eraYear() + "度";
    }

    /** The 和暦 year the fiscal year starts in, e.g. 令和元年 or 平成30年. */
    public String eraYear() {
        for (Era era : ERAS) {
            if (startYear >= era.firstYear()) {
                int n = startYear - era.firstYear() + 1;
                return era.name() + (n == 1 ? "元" : Integer.toString(n)) + "年";
            }
        }
        throw new IllegalStateException("no era for " + startYear);
    }

    /** The label with the Western year beside it, e.g. 令和2年度 (2020). */
    public String labelWithWesternYear() {
        return label() + " (" + startYear + ")";
    }

    public FiscalYear next() {
        return new FiscalYear(startYear + 1);
    }

    public FiscalYear previous() {
        return new FiscalYear(startYear - 1);
    }

    @Override
    public int compareTo(FiscalYear other) {
        return Integer.compare(startYear, other.startYear);
    }

    @Override
    public String toString() {
        return label();
    }
}
