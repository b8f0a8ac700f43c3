package jp.sesakudesk.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import jp.sesakudesk.domain.Category;
import jp.sesakudesk.domain.Edition;
import jp.sesakudesk.domain.FiscalYear;
import jp.sesakudesk.domain.FiscalYearRange;
import jp.sesakudesk.domain.Listing;
import jp.sesakudesk.domain.MeasureContent;
import jp.sesakudesk.domain.MeasureRules;
import jp.sesakudesk.domain.Pillar;
import jp.sesakudesk.domain.Problem;
import jp.sesakudesk.domain.ScheduleRow;
import jp.sesakudesk.i18n.Messages;

/**
 * The edition as JSON, the format of {@code dump} and {@code load} and of the shipped data.
 * Listings are written in published order; each carries the full content of its measure, a 再掲
 * listing included. Reading checks everything a hand-edited file can get wrong and names the place.
 */
public final class EditionJson {

    private static final Pattern MEASURE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .build();

    private EditionJson() {
    }

    // --- writing ---------------------------------------------------------------------------------

    /** Writes the edition as UTF-8 JSON, indented by two spaces. The stream is left open. */
    public static void write(Edition edition, OutputStream out) throws IOException {
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.setPrettyPrinter(prettyPrinter());
            g.writeStartObject();
            g.writeStringField("plan", edition.plan());
            g.writeNumberField("fiscalYear", edition.fiscalYear().startYear());
            g.writeStringField("fiscalYearLabel", edition.fiscalYear().label());
            g.writeArrayFieldStart("pillars");
            for (Pillar pillar : edition.pillars()) {
                writePillar(g, pillar, edition);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static DefaultPrettyPrinter prettyPrinter() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators);
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        return printer;
    }

    private static void writePillar(JsonGenerator g, Pillar pillar, Edition edition) throws IOException {
        g.writeStartObject();
        g.writeNumberField("no", pillar.no());
        g.writeStringField("title", pillar.title());
        g.writeArrayFieldStart("categories");
        for (Category category : pillar.categories()) {
            g.writeStartObject();
            g.writeNumberField("no", category.no());
            g.writeStringField("title", category.title());
            g.writeArrayFieldStart("listings");
            for (Listing listing : category.listings()) {
                writeListing(g, listing, edition.measure(listing.measureId()));
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeListing(JsonGenerator g, Listing listing, MeasureContent m) throws IOException {
        g.writeStartObject();
        g.writeNumberField("no", listing.no());
        g.writeStringField("measureId", listing.measureId());
        g.writeBooleanField("relisted", listing.relisted());
        g.writeStringField("relistedOf", listing.relisted() ? listing.measureId() : null);
        g.writeBooleanField("new", m.isNew());
        g.writeStringField("name", m.name());
        writeStrings(g, "departments", m.departments());
        g.writeStringField("description", m.description());
        g.writeArrayFieldStart("schedule");
        for (ScheduleRow row : m.schedule()) {
            g.writeStartObject();
            g.writeNumberField("from", row.years().from().startYear());
            if (row.years().to() == null) {
                g.writeNullField("to");
            } else {
                g.writeNumberField("to", row.years().to().startYear());
            }
            g.writeStringField("label", row.years().label());
            g.writeStringField("text", row.activity());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField("status", m.status());
        g.writeStringField("plans", m.plans());
        writeStrings(g, "notes", m.notes());
        g.writeEndObject();
    }

    private static void writeStrings(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String value : values) {
            g.writeString(value);
        }
        g.writeEndArray();
    }

    // --- reading ---------------------------------------------------------------------------------

    /**
     * Reads an edition, checking its structure, its 再掲 references and every measure against
     * {@link MeasureRules}.
     *
     * @throws EditionFormatException naming the place (a JSON path) and the problem
     */
    public static Edition read(InputStream in) throws IOException, EditionFormatException {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            String place = at == null ? "file" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new EditionFormatException(place, "not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new EditionFormatException("file", "expected a JSON object holding one edition");
        }
        return new Reader().edition(root);
    }

    /** Reads one file while remembering what the listings seen so far said about each measure. */
    private static final class Reader {

        private final Map<String, MeasureContent> primaries = new LinkedHashMap<>();
        private final Map<String, String> primaryPlace = new HashMap<>();
        private final Map<String, MeasureContent> relistedCopies = new LinkedHashMap<>();
        private final Map<String, String> relistedPlace = new HashMap<>();
        private final List<String> order = new ArrayList<>();

        Edition edition(JsonNode root) throws EditionFormatException {
            String plan = text(root, "plan", "plan", true);
            if (plan.isBlank()) {
                throw new EditionFormatException("plan", "must name the plan");
            }
            FiscalYear fiscalYear = fiscalYear(integer(root, "fiscalYear", "fiscalYear", false), "fiscalYear");
            JsonNode label = root.get("fiscalYearLabel");
            if (label != null && !label.isNull() && !label.asText().equals(fiscalYear.label())) {
                throw new EditionFormatException("fiscalYearLabel",
                        "says " + label.asText() + " but fiscalYear " + fiscalYear.startYear()
                                + " is " + fiscalYear.label());
            }
            List<Pillar> pillars = new ArrayList<>();
            Set<Integer> numbers = new HashSet<>();
            int i = 0;
            for (JsonNode node : array(root, "pillars", "pillars")) {
                String place = "pillars[" + i++ + "]";
                Pillar pillar = pillar(node, place);
                if (!numbers.add(pillar.no())) {
                    throw new EditionFormatException(place + ".no", "pillar " + pillar.no() + " appears twice");
                }
                pillars.add(pillar);
            }
            checkRelistings();
            Map<String, MeasureContent> measures = new LinkedHashMap<>();
            order.forEach(id -> measures.put(id, primaries.get(id)));
            return new Edition(plan, fiscalYear, pillars, measures);
        }

        private Pillar pillar(JsonNode node, String place) throws EditionFormatException {
            requireObject(node, place);
            int no = integer(node, "no", place + ".no", false);
            String title = text(node, "title", place + ".title", true);
            List<Category> categories = new ArrayList<>();
            Set<Integer> numbers = new HashSet<>();
            int i = 0;
            for (JsonNode child : array(node, "categories", place + ".categories")) {
                String childPlace = place + ".categories[" + i++ + "]";
                Category category = category(child, childPlace);
                if (!numbers.add(category.no())) {
                    throw new EditionFormatException(childPlace + ".no",
                            "category " + category.no() + " appears twice in pillar " + no);
                }
                categories.add(category);
            }
            return new Pillar(no, title, categories);
        }

        private Category category(JsonNode node, String place) throws EditionFormatException {
            requireObject(node, place);
            int no = integer(node, "no", place + ".no", false);
            String title = text(node, "title", place + ".title", true);
            List<Listing> listings = new ArrayList<>();
            Set<Integer> numbers = new HashSet<>();
            int i = 0;
            for (JsonNode child : array(node, "listings", place + ".listings")) {
                String childPlace = place + ".listings[" + i++ + "]";
                Listing listing = listing(child, childPlace);
                if (!numbers.add(listing.no())) {
                    throw new EditionFormatException(childPlace + ".no",
                            "listing No. " + listing.no() + " appears twice in category (" + no + ")");
                }
                listings.add(listing);
            }
            return new Category(no, title, listings);
        }

        private Listing listing(JsonNode node, String place) throws EditionFormatException {
            requireObject(node, place);
            int no = integer(node, "no", place + ".no", false);
            String measureId = text(node, "measureId", place + ".measureId", true);
            if (!MEASURE_ID.matcher(measureId).matches()) {
                throw new EditionFormatException(place + ".measureId", "\"" + measureId
                        + "\" is not a measure id: use up to 40 letters, digits, '.', '_' or '-'");
            }
            boolean relisted = bool(node, "relisted", place + ".relisted", false);
            JsonNode relistedOf = node.get("relistedOf");
            if (relisted && relistedOf != null && !relistedOf.isNull() && !relistedOf.asText().equals(measureId)) {
                throw new EditionFormatException(place + ".relistedOf",
                        "a 再掲 listing repeats its own measure: relistedOf must equal measureId " + measureId);
            }
            if (!relisted && relistedOf != null && !relistedOf.isNull()) {
                throw new EditionFormatException(place + ".relistedOf",
                        "only a 再掲 listing (relisted: true) repeats another listing; use null");
            }
            if (!order.contains(measureId)) {
                order.add(measureId);
            }
            if (relisted) {
                if (node.has("name")) {
                    relistedCopies.putIfAbsent(measureId, content(node, place));
                    relistedPlace.putIfAbsent(measureId, place);
                }
            } else {
                if (primaries.containsKey(measureId)) {
                    throw new EditionFormatException(place, "measure " + measureId + " is listed twice without 再掲"
                            + " (first at " + primaryPlace.get(measureId) + "): mark the repeat relisted: true");
                }
                primaries.put(measureId, content(node, place));
                primaryPlace.put(measureId, place);
            }
            return new Listing(no, measureId, relisted);
        }

        private MeasureContent content(JsonNode node, String place) throws EditionFormatException {
            List<ScheduleRow> schedule = new ArrayList<>();
            int i = 0;
            for (JsonNode row : array(node, "schedule", place + ".schedule")) {
                schedule.add(scheduleRow(row, place + ".schedule[" + i++ + "]"));
            }
            MeasureContent content = new MeasureContent(
                    text(node, "name", place + ".name", true),
                    strings(node, "departments", place + ".departments"),
                    text(node, "description", place + ".description", false),
                    schedule,
                    text(node, "status", place + ".status", false),
                    text(node, "plans", place + ".plans", false),
                    strings(node, "notes", place + ".notes"),
                    bool(node, "new", place + ".new", true));
            List<Problem> problems = MeasureRules.check(content);
            if (!problems.isEmpty()) {
                throw new EditionFormatException(place, Messages.english().describe(problems.get(0)));
            }
            return content;
        }

        private ScheduleRow scheduleRow(JsonNode node, String place) throws EditionFormatException {
            requireObject(node, place);
            JsonNode label = node.get("label");
            FiscalYearRange years;
            if (node.hasNonNull("from")) {
                FiscalYear from = fiscalYear(integer(node, "from", place + ".from", false), place + ".from");
                JsonNode to = node.get("to");
                FiscalYear until = to == null || to.isNull()
                        ? null : fiscalYear(integer(node, "to", place + ".to", false), place + ".to");
                if (until != null && until.compareTo(from) < 0) {
                    throw new EditionFormatException(place + ".to", "the row ends before it starts");
                }
                years = new FiscalYearRange(from, until);
                if (label != null && !label.isNull() && !sameRange(label.asText(), years)) {
                    throw new EditionFormatException(place + ".label", "says " + label.asText()
                            + " but from/to say " + years.label());
                }
            } else if (label != null && label.isTextual()) {
                try {
                    years = FiscalYearRange.parse(label.asText());
                } catch (IllegalArgumentException e) {
                    throw new EditionFormatException(place + ".label", e.getMessage());
                }
            } else {
                throw new EditionFormatException(place + ".from", "missing: give the first fiscal year (e.g. 2020)");
            }
            return new ScheduleRow(years, text(node, "text", place + ".text", true));
        }

        private static boolean sameRange(String label, FiscalYearRange years) {
            try {
                return FiscalYearRange.parse(label).equals(years);
            } catch (IllegalArgumentException e) {
                return false;
            }
        }

        private void checkRelistings() throws EditionFormatException {
            for (String id : order) {
                if (!primaries.containsKey(id)) {
                    throw new EditionFormatException(relistedPlace.getOrDefault(id, "pillars"),
                            "measure " + id + " is only listed as 再掲: one listing must be the original"
                                    + " (relisted: false)");
                }
            }
            for (Map.Entry<String, MeasureContent> copy : relistedCopies.entrySet()) {
                if (!copy.getValue().equals(primaries.get(copy.getKey()))) {
                    throw new EditionFormatException(relistedPlace.get(copy.getKey()),
                            "this 再掲 listing differs from the original at " + primaryPlace.get(copy.getKey())
                                    + ": a measure has one content, so edit the original and copy it here"
                                    + " (or leave out the content fields of the 再掲 listing)");
                }
            }
        }
    }

    // --- field readers ---------------------------------------------------------------------------

    private static void requireObject(JsonNode node, String place) throws EditionFormatException {
        if (!node.isObject()) {
            throw new EditionFormatException(place, "expected an object");
        }
    }

    private static String text(JsonNode parent, String field, String place, boolean required)
            throws EditionFormatException {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw new EditionFormatException(place, "missing");
            }
            return null;
        }
        if (!node.isTextual()) {
            throw new EditionFormatException(place, "expected text, found " + node.getNodeType().name().toLowerCase());
        }
        return node.textValue();
    }

    private static int integer(JsonNode parent, String field, String place, boolean optional)
            throws EditionFormatException {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            if (optional) {
                return 0;
            }
            throw new EditionFormatException(place, "missing");
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new EditionFormatException(place, "expected a whole number, found " + node);
        }
        return node.intValue();
    }

    private static boolean bool(JsonNode parent, String field, String place, boolean required)
            throws EditionFormatException {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw new EditionFormatException(place, "missing: write true or false");
            }
            return false;
        }
        if (!node.isBoolean()) {
            throw new EditionFormatException(place, "expected true or false, found " + node);
        }
        return node.booleanValue();
    }

    private static Iterable<JsonNode> array(JsonNode parent, String field, String place)
            throws EditionFormatException {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            throw new EditionFormatException(place, "missing: write [] for none");
        }
        if (!node.isArray()) {
            throw new EditionFormatException(place, "expected a list [...]");
        }
        return node;
    }

    private static List<String> strings(JsonNode parent, String field, String place) throws EditionFormatException {
        List<String> values = new ArrayList<>();
        Iterator<JsonNode> items = array(parent, field, place).iterator();
        for (int i = 0; items.hasNext(); i++) {
            JsonNode item = items.next();
            if (!item.isTextual()) {
                throw new EditionFormatException(place + "[" + i + "]", "expected text");
            }
            values.add(item.textValue());
        }
        return values;
    }

    private static FiscalYear fiscalYear(int year, String place) throws EditionFormatException {
        if (year < FiscalYear.EARLIEST || year > FiscalYear.LATEST) {
            throw new EditionFormatException(place, year + " is not a fiscal year: write the Western year"
                    + " in which it starts, e.g. 2020 for 令和2年度");
        }
        return FiscalYear.of(year);
    }
}
