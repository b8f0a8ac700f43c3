package jp.sesakudesk.ui;

import java.util.Set;
import java.util.function.Predicate;

/**
 * The measure table's quick filters: departments (any of them), New only, 再掲 only, and free text
 * whose words (separated by spaces) must all occur somewhere in the measure's fields.
 */
public final class ListingFilter implements Predicate<ListingRow> {

    public static final ListingFilter NONE = new ListingFilter(Set.of(), false, false, "");

    private final Set<String> departments;
    private final boolean onlyNew;
    private final boolean onlyRelisted;
    private final String[] words;

    /** @param departments full department names; empty for every department */
    public ListingFilter(Set<String> departments, boolean onlyNew, boolean onlyRelisted, String text) {
        this.departments = Set.copyOf(departments);
        this.onlyNew = onlyNew;
        this.onlyRelisted = onlyRelisted;
        String normalized = text == null ? "" : ListingRow.normalize(text).strip();
        this.words = normalized.isEmpty() ? new String[0] : normalized.split("\\s+");
    }

    @Override
    public boolean test(ListingRow row) {
        if (onlyNew && !row.content().isNew()) {
            return false;
        }
        if (onlyRelisted && !row.relisted()) {
            return false;
        }
        if (!departments.isEmpty() && row.content().departments().stream().noneMatch(departments::contains)) {
            return false;
        }
        String searchText = row.searchText();
        for (String word : words) {
            if (!searchText.contains(word)) {
                return false;
            }
        }
        return true;
    }

    public boolean isEmpty() {
        return departments.isEmpty() && !onlyNew && !onlyRelisted && words.length == 0;
    }
}
