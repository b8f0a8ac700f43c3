package jp.sesakudesk.exchange.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntConsumer;

import jp.sesakudesk.domain.Edition;
import jp.sesakudesk.domain.FiscalYear;
import jp.sesakudesk.domain.Listing;
import jp.sesakudesk.domain.MeasureContent;
import jp.sesakudesk.domain.ScheduleRow;

/**
 * 実施状況: one block per listing in published order, as the published report lays it out: the
 * heading (No., 施策名, 所管課), 概要, スケジュール, the year's 実施状況 beside the 取組予定 for the
 * following years, and the ※ notes. A block that would not fit on the rest of a page starts a new one.
 */
final class StatusSheet {

    static final String NAME = "実施状況";

    private static final int A = 0;
    private static final int B = 1;
    private static final int C = 2;
    private static final int D = 3;
    private static final float SPACER_POINTS = 10f;

    /** A row waiting to be written: its height and what goes in it. */
    private record Planned(float height, IntConsumer fill) {
    }

    private final PrintedSheet sheet;

    StatusSheet(WorkbookWriter workbook) {
        this.sheet = new PrintedSheet(workbook, NAME, 12, 31, 10, 31);
    }

    void write(Edition edition) {
        List<Planned> block = new ArrayList<>();
        block.add(new Planned(20, row -> sheet.put(row, A, D, edition.plan(), ReportStyles.SUBTITLE)));
        block.add(new Planned(26, row -> sheet.put(row, A, D, title(edition), ReportStyles.TITLE)));
        Edition.Placement previous = null;
        for (Edition.Placement placement : edition.placements()) {
            headings(block, previous, placement);
            block.addAll(listing(placement.listing(), edition.measure(placement.listing().measureId()),
                    edition.fiscalYear()));
            place(block);
            block.clear();
            previous = placement;
        }
        place(block);
    }

    static String title(Edition edition) {
        return "データ活用に係る主要施策の実施状況 (" + edition.fiscalYear().label() + ")";
    }

    /** Pillar and category headings, kept on the page of the block they introduce. */
    private void headings(List<Planned> block, Edition.Placement previous, Edition.Placement placement) {
        if (previous == null || !Objects.equals(previous.pillar(), placement.pillar())) {
            String text = placement.pillar().label() + " " + placement.pillar().title();
            block.add(new Planned(26, row -> sheet.put(row, A, D, text, ReportStyles.PILLAR)));
        }
        if (previous == null || !Objects.equals(previous.category(), placement.category())) {
            String text = placement.category().label() + " " + placement.category().title();
            block.add(new Planned(22, row -> sheet.put(row, A, D, text, ReportStyles.CATEGORY)));
        }
    }

    /** Writes the rows, on a new page when they would not fit on the rest of this one. */
    private void place(List<Planned> block) {
        sheet.keepTogether(block.stream().mapToDouble(Planned::height).sum());
        for (Planned planned : block) {
            planned.fill().accept(sheet.row(planned.height()));
        }
    }

    private List<Planned> listing(Listing listing, MeasureContent measure, FiscalYear year) {
        List<Planned> rows = new ArrayList<>();
        rows.add(heading(listing, measure));
        rows.add(labelled("概要", measure.description()));
        if (!measure.schedule().isEmpty()) {
            rows.add(new Planned(ReportStyles.rowHeight(1),
                    row -> sheet.put(row, A, D, "スケジュール", ReportStyles.HEADER)));
            measure.schedule().forEach(item -> rows.add(schedule(item)));
        }
        rows.add(pair(year.label() + "の実施状況", year.next().label() + "以降の取組予定", ReportStyles.HEADER));
        rows.add(pair(Objects.requireNonNullElse(measure.status(), ""),
                Objects.requireNonNullElse(measure.plans(), ""), ReportStyles.TEXT));
        for (String note : measure.notes()) {
            int lines = sheet.lines(note, A, D);
            rows.add(new Planned(ReportStyles.rowHeight(lines), row -> sheet.put(row, A, D, note, ReportStyles.NOTE)));
        }
        rows.add(new Planned(SPACER_POINTS, row -> { }));
        return rows;
    }

    private Planned heading(Listing listing, MeasureContent measure) {
        String number = ListSheet.number(listing, measure);
        String name = ListSheet.name(listing, measure);
        String departments = String.join("\n", measure.departments());
        int lines = Math.max(sheet.lines(name, B, C), sheet.lines(departments, D, D));
        return new Planned(ReportStyles.rowHeight(lines), row -> {
            sheet.put(row, A, A, number, ReportStyles.BLOCK_HEAD_CENTER);
            sheet.put(row, B, C, name, ReportStyles.BLOCK_HEAD);
            sheet.put(row, D, D, departments, ReportStyles.BLOCK_HEAD);
        });
    }

    private Planned labelled(String label, String text) {
        int lines = Math.max(sheet.lines(label, A, A), sheet.lines(text, B, D));
        return new Planned(ReportStyles.rowHeight(lines), row -> {
            sheet.put(row, A, A, label, ReportStyles.HEADER);
            sheet.put(row, B, D, text, ReportStyles.TEXT);
        });
    }

    private Planned schedule(ScheduleRow item) {
        String label = item.years().label();
        int lines = Math.max(sheet.lines(label, A, A), sheet.lines(item.activity(), B, D));
        return new Planned(ReportStyles.rowHeight(lines), row -> {
            sheet.put(row, A, A, label, ReportStyles.TEXT_CENTER);
            sheet.put(row, B, D, item.activity(), ReportStyles.TEXT);
        });
    }

    private Planned pair(String left, String right, CellStyle style) {
        int lines = Math.max(sheet.lines(left, A, B), sheet.lines(right, C, D));
        return new Planned(ReportStyles.rowHeight(lines), row -> {
            sheet.put(row, A, B, left, style);
            sheet.put(row, C, D, right, style);
        });
    }
}
