package io.lsttracker.chain;

import io.lsttracker.config.Addresses;
import io.lsttracker.config.ConfigException;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the chain connection and reader from configuration, failing fast on bad values. */
@Factory
public class ChainFactory {
    private static final Logger LOG = LoggerFactory.getLogger(ChainFactory.class);

    /**
     * The JSON-RPC connection, checked at start-up: an endpoint that answers another chain id than
     * tracker.chain.chain-id refuses the start; one that cannot be reached now is logged and checked before its use.
     */
    @Singleton
    @Bean(preDestroy = "close")
    RpcConnection rpcConnection(ChainSettings settings) {
        long chainId = settings.chainId();
        RpcConnection rpc = RpcConnection.open(settings.endpoints(), settings.retryPolicy(), chainId);
        try {
            for (String down : rpc.checkChainIds(chainId)) {
                LOG.warn("RPC endpoint {} did not answer eth_chainId at start-up; its chain id is checked before its "
                        + "first use", down);
            }
        } catch (RuntimeException wrongChain) {
            rpc.close();
            throw new ConfigException(wrongChain.getMessage());
        }
        return rpc;
    }

    @Singleton
    ChainReader chainReader(RpcConnection rpc, ChainSettings settings) {
        return new Web3jChainReader(rpc, Addresses.parse("tracker.chain.multicall3", settings.multicall3()));
    }
}
