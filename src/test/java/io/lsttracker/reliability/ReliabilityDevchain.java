package io.lsttracker.reliability;

import io.lsttracker.devchain.AnvilProcess;
import io.lsttracker.devchain.Devchain;
import io.lsttracker.devchain.DevchainParameters;

/**
 * A devchain for the tests of this package, which write to it (anvil_reorg, mining under a running tracker),
 * so it is not the read-only TestDevchain.shared(). Two days of history (report events of both Lido and Rocket Pool
 * below the head; one day, with the markets and the withdrawal queue scripted into it, held a Rocket Pool report only), no
 * interval mining (the tests mine). Each test works from the head it finds. Stopped by the JVM's shutdown hook.
 */
final class ReliabilityDevchain {
    private static Devchain shared;

    private ReliabilityDevchain() {
    }

    static synchronized Devchain shared() {
        if (shared == null) {
            Devchain devchain = Devchain.start(AnvilProcess.freePort(), DevchainParameters.defaults(2).withBlockTime(0));
            Runtime.getRuntime().addShutdownHook(new Thread(devchain::close));
            shared = devchain;
        }
        return shared;
    }
}
