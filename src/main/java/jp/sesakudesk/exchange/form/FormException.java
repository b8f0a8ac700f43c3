package jp.sesakudesk.exchange.form;

/** A returned file that cannot be taken as a form, with what is wrong and what to do in its message. */
public class FormException extends Exception {

    public FormException(String message) {
        super(message);
    }
}
