package jp.sesakudesk.domain;

/**
 * A measure's place in a category. Numbers belong to the listing. A relisted listing (再掲) prints the
 * same measure again in another category; editing the measure changes every listing of it.
 */
public record Listing(int no, String measureId, boolean relisted) {
}
