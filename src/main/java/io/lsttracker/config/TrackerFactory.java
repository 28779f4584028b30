package io.lsttracker.config;

import io.lsttracker.chain.ChainReader;
import io.lsttracker.chain.RpcConnection;
import io.lsttracker.chain.Web3jChainReader;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Duration;

/** Builds the registry and the chain connection from configuration, failing fast on bad values. */
@Factory
public class TrackerFactory {

    @Singleton
    PoolRegistry poolRegistry(@Nullable @Value("${tracker.pools-file:}") String poolsFile) {
        return PoolRegistryLoader.load(poolsFile);
    }

    @Singleton
    @Bean(preDestroy = "close")
    RpcConnection rpcConnection(ChainSettings settings) {
        Duration timeout = settings.requestTimeout() == null ? Duration.ofSeconds(20) : settings.requestTimeout();
        if (timeout.isZero() || timeout.isNegative()) {
            throw new ConfigException("tracker.chain.request-timeout: must be positive, got " + timeout);
        }
        if (settings.rpcUrl() == null || settings.rpcUrl().isBlank()) {
            throw new ConfigException("tracker.chain.rpc-url: no JSON-RPC endpoint configured (set LST_RPC_URL)");
        }
        return RpcConnection.open(settings.rpcUrl(), timeout);
    }

    @Singleton
    ChainReader chainReader(RpcConnection rpc, ChainSettings settings) {
        return new Web3jChainReader(rpc, Addresses.parse("tracker.chain.multicall3", settings.multicall3()));
    }
}
