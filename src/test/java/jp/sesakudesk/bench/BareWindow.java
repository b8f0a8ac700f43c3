package jp.sesakudesk.bench;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The floor for the start-up benchmark: an empty JavaFX window of the application's size, started
 * the same way, which prints READY once it has been laid out and exits.
 */
public final class BareWindow extends Application {

    public static void main(String[] args) {
        Application.launch(BareWindow.class, args);
    }

    @Override
    public void start(Stage stage) {
        Scene scene = new Scene(new StackPane(new Label("施策デスク")), 1280, 800);
        stage.setScene(scene);
        stage.show();
        readyAfterFirstLayout(scene);
    }

    /** Prints READY once the scene has been laid out, and exits: the benchmark's end of a start. */
    static void readyAfterFirstLayout(Scene scene) {
        scene.addPostLayoutPulseListener(new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                System.out.println("READY");
                System.out.flush();
                Platform.exit();
            }
        });
    }

    /** A plain launcher, as the application's own, so that JavaFX may sit on the class path. */
    public static final class Launcher {
        public static void main(String[] args) {
            BareWindow.main(args);
        }
    }
}
