package io.colony.launcher;

import io.colony.api.admin.AdminProtocol;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A node's directory: {@code etc/} (configuration), {@code deploy/} (watched for plugin bundles),
 * {@code data/} (framework cache, pid, lock, admin channel files) and {@code log/}. The install
 * directory is a node home too; {@code --home} makes others, so that several nodes share one install.
 */
record NodeHome(Path root) {

    static final String CONFIG_PROPERTIES = "config.properties";
    static final String LOCK_FILE = "colony.lock";
    static final String PID_FILE = "colony.pid";
    static final String CONSOLE_OUT = "console.out";

    NodeHome {
        root = root.toAbsolutePath().normalize();
    }

    /**
     * The home a command works on: {@code --home} when given; else the current directory when it is
     * a node home (it holds {@code etc/config.properties} and {@code data/}); else the install directory.
     */
    static NodeHome choose(Optional<Path> option, Path currentDirectory, Path installDirectory) {
        if (option.isPresent()) {
            return new NodeHome(option.get());
        }
        NodeHome current = new NodeHome(currentDirectory);
        return current.looksInitialised() ? current : new NodeHome(installDirectory);
    }

    Path etc() {
        return root.resolve("etc");
    }

    Path deploy() {
        return root.resolve("deploy");
    }

    Path data() {
        return root.resolve("data");
    }

    Path log() {
        return root.resolve("log");
    }

    Path configProperties() {
        return etc().resolve(CONFIG_PROPERTIES);
    }

    Path lockFile() {
        return data().resolve(LOCK_FILE);
    }

    Path pidFile() {
        return data().resolve(PID_FILE);
    }

    Path portFile() {
        return data().resolve(AdminProtocol.PORT_FILE);
    }

    Path secretFile() {
        return data().resolve(AdminProtocol.SECRET_FILE);
    }

    Path consoleOut() {
        return log().resolve(CONSOLE_OUT);
    }

    private boolean looksInitialised() {
        return Files.isRegularFile(configProperties()) && Files.isDirectory(data());
    }

    /**
     * Makes this home usable: a home without {@code etc/} gets a copy of the install's {@code etc/};
     * missing {@code deploy/}, {@code data/} and {@code log/} are created empty.
     */
    void initialise(Path installDirectory) throws LauncherException {
        try {
            if (!Files.isDirectory(etc())) {
                copyTree(installDirectory.resolve("etc"), etc());
            }
            if (!Files.isRegularFile(configProperties())) {
                throw new LauncherException("no " + configProperties() + ": the node home " + root + " is incomplete");
            }
            for (Path directory : List.of(deploy(), data(), log())) {
                Files.createDirectories(directory);
            }
        } catch (IOException e) {
            throw new LauncherException("cannot prepare the node home " + root, e);
        }
    }

    private static void copyTree(Path source, Path target) throws IOException, LauncherException {
        if (!Files.isDirectory(source)) {
            throw new LauncherException("cannot create a node home: " + source + " is missing");
        }
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path copy = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else {
                    copyFile(path, copy);
                }
            }
        }
    }

    private static void copyFile(Path source, Path target) throws IOException {
        try {
            Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
        } catch (FileAlreadyExistsException e) {
            // another start initialising the same home got there first; its copy is as good
        }
    }
}
