package jp.sesakudesk.ui;

import java.util.List;
import java.util.Locale;

import javafx.scene.Scene;
import javafx.scene.text.Font;

/**
 * Picks a font that shows Japanese. On Windows and macOS JavaFX finds one by itself; on Linux its
 * automatic fallback skips some CJK fonts, so the first installed one of a known list is named.
 */
final class Fonts {

    private static final List<String> JAPANESE = List.of(
            "Noto Sans CJK JP", "IPAexGothic", "IPAGothic", "IPAPGothic", "TakaoPGothic", "VL PGothic");

    private Fonts() {
    }

    static void applyJapaneseFont(Scene scene) {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return;
        }
        // Asking for each candidate is much cheaper than listing every installed family.
        JAPANESE.stream().filter(family -> Font.font(family).getFamily().equals(family)).findFirst()
                .ifPresent(family -> {
                    String style = "-fx-font-family: '" + family + "';";
                    scene.getRoot().setStyle(style);
                    scene.rootProperty().addListener((obs, old, root) -> root.setStyle(style));
                });
    }
}
