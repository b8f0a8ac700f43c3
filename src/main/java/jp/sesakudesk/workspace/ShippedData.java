package jp.sesakudesk.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jp.sesakudesk.domain.ChangeSource;
import jp.sesakudesk.domain.Department;
import jp.sesakudesk.domain.Edition;
import jp.sesakudesk.exchange.EditionFormatException;
import jp.sesakudesk.exchange.EditionJson;
import jp.sesakudesk.storage.PlanStore;

/**
 * The data the application ships with, under {@code /data} on the class path: an index
 * ({@code shipped.json}) naming department lists and edition files in the {@code dump} format.
 */
public final class ShippedData {

    private static final Logger LOG = LoggerFactory.getLogger(ShippedData.class);
    private static final String INDEX = "/data/shipped.json";

    /** The index: department files first, then edition files, paths relative to {@code /data}. */
    record Index(List<String> departments, List<String> editions) {
    }

    private ShippedData() {
    }

    /** Fills an empty database with the shipped plans; does nothing when a plan exists. */
    public static void installIfEmpty(PlanStore store) {
        if (!store.plans().isEmpty()) {
            return;
        }
        ObjectMapper mapper = new ObjectMapper();
        Index index = read(INDEX, in -> mapper.readValue(in, Index.class));
        for (String file : index.departments()) {
            List<Department> departments = read("/data/" + file,
                    in -> mapper.readValue(in, new TypeReference<List<Department>>() { }));
            store.departments().register(departments);
        }
        for (String file : index.editions()) {
            Edition edition = read("/data/" + file, EditionJson::read);
            store.saveEdition(edition, ChangeSource.load("shipped data: " + file));
            LOG.info("installed the shipped edition {} {}", edition.plan(), edition.fiscalYear().label());
        }
    }

    /** Reads one editions from the shipped data, e.g. for tests that compare against it. */
    public static Edition edition(String file) {
        return read("/data/" + file, EditionJson::read);
    }

    private interface Parser<T> {
        T parse(InputStream in) throws IOException, EditionFormatException;
    }

    private static <T> T read(String resource, Parser<T> parser) {
        try (InputStream in = ShippedData.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("shipped data missing from the application: " + resource);
            }
            return parser.parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read shipped data " + resource, e);
        } catch (EditionFormatException e) {
            throw new IllegalStateException("shipped data " + resource + " is invalid at " + e.getMessage(), e);
        }
    }
}
