package io.colony.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.felix.gogo.runtime.CommandProcessorImpl;
import org.apache.felix.gogo.runtime.threadio.ThreadIOImpl;
import org.apache.felix.service.command.CommandSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reads the quoted command lines back with Gogo's own runtime, as the node's shell will. */
class GogoQuotingTest {

    private ThreadIOImpl threadIo;
    private CommandSession session;
    private final List<List<String>> received = new ArrayList<>();
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    /** A Gogo command that records the arguments it is called with. */
    public class Recorder {
        public void record(String[] arguments) {
            received.add(Arrays.asList(arguments));
        }
    }

    @BeforeEach
    void startGogo() {
        threadIo = new ThreadIOImpl();
        threadIo.start();
        CommandProcessorImpl processor = new CommandProcessorImpl(threadIo);
        processor.addCommand("test", new Recorder(), "record");
        session = processor.createSession(new ByteArrayInputStream(new byte[0]), output, output);
    }

    @AfterEach
    void stopGogo() {
        session.close();
        threadIo.stop();
    }

    private List<String> roundTrip(String... words) throws Exception {
        List<String> commandLine = new ArrayList<>(List.of("test:record"));
        commandLine.addAll(List.of(words));
        session.execute(GogoQuoting.commandLine(commandLine));
        return received.get(received.size() - 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "plain", "--chunks", "8", "with space", "tab\there", "new\nline", "",
        "{\"from\":1,\"to\":50000000}", "[1, 2]", "(x)", "a;b", "a|b", "$HOME", "${x}", "a&b",
        "it's", "'single'", "\"double\"", "back\\slash", "<in", "out>", "#not-a-comment", "//nor-this", "/*nor-this*/",
        "*", "file?.txt", "~", "a=b", "100%", "!bang", "`tick`", "ünïcödé", "/tmp/results dir/mandelbrot.png"
    })
    void wordComesBackUnchanged(String word) throws Exception {
        assertEquals(List.of("first", word), roundTrip("first", word));
    }

    @Test
    void manyWordsComeBackInOrder() throws Exception {
        List<String> words = List.of("--chunks", "16", "--out", "/tmp/a b/m.png", "mandelbrot", "{\"width\":1600,\"maxIterations\":800}");

        assertEquals(words, roundTrip(words.toArray(String[]::new)));
    }

    @Test
    void plainWordsAreNotQuoted() {
        assertEquals("colony:run --chunks 8 primes", GogoQuoting.commandLine(List.of("colony:run", "--chunks", "8", "primes")));
    }

    @Test
    void singleQuoteIsClosedEscapedAndReopened() {
        assertEquals("'it'\\''s'", GogoQuoting.quote("it's"));
    }

    @Test
    void oneWordIsAWholeCommandLine() throws Exception {
        session.execute(GogoQuoting.commandLine(List.of("test:record 'a b' c; test:record d")));

        assertEquals(List.of(List.of("a b", "c"), List.of("d")), received);
    }
}
