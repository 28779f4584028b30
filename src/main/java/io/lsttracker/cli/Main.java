package io.lsttracker.cli;

import io.lsttracker.chain.ChainReadException;
import io.lsttracker.config.ConfigException;
import io.lsttracker.db.StoreException;
import java.io.PrintWriter;
import java.net.BindException;
import java.sql.SQLException;
import java.util.ServiceLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * lst-tracker's command line: {@code java -jar target/lst-tracker.jar <command>}. Bad input (flags, config,
 * an RPC that fails) ends with one line on stderr that says what was wrong and a non-zero exit code, never a
 * stack trace; LST_DEBUG=1 adds the trace for bug reports.
 */
@Command(name = "lst-tracker", mixinStandardHelpOptions = true, version = "lst-tracker 0.1.0",
        description = "On-chain tracker of Ethereum liquid staking tokens.",
        subcommands = {ServeCommand.class, SnapshotCommand.class, BackfillCommand.class, RepairCommand.class})
public final class Main implements Runnable {
    /** Exit code of bad flags or configuration. */
    public static final int EXIT_USAGE = 2;
    /**
     * Exit code of a chain that could not be read, a database that could not be used, a port taken, or a snapshot
     * in which a pool failed.
     */
    public static final int EXIT_CHAIN = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** With no command, lst-tracker serves: the tracker is a service first. */
    private static String[] withDefaultCommand(String[] args) {
        return args.length == 0 ? new String[] {"serve"} : args;
    }

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs a command line with the given output streams; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new Main());
        // The devchain's commands (devchain, demo) ship in the same jar but outside the tracker's code. Added
        // before the settings below, which picocli applies to the subcommands present.
        for (PluggedCommand command : ServiceLoader.load(PluggedCommand.class)) {
            commandLine.addSubcommand(command);
        }
        commandLine.setCaseInsensitiveEnumValuesAllowed(true)
                .setOut(out)
                .setErr(err);
        commandLine.setParameterExceptionHandler((e, arguments) -> {
            e.getCommandLine().getErr().println("error: " + e.getMessage()
                    + " (see: lst-tracker " + commandPath(e.getCommandLine()) + "--help)");
            return EXIT_USAGE;
        });
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            Throwable known = knownCause(e);
            PrintWriter stderr = cmd.getErr();
            String outside = known == null ? outsideFailure(e) : null;
            if (known != null) {
                stderr.println("error: " + known.getMessage());
            } else if (outside != null) {
                stderr.println("error: " + outside);
            } else {
                stderr.println("error: unexpected failure: " + e + " (set LST_DEBUG=1 for the stack trace)");
            }
            if (System.getenv("LST_DEBUG") != null) {
                e.printStackTrace(stderr);
            }
            stderr.flush();
            return known instanceof ConfigException || known instanceof IllegalArgumentException ? EXIT_USAGE : EXIT_CHAIN;
        });
        return commandLine.execute(withDefaultCommand(args));
    }

    /** The first exception in the cause chain whose message is written for users. */
    static Throwable knownCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConfigException || t instanceof ChainReadException || t instanceof CommandException
                    || t instanceof IllegalArgumentException || t instanceof StoreException) {
                return t;
            }
        }
        return null;
    }

    /**
     * A failure of what the tracker runs on rather than of its input, in one line: the database would not open
     * (an H2 file another process holds, a PostgreSQL server that does not answer, a migration refused) or the
     * HTTP port is taken. Null for anything else. The database's own first line says which; a JDBC driver's
     * message names host and port but never the password.
     */
    static String outsideFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return "cannot use the database: " + firstLine(sql.getMessage());
            }
            if (t instanceof BindException bind) {
                return "cannot listen for HTTP (LST_HTTP_HOST, LST_HTTP_PORT): " + firstLine(bind.getMessage());
            }
        }
        return null;
    }

    private static String firstLine(String message) {
        return message == null ? "(no message)" : message.lines().findFirst().orElse("").trim();
    }

    private static String commandPath(CommandLine commandLine) {
        return commandLine.getParent() == null ? "" : commandLine.getCommandName() + " ";
    }
}
