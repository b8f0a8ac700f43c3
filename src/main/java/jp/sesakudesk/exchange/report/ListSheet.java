package jp.sesakudesk.exchange.report;

import java.util.List;

import jp.sesakudesk.domain.Category;
import jp.sesakudesk.domain.Edition;
import jp.sesakudesk.domain.Listing;
import jp.sesakudesk.domain.MeasureContent;
import jp.sesakudesk.domain.Pillar;

/** 主要施策一覧: every listing by pillar and category with its number, name and departments. */
final class ListSheet {

    static final String NAME = "主要施策一覧";
    static final String RELISTED_MARK = "（再掲）";
    static final String NEW_MARK = "New";

    private static final int NO = 0;
    private static final int MEASURE = 1;
    private static final int DEPARTMENTS = 2;
    private static final float PILLAR_POINTS = 24f;
    private static final float CATEGORY_POINTS = 21f;

    private final PrintedSheet sheet;
    private Edition edition;

    ListSheet(WorkbookWriter workbook) {
        this.sheet = new PrintedSheet(workbook, NAME, 5, 48, 33);
    }

    void write(Edition edition) {
        this.edition = edition;
        sheet.put(sheet.row(20), NO, DEPARTMENTS, edition.plan(), ReportStyles.SUBTITLE);
        sheet.put(sheet.row(26), NO, DEPARTMENTS, title(edition), ReportStyles.TITLE);
        float headerHeight = ReportStyles.rowHeight(1);
        int header = sheet.row(headerHeight);
        sheet.put(header, NO, NO, "No.", ReportStyles.HEADER);
        sheet.put(header, MEASURE, MEASURE, "施策名", ReportStyles.HEADER);
        sheet.put(header, DEPARTMENTS, DEPARTMENTS, "所管課", ReportStyles.HEADER);
        sheet.repeatOnEveryPage(header, headerHeight);
        for (Pillar pillar : edition.pillars()) {
            for (Category category : pillar.categories()) {
                boolean firstOfPillar = category == pillar.categories().get(0);
                headings(firstOfPillar ? pillar : null, category);
                category.listings().forEach(this::listing);
            }
        }
    }

    static String title(Edition edition) {
        return "データ活用に係る主要施策一覧 (" + edition.fiscalYear().label() + ")";
    }

    /** The category's heading, after the pillar's when given, on the page of the first listing. */
    private void headings(Pillar pillar, Category category) {
        List<Listing> listings = category.listings();
        double first = listings.isEmpty() ? 0 : height(listings.get(0));
        sheet.keepTogether((pillar == null ? 0 : PILLAR_POINTS) + CATEGORY_POINTS + first);
        if (pillar != null) {
            heading(pillar.label() + " " + pillar.title(), ReportStyles.PILLAR, PILLAR_POINTS);
        }
        heading(category.label() + " " + category.title(), ReportStyles.CATEGORY, CATEGORY_POINTS);
    }

    private void heading(String text, CellStyle style, float height) {
        sheet.put(sheet.row(height), NO, DEPARTMENTS, text, style);
    }

    private float height(Listing listing) {
        MeasureContent measure = edition.measure(listing.measureId());
        int lines = Math.max(sheet.lines(name(listing, measure), MEASURE, MEASURE),
                sheet.lines(departments(measure), DEPARTMENTS, DEPARTMENTS));
        return ReportStyles.rowHeight(lines);
    }

    private void listing(Listing listing) {
        MeasureContent measure = edition.measure(listing.measureId());
        int row = sheet.row(height(listing));
        sheet.put(row, NO, NO, number(listing, measure), ReportStyles.TEXT_CENTER);
        sheet.put(row, MEASURE, MEASURE, name(listing, measure), ReportStyles.TEXT_MIDDLE);
        sheet.put(row, DEPARTMENTS, DEPARTMENTS, departments(measure), ReportStyles.TEXT_MIDDLE);
    }

    private static String departments(MeasureContent measure) {
        return String.join("\n", measure.departments());
    }

    /** The No. as printed: the listing's number, or New for a measure new in this edition. */
    static String number(Listing listing, MeasureContent measure) {
        return measure.isNew() ? NEW_MARK : Integer.toString(listing.no());
    }

    /** The name as printed, marked （再掲） on a relisted listing. */
    static String name(Listing listing, MeasureContent measure) {
        return listing.relisted() ? measure.name() + RELISTED_MARK : measure.name();
    }
}
