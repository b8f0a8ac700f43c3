package jp.sesakudesk.ui;

import javafx.stage.Stage;

/** A window of its own opened from the main window (merge, submissions, form export). */
abstract class ChildWindow {

    /** The window's stage, made by the subclass. */
    abstract Stage stage();

    /** Shows the window, or brings it to the front when it is already open. */
    void show() {
        stage().show();
        stage().toFront();
    }

    boolean isShowing() {
        return stage().isShowing();
    }

    void close() {
        stage().close();
    }
}
