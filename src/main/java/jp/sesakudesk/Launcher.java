package jp.sesakudesk;

import java.nio.file.Path;
import java.util.Arrays;

import jp.sesakudesk.cli.Cli;
import jp.sesakudesk.logging.LogSetup;
import jp.sesakudesk.workspace.DataFolder;

/**
 * The jar's entry point: with a command it runs headless, without one it opens the desktop
 * application. A plain class rather than the JavaFX application so that JavaFX may sit on the
 * class path.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        Path dataFolder = DataFolder.resolve(dataOption(args));
        System.setProperty("sesaku.logDir", dataFolder.resolve("logs").toString());
        LogSetup.startInBackground();
        boolean headless = Arrays.stream(args).anyMatch(Cli.COMMANDS::contains);
        if (headless) {
            System.exit(Cli.run(args));
        }
        jp.sesakudesk.ui.DesktopApp.launchWith(dataFolder);
    }

    /** The value of {@code --data DIR} or {@code --data=DIR}, or null. */
    static Path dataOption(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--data") && i + 1 < args.length) {
                return Path.of(args[i + 1]);
            }
            if (args[i].startsWith("--data=")) {
                return Path.of(args[i].substring("--data=".length()));
            }
        }
        return null;
    }
}
