package io.lsttracker.rewards;

import io.lsttracker.chain.LogReader;
import io.lsttracker.chain.RpcConnection;
import io.lsttracker.chain.Web3jLogReader;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The event log reader, over the same JSON-RPC connection as the snapshots. */
@Factory
public class RewardsFactory {
    @Singleton
    LogReader logReader(RpcConnection rpc) {
        return new Web3jLogReader(rpc);
    }
}
