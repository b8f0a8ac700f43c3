package jp.sesakudesk.exchange.form;

import jp.sesakudesk.i18n.Message;

/** A returned file that cannot be taken as a form, with what is wrong and what to do in its message. */
public class FormException extends Exception {

    private final Message reason;

    public FormException(String key, Object... args) {
        this(Message.of(key, args));
    }

    public FormException(Message reason) {
        super(reason.english());
        this.reason = reason;
    }

    /** What is wrong, to be said in the user's language. */
    public Message reason() {
        return reason;
    }
}
