package io.lsttracker.pool;

import io.lsttracker.domain.Protocol;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The adapter of each protocol; every protocol of {@link Protocol} must have exactly one. */
@Singleton
public final class PoolAdapters {
    private final Map<Protocol, PoolAdapter> byProtocol = new EnumMap<>(Protocol.class);

    public PoolAdapters(List<PoolAdapter> adapters) {
        for (PoolAdapter adapter : adapters) {
            if (byProtocol.put(adapter.protocol(), adapter) != null) {
                throw new IllegalStateException("two adapters for " + adapter.protocol());
            }
        }
        for (Protocol protocol : Protocol.values()) {
            if (!byProtocol.containsKey(protocol)) {
                throw new IllegalStateException("no adapter for protocol " + protocol);
            }
        }
    }

    public PoolAdapter of(Protocol protocol) {
        return byProtocol.get(protocol);
    }
}
