package jp.sesakudesk.storage;

/** The database could not be read or written after it was opened (disk full, file removed, …). */
public class StorageException extends RuntimeException {

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
