package jp.sesakudesk.ui;

import java.awt.Desktop;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens a folder in the system's file manager, where the system lets a program do that. */
final class Folders {

    private static final Logger LOG = LoggerFactory.getLogger(Folders.class);

    private Folders() {
    }

    /** Whether {@link #open} can work here (not on a headless system or one without a file manager). */
    static boolean canOpen() {
        try {
            return Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.OPEN);
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** Opens the folder off the FX thread; a failure is only logged, the path is shown beside the button. */
    static void open(Path folder) {
        if (folder == null) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                Desktop.getDesktop().open(folder.toFile());
            } catch (Exception e) {
                LOG.warn("cannot open the folder {}: {}", folder, e.toString());
            }
        }, "sesaku-open-folder");
        thread.setDaemon(true);
        thread.start();
    }
}
