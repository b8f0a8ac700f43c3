package jp.sesakudesk.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import jp.sesakudesk.domain.Category;
import jp.sesakudesk.domain.Department;
import jp.sesakudesk.domain.Edition;
import jp.sesakudesk.domain.Listing;
import jp.sesakudesk.domain.MeasureContent;
import jp.sesakudesk.domain.Pillar;
import jp.sesakudesk.domain.ScheduleRow;

/**
 * The shipped FY2020 edition against the text of the published report: every pillar, category and
 * listing of the index in order, with its marks and departments, and every text of the detail
 * section. Texts are compared without whitespace and with full-width letters folded (NFKC),
 * because the text extracted from the PDF breaks lines and spaces letters apart at random.
 */
class ShippedDataTest {

    private static String report;
    private static String reportFolded;
    private static Edition edition;
    private static Map<String, String> currentNameOf;

    /** One line of the published index: pillar, category, listing number or New, name, departments. */
    record IndexListing(int pillar, int category, String no, String name, String departments) {
    }

    @BeforeAll
    static void read() throws IOException {
        report = Files.readString(Path.of(System.getProperty("sesaku.seed")));
        reportFolded = fold(report.replaceAll("</?p>", ""));
        edition = ShippedData.edition("fukuoka-data-plan/fy2020.json");
        currentNameOf = new HashMap<>();
        try (InputStream in = ShippedDataTest.class.getResourceAsStream("/data/fukuoka-data-plan/departments.json")) {
            List<Department> departments = new ObjectMapper().readValue(in, new TypeReference<>() { });
            for (Department d : departments) {
                d.formerNames().forEach(former -> currentNameOf.put(fold(former), fold(d.fullName())));
            }
        }
    }

    static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s+", "");
    }

    /** The index section (主要施策一覧), read line by line. */
    static List<IndexListing> index() {
        int start = report.indexOf("データ活用に係る主要施策一覧");
        int end = report.lastIndexOf("データ活用に係る主要施策の実施状況");
        Pattern pillar = Pattern.compile("^(\\d)\\. (.+?)\\s*$");
        Pattern category = Pattern.compile("^\\((\\d)\\) (.+?)\\s*$");
        Pattern listing = Pattern.compile("^(\\d+|New)\\t(.+?)\\t(.+?)\\s*$");
        List<IndexListing> listings = new ArrayList<>();
        int p = 0;
        int c = 0;
        for (String line : report.substring(start, end).split("\n")) {
            Matcher m;
            if ((m = pillar.matcher(line)).matches()) {
                p = Integer.parseInt(m.group(1));
            } else if ((m = category.matcher(line)).matches()) {
                c = Integer.parseInt(m.group(1));
            } else if ((m = listing.matcher(line)).matches()) {
                listings.add(new IndexListing(p, c, m.group(1), m.group(2), m.group(3)));
            }
        }
        return listings;
    }

    @Test
    void pillarsAndCategoriesAreThoseOfTheReportInOrder() {
        Matcher m = Pattern.compile("(?m)^(\\d)\\. (.+?)\\s*$").matcher(report.substring(0,
                report.lastIndexOf("データ活用に係る主要施策の実施状況")));
        List<String> published = new ArrayList<>();
        while (m.find()) {
            String title = m.group(1) + ". " + m.group(2);
            if (!published.contains(title)) {
                published.add(title);
            }
        }
        assertThat(edition.pillars()).extracting(p -> p.no() + ". " + p.title()).containsExactlyElementsOf(published);
        for (Pillar pillar : edition.pillars()) {
            for (Category category : pillar.categories()) {
                assertThat(report).contains("(" + category.no() + ") " + category.title());
            }
        }
    }

    @Test
    void everyListingOfTheIndexIsShippedInOrderWithItsMarks() {
        List<IndexListing> index = index();
        List<Edition.Placement> placements = edition.placements();
        assertThat(placements).hasSize(index.size()).hasSize(55);
        for (int i = 0; i < index.size(); i++) {
            IndexListing published = index.get(i);
            Edition.Placement shipped = placements.get(i);
            MeasureContent measure = edition.measure(shipped.listing().measureId());
            String where = shipped.position();
            assertThat(shipped.pillar().no()).as(where).isEqualTo(published.pillar());
            assertThat(shipped.category().no()).as(where).isEqualTo(published.category());
            boolean isNew = published.no().equals("New");
            assertThat(measure.isNew()).as(where + " New").isEqualTo(isNew);
            if (!isNew) {
                assertThat(shipped.listing().no()).as(where).isEqualTo(Integer.parseInt(published.no()));
            }
            boolean relisted = published.name().endsWith("（再掲）");
            assertThat(shipped.listing().relisted()).as(where + " 再掲").isEqualTo(relisted);
            String name = fold(published.name().replace("（再掲）", ""));
            assertThat(fold(measure.name())).as(where + " name").isEqualTo(name);
            assertThat(departments(measure)).as(where + " departments")
                    .isEqualTo(current(fold(published.departments())));
        }
    }

    @Test
    void listingsAreNumberedOneToNInEachCategory() {
        for (Pillar pillar : edition.pillars()) {
            for (Category category : pillar.categories()) {
                assertThat(category.listings()).extracting(Listing::no)
                        .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1,
                                category.listings().size()).boxed().toList());
            }
        }
    }

    @Test
    void aRelistedListingRepeatsTheMeasureOfTheSameNameListedBefore() {
        List<Edition.Placement> placements = edition.placements();
        for (int i = 0; i < placements.size(); i++) {
            Listing listing = placements.get(i).listing();
            if (listing.relisted()) {
                String id = listing.measureId();
                assertThat(placements.subList(0, i)).anySatisfy(earlier -> {
                    assertThat(earlier.listing().measureId()).isEqualTo(id);
                    assertThat(earlier.listing().relisted()).isFalse();
                });
            }
        }
    }

    @Test
    void everyTextOfEveryMeasureIsTheReportsText() {
        for (Map.Entry<String, MeasureContent> entry : edition.measures().entrySet()) {
            MeasureContent m = entry.getValue();
            String id = entry.getKey();
            assertThat(reportFolded).as(id + " description").contains(fold(m.description()));
            for (ScheduleRow row : m.schedule()) {
                assertThat(reportFolded).as(id + " schedule " + row.years()).contains(fold(row.activity()));
                assertThat(reportFolded).as(id + " schedule label").contains(fold(row.years().from().label()));
            }
            if (m.status() != null) {
                assertThat(reportFolded).as(id + " status").contains(fold(m.status()));
            }
            if (m.plans() != null) {
                assertThat(reportFolded).as(id + " plans").contains(fold(m.plans()));
            }
            m.notes().forEach(note -> assertThat(reportFolded).as(id + " note").contains(fold(note)));
        }
    }

    @Test
    void theReportsGapsAndVariantsAreResolvedAsDocumented() {
        Map<String, MeasureContent> byName = new HashMap<>();
        edition.measures().values().forEach(m -> byName.putIfAbsent(m.name(), m));
        assertThat(byName.get("ビッグデータとAIを活用した観光案内の実証").status()).isNull();
        assertThat(byName.get("アイランドシティにおける移動に関わるデータの可視化").plans()).isNull();
        assertThat(byName.get("防災・危機管理情報ホームページの再構築").schedule().get(1).years().label())
                .isEqualTo("令和2年度～");
        assertThat(byName.get("QRコード決済サービスの導入").notes())
                .containsExactly("※「QRコード」は(株)デンソーウェーブの登録商標です。");
        long platforms = edition.measures().values().stream()
                .filter(m -> m.name().equals("地域包括ケア情報プラットフォーム")).count();
        assertThat(platforms).isEqualTo(2);
        assertThat(currentNameOf).containsEntry("総務企画局ICT推進課", "総務企画局DX戦略課");
    }

    private static String departments(MeasureContent measure) {
        return fold(String.join("", measure.departments()));
    }

    /** The departments cell with every former name replaced by the current one. */
    private static String current(String publishedDepartments) {
        String text = publishedDepartments;
        for (Map.Entry<String, String> rename : currentNameOf.entrySet()) {
            text = text.replace(rename.getKey(), rename.getValue());
        }
        return text;
    }
}
