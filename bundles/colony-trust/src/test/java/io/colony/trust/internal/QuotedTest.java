package io.colony.trust.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QuotedTest {

    @Test
    void quotesAndEscapesQuotesBackslashesAndControlCharacters() {
        assertEquals("'ls -l'", Quoted.of("ls -l"));
        assertEquals("'it\\'s a \\\\ \\n\\r\\t\\0 \\u001b[31m'", Quoted.of("it's a \\ \n\r\t\0 \u001b[31m"));
    }

    @Test
    void escapesInvisibleFormatAndSeparatorCharacters() {
        assertEquals("'a\\u202eb\\u2028c\\u200bd'", Quoted.of("a\u202eb\u2028c\u200bd"));
        assertEquals("'caf\u00e9 \u65e5\u672c'", Quoted.of("caf\u00e9 \u65e5\u672c"));
    }

    @Test
    void cutsLongTextTo200CharactersAndSaysHowLongItWas() {
        String quoted = Quoted.of("a".repeat(5000));
        assertEquals("'" + "a".repeat(200) + "'... (5000 chars)", quoted);
        assertEquals("'" + "b".repeat(200) + "'", Quoted.of("b".repeat(200)));
    }

    @Test
    void neverCutsASurrogatePairInHalf() {
        String text = "a".repeat(199) + "\ud83d\ude00" + "zzz";
        String quoted = Quoted.of(text);
        assertTrue(quoted.startsWith("'" + "a".repeat(199) + "'"), quoted);
    }
}
