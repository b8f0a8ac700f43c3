package jp.sesakudesk.domain;

import java.util.List;

/**
 * 所管課: a bureau (局, 室, 区, 委員会) and a section (課, 担当) responsible for measures. A department
 * keeps its identity when it is renamed; its former names still match.
 */
public record Department(String bureau, String section, List<String> formerNames) {

    private static final List<String> BUREAU_ENDINGS = List.of("委員会", "区役所", "局", "室", "区");

    public Department {
        formerNames = List.copyOf(formerNames);
    }

    /** The name as printed in reports: bureau and section written together. */
    public String fullName() {
        return bureau + section;
    }

    /**
     * Splits a full name into bureau and section at the first bureau ending (局, 室, 区役所, 区,
     * 委員会), e.g. 総務企画局DX戦略課 → 総務企画局 + DX戦略課. A name with no such ending is all section.
     */
    public static Department parse(String fullName) {
        String name = fullName.strip();
        int best = -1;
        String ending = null;
        for (String candidate : BUREAU_ENDINGS) {
            int at = name.indexOf(candidate);
            if (at > 0 && at + candidate.length() < name.length() && (best < 0 || at < best)) {
                best = at;
                ending = candidate;
            }
        }
        if (best < 0) {
            return new Department("", name, List.of());
        }
        int split = best + ending.length();
        if (ending.equals("区") && name.startsWith("役所", split)) {
            split += 2;
        }
        return new Department(name.substring(0, split), name.substring(split), List.of());
    }

    @Override
    public String toString() {
        return fullName();
    }
}
