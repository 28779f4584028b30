package io.lsttracker.pool;

import io.lsttracker.config.ConfigException;
import io.lsttracker.domain.Protocol;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The adapter of each protocol: at most one per protocol, and one for every protocol the registry uses. */
@Singleton
public final class PoolAdapters {
    private final Map<Protocol, PoolAdapter> byProtocol = new EnumMap<>(Protocol.class);

    public PoolAdapters(List<PoolAdapter> adapters) {
        for (PoolAdapter adapter : adapters) {
            if (byProtocol.put(adapter.protocol(), adapter) != null) {
                throw new IllegalStateException("two adapters for " + adapter.protocol());
            }
        }
    }

    /** Fails start-up, naming the key, if a configured pool's protocol has no adapter. */
    public void requireAll(PoolRegistry registry) {
        for (PoolDefinition pool : registry.pools()) {
            if (!byProtocol.containsKey(pool.protocol())) {
                throw new ConfigException(registry.source() + ": pools." + pool.id() + ".protocol: "
                        + pool.protocol().configName() + " has no adapter in this build");
            }
        }
    }

    public PoolAdapter of(Protocol protocol) {
        PoolAdapter adapter = byProtocol.get(protocol);
        if (adapter == null) {
            throw new IllegalStateException("no adapter for protocol " + protocol);
        }
        return adapter;
    }
}
