package jp.sesakudesk.workspace;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jp.sesakudesk.storage.Database;
import jp.sesakudesk.storage.DatabaseUnavailableException;
import jp.sesakudesk.storage.PlanStore;

/**
 * An open data folder: its database, migrated, and on first start filled with the shipped data.
 * The desktop application and the command line both work through one.
 */
public final class Workspace implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Workspace.class);

    private final Path folder;
    private final Database database;
    private final PlanStore store;

    private Workspace(Path folder, Database database) {
        this.folder = folder;
        this.database = database;
        this.store = new PlanStore(database);
    }

    /** Opens the data folder, creating it and its database with the shipped data if new. */
    public static Workspace open(Path folder) throws DatabaseUnavailableException {
        long started = System.nanoTime();
        Database database = Database.open(folder);
        Workspace workspace = new Workspace(folder, database);
        try {
            ShippedData.installIfEmpty(workspace.store);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        LOG.debug("opened workspace {} in {} ms", folder, (System.nanoTime() - started) / 1_000_000);
        return workspace;
    }

    public Path folder() {
        return folder;
    }

    public Database database() {
        return database;
    }

    public PlanStore store() {
        return store;
    }

    /**
     * The plan to work on: the named one, or the only (first) plan when none is named.
     *
     * @throws IllegalArgumentException when the named plan does not exist
     */
    public String plan(String name) {
        var plans = store.plans();
        if (name == null) {
            if (plans.isEmpty()) {
                throw new IllegalArgumentException("the database holds no plan");
            }
            return plans.get(0);
        }
        if (!plans.contains(name)) {
            throw new IllegalArgumentException("no plan named " + name + "; plans: " + String.join(", ", plans));
        }
        return name;
    }

    @Override
    public void close() {
        database.close();
    }
}
