package jp.sesakudesk.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import jp.sesakudesk.domain.Problem;

/** The application's texts in one language: every visible string comes from the bundle. */
public final class Messages {

    /** The bundle's base name: {@code i18n/messages.properties} (English) and {@code _ja} (Japanese). */
    public static final String BUNDLE = "i18n.messages";

    /** The languages the application speaks, Japanese first. */
    public static final List<Locale> LANGUAGES = List.of(Locale.JAPANESE, Locale.ENGLISH);

    private final ResourceBundle bundle;
    private final Locale locale;

    public Messages(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** English, for the command line and logs. */
    public static Messages english() {
        return new Messages(Locale.ENGLISH);
    }

    public Locale locale() {
        return locale;
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    /** The text for the key with its placeholders ({0}, {1}, …) filled in. */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /** A problem with a measure as a sentence: the field's name and what is wrong with it. */
    public String describe(Problem problem) {
        return get(problem.field().messageKey()) + ": " + get(problem.key(), problem.args().toArray());
    }
}
