package jp.sesakudesk.exchange.form;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import jp.sesakudesk.domain.MeasureField;

/**
 * The contract between a department form (調査票) and its import: the format version, the hidden
 * identity sheet and the workbook-level names through which input cells are found, so that
 * inserted rows, moved blocks or a re-save in another program do not break the import.
 */
public final class FormFormat {

    /** Written into every form; a form of another version is refused on import. */
    public static final String VERSION = "sesaku-desk-form/1";

    /** The very hidden sheet that identifies the form. */
    public static final String IDENTITY_SHEET = "_form";
    /** The hidden sheet holding the fiscal-year choices of the schedule cells. */
    public static final String LISTS_SHEET = "_lists";
    public static final String INSTRUCTIONS_SHEET = "記入要領";
    public static final String FORM_SHEET = "調査票";
    /** The name of the fiscal-year choice list. */
    public static final String YEAR_CHOICES = "SD_FY_CHOICES";

    /** The fields a department writes in the form; everything else is for reference. */
    public static final java.util.List<MeasureField> INPUT_FIELDS = java.util.List.of(
            MeasureField.DESCRIPTION, MeasureField.SCHEDULE, MeasureField.STATUS, MeasureField.PLANS);

    /** Empty schedule slots added below a measure's rows so that a department can add rows. */
    public static final int SPARE_SCHEDULE_SLOTS = 2;

    /** Identity sheet: rows of key and value, then from this row on one row per measure. */
    static final int FIRST_MEASURE_ROW = 10;
    static final String KEY_FORMAT = "format";
    static final String KEY_PLAN = "plan";
    static final String KEY_FISCAL_YEAR = "fiscalYear";
    static final String KEY_DEPARTMENT = "department";
    static final String KEY_EXPORTED_AT = "exportedAt";
    static final String KEY_FORM_ID = "formId";
    static final String KEY_CHECKSUM = "checksum";

    private static final HexFormat HEX = HexFormat.of();

    /** A digest per thread: looking one up costs more than hashing a field's text. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private FormFormat() {
    }

    /** The defined name of a measure's input cell, e.g. SD_3_STATUS. */
    static String cellName(int measureIndex, MeasureField field) {
        return "SD_" + measureIndex + "_" + field.name();
    }

    /** The defined name of a schedule slot's fiscal-year or activity cell, e.g. SD_3_SCHED2_YEARS. */
    static String slotName(int measureIndex, int slot, boolean years) {
        return "SD_" + measureIndex + "_SCHED" + slot + (years ? "_YEARS" : "_TEXT");
    }

    /** A short fingerprint of a field's text as exported: SHA-256, first 16 hex digits. */
    public static String fingerprint(String text) {
        return sha256(text == null ? "" : text).substring(0, 16);
    }

    static String sha256(String text) {
        return HEX.formatHex(SHA256.get().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

}
