package jp.sesakudesk.domain;

import java.util.Objects;

/**
 * Where a change came from: typed in the editor, loaded or merged from a file, rolled over from the
 * previous edition.
 *
 * @param detail the file name and checksum for file sources, else free text or null
 */
public record ChangeSource(Kind kind, String detail) {

    public enum Kind { EDITOR, LOAD, MERGE, ROLLOVER }

    public ChangeSource {
        Objects.requireNonNull(kind, "kind");
    }

    public static ChangeSource editor() {
        return new ChangeSource(Kind.EDITOR, null);
    }

    public static ChangeSource load(String fileName) {
        return new ChangeSource(Kind.LOAD, fileName);
    }
}
