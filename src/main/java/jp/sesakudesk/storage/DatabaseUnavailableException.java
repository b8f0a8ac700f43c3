package jp.sesakudesk.storage;

import java.nio.file.Path;

/** The database file could not be opened; {@link #reason()} says why in terms a user can act on. */
public class DatabaseUnavailableException extends Exception {

    public enum Reason {
        /** Another running Sesaku Desk (or another program) has the database open. */
        IN_USE,
        /** The file is damaged or was written by a newer version of the program. */
        UNREADABLE,
        /** The data folder cannot be created or written. */
        FOLDER,
        OTHER
    }

    private final Reason reason;
    private final Path file;

    public DatabaseUnavailableException(Reason reason, Path file, Throwable cause) {
        super(describe(reason, file), cause);
        this.reason = reason;
        this.file = file;
    }

    public Reason reason() {
        return reason;
    }

    public Path file() {
        return file;
    }

    private static String describe(Reason reason, Path file) {
        return switch (reason) {
            case IN_USE -> "The database " + file + " is in use by another running Sesaku Desk."
                    + " Close the other window (or command) and try again.";
            case UNREADABLE -> "The database " + file + " cannot be read: it is damaged or from a newer version."
                    + " Restore a backup or start with another data folder (--data DIR).";
            case FOLDER -> "The data folder " + file + " cannot be created or written."
                    + " Choose another folder with --data DIR.";
            case OTHER -> "The database " + file + " cannot be opened.";
        };
    }
}
