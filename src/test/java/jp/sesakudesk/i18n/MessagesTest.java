package jp.sesakudesk.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import jp.sesakudesk.domain.MeasureField;

/** Both languages say everything: the bundles have the same keys, and every field has a name. */
class MessagesTest {

    /** The keys of one bundle file alone (a ResourceBundle would add its parent's keys). */
    private static Set<String> keys(String file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/i18n/" + file);
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }

    @Test
    void japaneseAndEnglishHaveTheSameKeys() throws IOException {
        Set<String> japanese = keys("messages_ja.properties");
        Set<String> english = keys("messages.properties");
        assertThat(japanese).hasSizeGreaterThan(100).containsExactlyInAnyOrderElementsOf(english);
    }

    @Test
    void everyFieldHasANameInBothLanguages() {
        for (Locale locale : Messages.LANGUAGES) {
            Messages messages = new Messages(locale);
            for (MeasureField field : MeasureField.values()) {
                assertThat(messages.get(field.messageKey())).as(locale + " " + field).isNotEqualTo(field.messageKey());
            }
        }
        assertThat(new Messages(Locale.JAPANESE).get("field.status")).isEqualTo("実施状況");
    }
}
