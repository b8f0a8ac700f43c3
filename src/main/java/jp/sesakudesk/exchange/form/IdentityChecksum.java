package jp.sesakudesk.exchange.form;

import java.util.List;

/**
 * A checksum over the identity sheet's values, so that an identity sheet edited by hand (another
 * department typed in, a measure row copied) is recognised and the form refused.
 */
final class IdentityChecksum {

    private IdentityChecksum() {
    }

    static String of(String[][] header, List<String[]> measures) {
        StringBuilder text = new StringBuilder("sesaku-desk identity\n");
        for (String[] pair : header) {
            text.append(pair[0]).append('=').append(pair[1]).append('\n');
        }
        for (String[] measure : measures) {
            text.append(String.join("\t", measure)).append('\n');
        }
        return FormFormat.sha256(text.toString()).substring(0, 32);
    }
}
