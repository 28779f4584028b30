package io.lsttracker.reliability;

import io.lsttracker.cli.Commands;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The tracker as a user runs it: `java io.lsttracker.cli.Main ARGS` in a child JVM on the test's classpath, with
 * the environment given; stderr goes to a file under target/ (read it when a test fails, or to look for secrets).
 */
final class ChildTracker implements AutoCloseable {
    final Process process;
    final Path log;

    private ChildTracker(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static ChildTracker start(Map<String, String> env, List<String> systemProperties, List<String> args) throws IOException {
        List<String> command = Commands.javaCommand(systemProperties, args);
        Path log = Files.createTempFile(Files.createDirectories(Path.of("target", "child-logs")), "tracker-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        return new ChildTracker(builder.start(), log);
    }

    String output() throws IOException {
        return Files.readString(log);
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or rolled back by the JVM. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the child JVM did not die");
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
