package jp.sesakudesk.i18n;

import java.util.List;

/**
 * A sentence for the user, kept as a bundle key and its arguments until it is shown, so that the
 * core can say what is wrong and each interface can say it in the user's language.
 */
public record Message(String key, List<Object> args) {

    public Message {
        args = List.copyOf(args);
    }

    public static Message of(String key, Object... args) {
        return new Message(key, List.of(args));
    }

    /** The sentence in the given language. */
    public String in(Messages messages) {
        return messages.get(key, args.toArray());
    }

    /** The sentence in English, for logs and the command line. */
    public String english() {
        return in(Messages.english());
    }
}
