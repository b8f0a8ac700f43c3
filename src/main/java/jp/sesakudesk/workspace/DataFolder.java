package jp.sesakudesk.workspace;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the application keeps its database, settings and logs: the user's data folder by operating
 * system convention, unless one is given with {@code --data DIR}.
 */
public final class DataFolder {

    private static final String NAME = "SesakuDesk";

    private DataFolder() {
    }

    /**
     * The conventional folder: {@code %APPDATA%\SesakuDesk} on Windows,
     * {@code ~/Library/Application Support/SesakuDesk} on macOS, and
     * {@code $XDG_DATA_HOME/sesaku-desk} (default {@code ~/.local/share/sesaku-desk}) elsewhere.
     */
    public static Path standard() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.startsWith("windows")) {
            String appData = System.getenv("APPDATA");
            return (appData == null || appData.isBlank() ? home.resolve("AppData").resolve("Roaming")
                    : Path.of(appData)).resolve(NAME);
        }
        if (os.startsWith("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve(NAME);
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg == null || xdg.isBlank() ? home.resolve(".local").resolve("share") : Path.of(xdg);
        return base.resolve("sesaku-desk");
    }

    /** The given folder, or the conventional one when none is given. */
    public static Path resolve(Path given) {
        return given != null ? given.toAbsolutePath() : standard();
    }
}
