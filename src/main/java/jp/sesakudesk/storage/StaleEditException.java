package jp.sesakudesk.storage;

/** A measure was changed by someone else after the edit being saved started from it. */
public class StaleEditException extends RuntimeException {

    private final String measureId;

    public StaleEditException(String measureId) {
        super("measure " + measureId + " was changed since it was opened; reload it and apply the edit again");
        this.measureId = measureId;
    }

    public String measureId() {
        return measureId;
    }
}
