package jp.sesakudesk.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jp.sesakudesk.logging.LogSetup;

/**
 * The embedded H2 database file in a data folder: opened, locked against a second writer, and
 * migrated to the current schema on open.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /**
     * The newest schema version among the migrations in {@code db/migration}. A database already at
     * this version opens without Flyway, which saves most of a second at every start.
     */
    static final String SCHEMA_VERSION = "2";

    /** Texts up to this size stay in their rows: under the rules' limits, every text and change record. */
    static final int IN_ROW_TEXT_BYTES = 16 * 1024;

    /** The database file's name without H2's {@code .mv.db} ending. */
    public static final String FILE_NAME = "sesaku-desk";

    static {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }

    private final Path file;
    private final JdbcConnectionPool pool;
    private volatile DSLContext dsl;
    /** Committed write transactions since the database was opened; the file is locked to this process. */
    private final AtomicLong writes = new AtomicLong();

    private Database(Path file, JdbcConnectionPool pool) {
        this.file = file;
        this.pool = pool;
    }

    /** Opens (creating if needed) the database in the folder and migrates it. */
    public static Database open(Path folder) throws DatabaseUnavailableException {
        Path file = folder.resolve(FILE_NAME + ".mv.db");
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new DatabaseUnavailableException(DatabaseUnavailableException.Reason.FOLDER, folder, e);
        }
        // The default lock (the operating system's lock on the file) is released even when a process dies.
        String url = "jdbc:h2:file:" + folder.toAbsolutePath().resolve(FILE_NAME);
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
        String opened;
        try (Connection probe = pool.getConnection()) {
            opened = probe.getMetaData().getURL();
        } catch (SQLException e) {
            pool.dispose();
            throw new DatabaseUnavailableException(reasonOf(e, folder, file), file, e);
        }
        LogSetup.awaitReady(); // opening the file takes long enough for logging to be set up meanwhile
        LOG.debug("opened {}", opened);
        Database database = new Database(file, pool);
        try {
            database.migrate();
            database.keepTextsInRows();
        } catch (FlywayException e) {
            database.close();
            throw new DatabaseUnavailableException(DatabaseUnavailableException.Reason.UNREADABLE, file, e);
        }
        return database;
    }

    private static DatabaseUnavailableException.Reason reasonOf(SQLException e, Path folder, Path file) {
        return switch (e.getErrorCode()) {
            case ErrorCode.DATABASE_ALREADY_OPEN_1 -> DatabaseUnavailableException.Reason.IN_USE;
            case ErrorCode.FILE_CORRUPTED_1, ErrorCode.FILE_VERSION_ERROR_1, ErrorCode.FILE_ENCRYPTION_ERROR_1 ->
                    DatabaseUnavailableException.Reason.UNREADABLE;
            case ErrorCode.FILE_CREATION_FAILED_1, ErrorCode.IO_EXCEPTION_1, ErrorCode.IO_EXCEPTION_2 ->
                    // An existing file in a writable folder that cannot be read is damaged, not misplaced.
                    Files.isRegularFile(file) && Files.isWritable(folder)
                            ? DatabaseUnavailableException.Reason.UNREADABLE
                            : DatabaseUnavailableException.Reason.FOLDER;
            default -> DatabaseUnavailableException.Reason.OTHER;
        };
    }

    private void migrate() {
        long started = System.nanoTime();
        if (isCurrent()) {
            LOG.debug("schema at version {}, checked in {} ms", SCHEMA_VERSION,
                    (System.nanoTime() - started) / 1_000_000);
            return;
        }
        Flyway.configure()
                .dataSource(pool)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LOG.debug("schema migrated in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Has H2 keep texts of up to {@value #IN_ROW_TEXT_BYTES} bytes in their rows (a setting stored in
     * the database). By default it moves every text over 256 bytes, about 85 Japanese characters,
     * into a separate LOB store, which about doubled the time to write a merge's change records.
     */
    private void keepTextsInRows() {
        try (Connection connection = pool.getConnection();
             var statement = connection.createStatement()) {
            try (var result = statement.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                    + " WHERE SETTING_NAME = 'MAX_LENGTH_INPLACE_LOB'")) {
                if (result.next() && String.valueOf(IN_ROW_TEXT_BYTES).equals(result.getString(1))) {
                    return;
                }
            }
            statement.execute("SET MAX_LENGTH_INPLACE_LOB " + IN_ROW_TEXT_BYTES);
        } catch (SQLException e) {
            LOG.warn("texts stay in H2's LOB store: {}", e.getMessage());
        }
    }

    /** True when Flyway's history says the newest migration was applied successfully. */
    private boolean isCurrent() {
        try (Connection connection = pool.getConnection()) {
            // Asked first, so that a new database does not leave a failed query in H2's trace file.
            try (var tables = connection.getMetaData().getTables(null, null, "flyway_schema_history", null)) {
                if (!tables.next()) {
                    return false;
                }
            }
            try (var statement = connection.prepareStatement("SELECT \"version\" FROM \"flyway_schema_history\""
                    + " WHERE \"success\" AND \"type\" = 'SQL' ORDER BY \"installed_rank\" DESC LIMIT 1");
                 var result = statement.executeQuery()) {
                return result.next() && SCHEMA_VERSION.equals(result.getString(1));
            }
        } catch (SQLException e) {
            return false;
        }
    }

    /** The jOOQ context of the queries behind the history and submissions views, created on first use. */
    private DSLContext dsl() {
        DSLContext context = dsl;
        if (context == null) {
            synchronized (this) {
                if (dsl == null) {
                    dsl = DSL.using(pool, SQLDialect.H2, new Settings().withExecuteLogging(false));
                }
                context = dsl;
            }
        }
        return context;
    }

    /** Runs a read-only query through jOOQ, outside any transaction. */
    <T> T query(java.util.function.Function<DSLContext, T> query) {
        return query.apply(dsl());
    }

    /** Work with one JDBC connection. */
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs writes with plain JDBC in one transaction: committed when the work returns, rolled back
     * when it throws. Exceptions of the work other than {@link SQLException} pass unchanged.
     */
    <T> T write(Work<T> work) {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                writes.incrementAndGet();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StorageException("cannot write to the plan database: " + e.getMessage(), e);
        }
    }

    /** A backup zip and the state of the database it holds. */
    public record Backup(Path zip, long writesBefore) {
    }

    /** Writes a consistent copy of the whole database into a zip file, e.g. before a merge. */
    public Backup backup(Path zip) {
        long before = writes.get();
        try (Connection connection = pool.getConnection();
             var statement = connection.prepareStatement("BACKUP TO ?")) {
            Files.createDirectories(zip.toAbsolutePath().getParent());
            statement.setString(1, zip.toAbsolutePath().toString());
            statement.execute();
        } catch (SQLException | IOException e) {
            throw new StorageException("cannot write the backup " + zip + ": " + e.getMessage(), e);
        }
        return new Backup(zip, before);
    }

    /** Whether the backup still holds what the database holds: nothing was written since it was taken. */
    public boolean isCurrent(Backup backup) {
        return backup.writesBefore() == writes.get();
    }

    /** Runs a read on a connection of its own. */
    <T> T read(java.util.function.Function<EditionReader, T> reading) {
        try (Connection connection = pool.getConnection()) {
            return reading.apply(new EditionReader(connection));
        } catch (SQLException e) {
            throw new StorageException("cannot read the plan database: " + e.getMessage(), e);
        }
    }

    /** The database file, e.g. for showing its size or making a backup. */
    public Path file() {
        return file;
    }

    @Override
    public void close() {
        pool.dispose();
    }
}
