package io.lsttracker.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the tracker's commands as a user does: in this JVM through {@link Main#run}, or as a command line of a child JVM. */
public final class Commands {
    private Commands() {
    }

    /** What a command printed and its exit code. */
    public record Result(int exit, String out, String err) {
    }

    /** Runs {@code args} in this JVM. */
    public static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(exit, out.toString(), err.toString());
    }

    /** The command line of {@code java [-Dproperty...] io.lsttracker.cli.Main args} on this JVM's class path. */
    public static List<String> javaCommand(List<String> systemProperties, List<String> args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        systemProperties.forEach(p -> command.add("-D" + p));
        command.add(Main.class.getName());
        command.addAll(args);
        return command;
    }
}
