package jp.sesakudesk.exchange.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import jp.sesakudesk.domain.Edition;
import jp.sesakudesk.domain.Listing;
import jp.sesakudesk.domain.MeasureContent;
import jp.sesakudesk.domain.ScheduleRow;

/**
 * データ: the report as one table for machines, following 機械判読可能なデータの表記方法の統一ルール:
 * one header row, one row per listing, one value per cell, numbers as numbers, no merged cells, no
 * blank or decorative rows, and the Western year beside the 和暦.
 */
final class DataTable {

    static final String SHEET_NAME = "データ";
    static final List<String> HEADERS = List.of("柱番号", "柱", "分野番号", "分野", "No.", "施策ID", "再掲",
            "再掲元施策ID", "New", "施策名", "所管課", "概要", "年度(西暦)", "年度(和暦)", "スケジュール",
            "実施状況", "取組予定", "注記");
    /** Separates departments inside the one 所管課 cell. */
    static final String DEPARTMENT_SEPARATOR = "；";

    private static final double[] COLUMN_CHARS = {8, 30, 8, 30, 6, 10, 6, 12, 6, 40, 30, 60, 10, 12, 50, 60, 60, 40};

    private DataTable() {
    }

    /** The values of one listing's row, in the order of {@link #HEADERS}: Integer, Boolean or String. */
    static List<Object> values(Edition edition, Edition.Placement placement) {
        Listing listing = placement.listing();
        MeasureContent measure = edition.measure(listing.measureId());
        String schedule = measure.schedule().stream().map(ScheduleRow::render).collect(Collectors.joining("\n"));
        return List.of(placement.pillar().no(), placement.pillar().title(),
                placement.category().no(), placement.category().title(),
                listing.no(), listing.measureId(), listing.relisted(), listing.relisted() ? listing.measureId() : "",
                measure.isNew(), measure.name(), String.join(DEPARTMENT_SEPARATOR, measure.departments()),
                measure.description(), edition.fiscalYear().startYear(), edition.fiscalYear().label(), schedule,
                Objects.requireNonNullElse(measure.status(), ""), Objects.requireNonNullElse(measure.plans(), ""),
                String.join("\n", measure.notes()));
    }

    static void writeSheet(WorkbookWriter workbook, Edition edition) {
        SheetWriter sheet = workbook.sheet(SHEET_NAME, SheetFormat.table(COLUMN_CHARS, 1));
        sheet.row();
        for (int i = 0; i < HEADERS.size(); i++) {
            sheet.text(i, HEADERS.get(i), null);
        }
        for (Edition.Placement placement : edition.placements()) {
            sheet.row();
            fill(sheet, values(edition, placement));
        }
    }

    /** Fills the row being written; an empty text leaves its cell out. */
    private static void fill(SheetWriter sheet, List<Object> values) {
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            if (value instanceof Integer number) {
                sheet.number(i, number);
            } else if (value instanceof Boolean flag) {
                sheet.bool(i, flag);
            } else if (!value.toString().isEmpty()) {
                sheet.text(i, value.toString(), null);
            }
        }
    }

    /** Writes the table as CSV: UTF-8 with a byte order mark, RFC 4180 quoting, CRLF line ends. */
    static void writeCsv(OutputStream out, Edition edition) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        record(writer, List.copyOf(HEADERS));
        for (Edition.Placement placement : edition.placements()) {
            record(writer, values(edition, placement));
        }
        writer.flush();
    }

    private static void record(Writer writer, List<?> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                writer.write(',');
            }
            writer.write(csvField(values.get(i)));
        }
        writer.write("\r\n");
    }

    /** A value as a CSV field, in double quotes (doubled inside) when it holds a comma, quote, CR or LF. */
    static String csvField(Object value) {
        String text = value instanceof Boolean flag ? (flag ? "TRUE" : "FALSE") : value.toString();
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\r') < 0 && text.indexOf('\n') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
