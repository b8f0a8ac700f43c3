package jp.sesakudesk.domain;

import java.util.List;

/** 分野: a numbered group of listings inside a pillar, e.g. (1) 行政手続きのオンライン化. */
public record Category(int no, String title, List<Listing> listings) {

    public Category {
        listings = List.copyOf(listings);
    }

    /** The number as printed: (1). */
    public String label() {
        return "(" + no + ")";
    }
}
