package io.lsttracker.entity;

import io.lsttracker.chain.RpcConnection;
import io.lsttracker.chain.TransactionLogReader;
import io.lsttracker.chain.TransactionReader;
import io.lsttracker.chain.Web3jLogReader;
import io.lsttracker.chain.Web3jTransactionReader;
import io.lsttracker.pool.PoolRegistry;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The entity labels (config/entities.yml, checked against the pool registry at start-up) and the chain readers. */
@Factory
public class EntityFactory {
    @Singleton
    EntityRegistry entityRegistry(EntitySettings settings, PoolRegistry pools) {
        return EntityRegistryLoader.load(settings.entitiesFile(), pools);
    }

    @Singleton
    TransactionLogReader transactionLogReader(RpcConnection rpc) {
        return new Web3jLogReader(rpc);
    }

    @Singleton
    TransactionReader transactionReader(RpcConnection rpc) {
        return new Web3jTransactionReader(rpc);
    }
}
