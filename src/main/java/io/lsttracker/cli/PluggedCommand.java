package io.lsttracker.cli;

import java.util.concurrent.Callable;

/**
 * A picocli command that the runnable jar carries beside the tracker's own: the devchain's {@code devchain} and
 * {@code demo}. {@link Main} finds them with {@link java.util.ServiceLoader} (META-INF/services), so the
 * tracker's code never names the devchain, which lives in its own source set (src/devchain).
 */
public interface PluggedCommand extends Callable<Integer> {
}
