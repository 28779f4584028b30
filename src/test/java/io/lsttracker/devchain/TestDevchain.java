package io.lsttracker.devchain;

/**
 * One devchain shared by the end-to-end tests of a test run (they only read from it): anvil on a free port
 * with {@link #HISTORY_DAYS} days of history and no interval mining, so the head stays put while tests read.
 * Stopped by the shutdown hook of the JVM.
 */
public final class TestDevchain {
    public static final int HISTORY_DAYS = 12;
    private static Devchain shared;

    private TestDevchain() {
    }

    public static synchronized Devchain shared() {
        if (shared == null) {
            DevchainParameters parameters = DevchainParameters.defaults(HISTORY_DAYS).withBlockTime(0);
            Devchain devchain = Devchain.start(AnvilProcess.freePort(), parameters);
            Runtime.getRuntime().addShutdownHook(new Thread(devchain::close));
            shared = devchain;
        }
        return shared;
    }
}
