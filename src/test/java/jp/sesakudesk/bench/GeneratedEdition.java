package jp.sesakudesk.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.sesakudesk.domain.Category;
import jp.sesakudesk.domain.Edition;
import jp.sesakudesk.domain.Listing;
import jp.sesakudesk.domain.MeasureContent;
import jp.sesakudesk.domain.Pillar;
import jp.sesakudesk.workspace.ShippedData;

/**
 * A large edition for benchmarks: the shipped measures' texts repeated with numbers, spread over
 * many pillars, categories and departments, with every twentieth listing a 再掲 of an earlier one.
 */
public final class GeneratedEdition {

    private GeneratedEdition() {
    }

    public static Edition of(int measureCount, int departmentCount) {
        Edition shipped = ShippedData.edition("fukuoka-data-plan/fy2020.json");
        List<MeasureContent> samples = new ArrayList<>(shipped.measures().values());
        int categoriesPerPillar = 10;
        int listingsPerCategory = 50;
        Map<String, MeasureContent> measures = new LinkedHashMap<>();
        List<Pillar> pillars = new ArrayList<>();
        int made = 0;
        for (int p = 1; made < measureCount; p++) {
            List<Category> categories = new ArrayList<>();
            for (int c = 1; c <= categoriesPerPillar && made < measureCount; c++) {
                List<Listing> listings = new ArrayList<>();
                for (int n = 1; n <= listingsPerCategory && made < measureCount; n++) {
                    if (n % 20 == 0 && made > 100) {
                        listings.add(new Listing(n, "G" + (made - 97), true));
                        continue;
                    }
                    made++;
                    String id = "G" + made;
                    MeasureContent sample = samples.get(made % samples.size());
                    String department = "局" + (made % departmentCount / 10) + "局第" + (made % departmentCount) + "課";
                    measures.put(id, sample.withName(sample.name() + " その" + made)
                            .withDepartments(List.of(department))
                            .withNew(made % 13 == 0));
                    listings.add(new Listing(n, id, false));
                }
                categories.add(new Category(c, "分野 " + p + "-" + c, listings));
            }
            pillars.add(new Pillar(p, "柱 " + p, categories));
        }
        return new Edition("ベンチマーク計画", shipped.fiscalYear(), pillars, measures);
    }
}
