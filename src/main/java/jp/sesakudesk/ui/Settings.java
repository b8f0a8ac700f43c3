package jp.sesakudesk.ui;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the desktop application remembers between runs, kept in {@code settings.properties} in the
 * data folder: window size and position, the last selected measure, the language.
 */
public final class Settings {

    private static final Logger LOG = LoggerFactory.getLogger(Settings.class);

    private final Path file;
    private final Properties values = new Properties();

    private Settings(Path file) {
        this.file = file;
    }

    /** Reads the settings; a missing or unreadable file gives the defaults. */
    public static Settings load(Path dataFolder) {
        Settings settings = new Settings(dataFolder.resolve("settings.properties"));
        if (Files.isRegularFile(settings.file)) {
            try (Reader in = Files.newBufferedReader(settings.file, StandardCharsets.UTF_8)) {
                settings.values.load(in);
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("settings {} unreadable, using defaults", settings.file, e);
            }
        }
        return settings;
    }

    /** Writes the settings; a failure is logged, never shown: losing a window position loses no work. */
    public void save() {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                values.store(out, "Sesaku Desk settings");
            }
            Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            LOG.warn("cannot save settings {}", file, e);
        }
    }

    public Locale language() {
        return Locale.forLanguageTag(values.getProperty("language", "ja"));
    }

    public void setLanguage(Locale language) {
        values.setProperty("language", language.toLanguageTag());
    }

    public String lastMeasure() {
        return values.getProperty("selection.measure");
    }

    public void setLastMeasure(String measureId) {
        if (measureId == null) {
            values.remove("selection.measure");
        } else {
            values.setProperty("selection.measure", measureId);
        }
    }

    public double number(String key, double fallback) {
        try {
            return Double.parseDouble(values.getProperty(key, Double.toString(fallback)));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public void setNumber(String key, double value) {
        values.setProperty(key, Double.toString(value));
    }

    public boolean flag(String key) {
        return Boolean.parseBoolean(values.getProperty(key, "false"));
    }

    public void setFlag(String key, boolean value) {
        values.setProperty(key, Boolean.toString(value));
    }
}
