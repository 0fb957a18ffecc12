package io.colony.launcher;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Joins words into one Gogo command line that Gogo's tokenizer and expander read back as the same
 * words. A word that is empty, or holds whitespace, a control or non-ASCII character or one of
 * Gogo's special characters, goes in single quotes, inside which Gogo takes every character
 * literally; a single quote itself is written as {@code '\''} (close, escaped quote, reopen), as
 * Gogo's own {@code (q)} quoting does.
 */
final class GogoQuoting {

    /** Characters that mean something to Gogo outside quotes (Expander's list for readable quoting). */
    private static final String SPECIAL = " !\"#$&'()*;<=>?[\\]{|}~%`";

    private GogoQuoting() {
    }

    /** One word is already a whole command line (pipes and all); several are quoted and joined. */
    static String commandLine(List<String> words) {
        if (words.size() == 1) {
            return words.get(0);
        }
        return words.stream().map(GogoQuoting::quote).collect(Collectors.joining(" "));
    }

    static String quote(String word) {
        return needsQuotes(word) ? "'" + word.replace("'", "'\\''") + "'" : word;
    }

    private static boolean needsQuotes(String word) {
        if (word.isEmpty()) {
            return true;
        }
        for (int index = 0; index < word.length(); index++) {
            char character = word.charAt(index);
            if (character < 32 || character >= 127 || SPECIAL.indexOf(character) >= 0) {
                return true;
            }
        }
        // "//" and "/*" open comments at the start of a word
        return word.startsWith("//") || word.startsWith("/*");
    }
}
