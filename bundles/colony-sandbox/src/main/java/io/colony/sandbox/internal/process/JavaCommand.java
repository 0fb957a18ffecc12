package io.colony.sandbox.internal.process;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The command line of a child JVM: the worker's own JDK, a bounded heap and the options that keep the child small and closed. */
final class JavaCommand {

    static final String MAIN_CLASS = "io.colony.sandbox.internal.process.child.ChildMain";

    private final Path java;
    private final ProcessSettings settings;
    private final String mainClass;

    JavaCommand(ProcessSettings settings) {
        this(javaOfThisJvm(), settings, MAIN_CLASS);
    }

    /** @param mainClass {@link #MAIN_CLASS}, or in tests a child that misbehaves */
    JavaCommand(Path java, ProcessSettings settings, String mainClass) {
        this.java = java;
        this.settings = settings;
        this.mainClass = mainClass;
    }

    List<String> build(long heapBytes, RunDirectory directory, List<Path> classPath) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.add("-Xmx" + kibibytes(heapBytes));
        command.add("-Xss" + kibibytes(settings.stackBytes()));
        command.add("-XX:MaxMetaspaceSize=" + kibibytes(settings.metaspaceBytes()));
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.add("-XX:ActiveProcessorCount=" + settings.activeProcessors());
        command.add("-XX:+UseSerialGC");
        command.add("-Xshare:auto");
        command.add("-XX:+DisableAttachMechanism");
        command.add("-XX:-UsePerfData");
        // stdout carries the protocol: the JVM's own messages (an OutOfMemoryError's end, warnings) go to stderr
        command.add("-XX:+DisplayVMOutputToStderr");
        command.add("-Xlog:disable");
        command.add("-Xlog:all=warning:stderr");
        command.add("-XX:ErrorFile=" + directory.path().resolve("hs_err_pid%p.log"));
        command.add("-Djava.io.tmpdir=" + directory.tmp());
        command.add("-Dfile.encoding=UTF-8");
        command.add("-Djava.awt.headless=true");
        command.add("-cp");
        command.add(classPath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        command.add(mainClass);
        return command;
    }

    Path java() {
        return java;
    }

    /** {@code java.home/bin/java}, or the command this JVM was started with. */
    static Path javaOfThisJvm() {
        Path home = Path.of(System.getProperty("java.home"), "bin", "java");
        if (Files.isExecutable(home)) {
            return home;
        }
        return ProcessHandle.current().info().command().map(Path::of).filter(Files::isExecutable)
                .orElseThrow(() -> new IllegalStateException("no java executable found in " + home.getParent()
                        + " nor as this process's command, so no child JVM can be started"));
    }

    private static String kibibytes(long bytes) {
        return ((bytes + 1023) / 1024) + "k";
    }
}
