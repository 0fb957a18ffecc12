package correct;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.TaskContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Strings: StringBuilder, regular expressions, formatting, characters, Base64, text blocks. */
public class TextWork implements Plugin {

    private static final Pattern ASSIGNMENT = Pattern.compile("(\\w+)\\s*=\\s*(\\d+)");

    @Override
    public Payload execute(Payload input, TaskContext context) {
        String text = input.asText();
        StringBuilder out = new StringBuilder();
        StringBuilder reversed = new StringBuilder(text).reverse();
        reversed.insert(0, '[').append(']').deleteCharAt(1).setCharAt(1, '*');
        out.append("reversed: ").append(reversed).append('\n');
        Matcher matcher = ASSIGNMENT.matcher(text);
        List<String> found = new ArrayList<>();
        int total = 0;
        while (matcher.find()) {
            found.add(matcher.group(1).toUpperCase(Locale.ROOT) + ":" + matcher.group(2));
            total += Integer.parseInt(matcher.group(2));
        }
        out.append("assignments: ").append(String.join(",", found)).append(" total ").append(total).append('\n');
        out.append("words: ").append(text.split("\\s+").length).append(", replaced: ").append(text.replaceAll("\\d", "#")).append('\n');
        long vowels = text.chars().filter(c -> "aeiou".indexOf(Character.toLowerCase(c)) >= 0).count();
        long digits = text.codePoints().filter(Character::isDigit).count();
        out.append("vowels: ").append(vowels).append(", digits: ").append(digits).append(", upper: ")
                .append(text.chars().filter(Character::isUpperCase).count()).append('\n');
        String encoded = Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        out.append("base64: ").append(encoded).append(" back: ")
                .append(new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8).equals(text)).append('\n');
        StringJoiner joiner = new StringJoiner("|", "<", ">");
        for (String word : "  Level, Radar, colony , Noon  ".split(",")) {
            String stripped = word.strip().toLowerCase(Locale.ROOT);
            joiner.add(stripped + (new StringBuilder(stripped).reverse().toString().equals(stripped) ? "!" : ""));
        }
        out.append("palindromes: ").append(joiner).append('\n');
        String block = """
                first line
                  indented "quoted"
                last\tline""";
        out.append("block lines: ").append(block.lines().count()).append(", length ").append(block.length())
                .append(", indent kept: ").append(block.lines().skip(1).findFirst().orElse("").startsWith("  ")).append('\n');
        out.append(String.format(Locale.ROOT, "%-6s|%6s|%06.2f|%x|%,d|%b%n", "left", "right", 3.14159, 255, 1234567, true));
        out.append("compare: ").append("apple".compareTo("banana")).append(' ').append("Apple".compareToIgnoreCase("apple"))
                .append(", index: ").append(text.indexOf('=')).append(", repeat: ").append("ab".repeat(3)).append(", chars: ")
                .append(Character.getNumericValue('7')).append(Character.toChars(0x1F600).length).append(", é upper: ")
                .append("é".toUpperCase(Locale.ROOT)).append(", utf-8 bytes: ").append("héllo".getBytes(StandardCharsets.UTF_8).length)
                .append(", intern equal: ").append(String.valueOf(new char[] {'o', 'k'}).equals("ok"));
        return Payload.text(out.toString());
    }
}
