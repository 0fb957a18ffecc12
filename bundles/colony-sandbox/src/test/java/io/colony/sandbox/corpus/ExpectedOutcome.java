package io.colony.sandbox.corpus;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One acceptable way for the sandbox to stop a program, written {@code <stage>[/<detail>,...][: <needle> & ...]}: the
 * stage, for {@code run} the limits or {@code PluginException} that may have stopped it, and words that one part of the
 * reason (a violation, a diagnostic, the message) must all contain, ignoring case.
 */
record ExpectedOutcome(Stage stage, Set<String> details, List<String> needles) {

    static List<ExpectedOutcome> parseAlternatives(String text) {
        return Arrays.stream(text.split("\\|\\|")).map(ExpectedOutcome::parse).toList();
    }

    static ExpectedOutcome parse(String text) {
        String head = text;
        List<String> needles = List.of();
        int colon = text.indexOf(':');
        if (colon >= 0) {
            head = text.substring(0, colon);
            needles = Arrays.stream(text.substring(colon + 1).split("&")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }
        String[] stageAndDetails = head.trim().split("/", 2);
        Set<String> details = stageAndDetails.length < 2 ? Set.of()
                : Arrays.stream(stageAndDetails[1].split(",")).map(String::trim).collect(Collectors.toSet());
        Stage stage = Stage.named(stageAndDetails[0]);
        if (stage == Stage.RAN) {
            throw new IllegalArgumentException("a hostile program must be stopped: '" + text + "'");
        }
        return new ExpectedOutcome(stage, details, needles);
    }

    boolean accepts(ActualOutcome actual) {
        if (actual.stage() != stage || (!details.isEmpty() && !details.contains(actual.detail()))) {
            return false;
        }
        return needles.isEmpty() || actual.parts().stream().anyMatch(this::containsAllNeedles);
    }

    private boolean containsAllNeedles(String part) {
        String lower = part.toLowerCase(Locale.ROOT);
        return needles.stream().allMatch(needle -> lower.contains(needle.toLowerCase(Locale.ROOT)));
    }

    @Override
    public String toString() {
        return stage.configName() + (details.isEmpty() ? "" : "/" + String.join(",", details.stream().sorted().toList()))
                + (needles.isEmpty() ? "" : ": " + String.join(" & ", needles));
    }
}
