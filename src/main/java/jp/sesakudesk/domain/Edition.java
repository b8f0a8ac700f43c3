package jp.sesakudesk.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 年度版: a plan as it stands in one fiscal year, its structure (pillars, categories, listings) and
 * the content of every measure it lists.
 *
 * @param measures content per measure id, in the order of the first listing of each measure
 */
public record Edition(String plan, FiscalYear fiscalYear, List<Pillar> pillars,
                      Map<String, MeasureContent> measures) {

    public Edition {
        pillars = List.copyOf(pillars);
        measures = Collections.unmodifiableMap(new LinkedHashMap<>(measures));
    }

    /** A listing together with where it stands in the plan. */
    public record Placement(Pillar pillar, Category category, Listing listing) {

        /** The position as printed, e.g. 1-(5)-2. */
        public String position() {
            return pillar.no() + "-(" + category.no() + ")-" + listing.no();
        }
    }

    /** Every listing in published order. */
    public List<Placement> placements() {
        List<Placement> all = new ArrayList<>();
        for (Pillar pillar : pillars) {
            for (Category category : pillar.categories()) {
                for (Listing listing : category.listings()) {
                    all.add(new Placement(pillar, category, listing));
                }
            }
        }
        return all;
    }

    public MeasureContent measure(String measureId) {
        MeasureContent content = measures.get(measureId);
        if (content == null) {
            throw new IllegalArgumentException("no measure " + measureId + " in " + fiscalYear);
        }
        return content;
    }
}
