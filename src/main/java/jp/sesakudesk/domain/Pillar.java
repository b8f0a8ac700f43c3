package jp.sesakudesk.domain;

import java.util.List;

/** 柱: a numbered pillar of the plan holding its categories. */
public record Pillar(int no, String title, List<Category> categories) {

    public Pillar {
        categories = List.copyOf(categories);
    }

    /** The number as printed: 1. */
    public String label() {
        return no + ".";
    }
}
