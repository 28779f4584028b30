package io.lsttracker.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.lsttracker.pool.PoolDefinition;
import io.lsttracker.pool.PoolRegistry;
import io.lsttracker.domain.BlockRef;
import io.lsttracker.domain.PoolState;
import io.lsttracker.domain.Snapshot;
import io.lsttracker.domain.Wei;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON shape of a snapshot (README, "Snapshot JSON"). Amounts are decimal strings in whole ETH or
 * tokens with all 18 decimals, so no figure loses precision in a JSON parser's doubles.
 */
public record SnapshotView(long chainId, BlockView block, List<PoolView> pools) {

    public record BlockView(long number, String hash, String timestamp) {
        static BlockView of(BlockRef block) {
            return new BlockView(block.number(), block.hash(), block.timestamp().toString());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PoolView(
            String id,
            String name,
            String protocol,
            String token,
            String tokenKind,
            String status,
            String ethPerToken,
            String totalEth,
            String tokenSupply,
            Map<String, String> details,
            String error) {

        static PoolView of(PoolDefinition pool, PoolState state) {
            Map<String, String> details = state.isOk() ? state.details().figures() : null;
            return new PoolView(
                    pool.id().value(),
                    pool.name(),
                    pool.protocol().configName(),
                    pool.token(),
                    pool.tokenKind().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    state.status().name().toLowerCase(Locale.ROOT),
                    ether(state.ethPerToken()),
                    ether(state.totalEth()),
                    ether(state.tokenSupply()),
                    details,
                    state.failure());
        }

        private static String ether(BigInteger wei) {
            return wei == null ? null : Wei.toEther(wei).toPlainString();
        }
    }

    public static SnapshotView of(Snapshot snapshot, PoolRegistry registry) {
        // In registry order; a stored pool that has since left the registry is not shown.
        List<PoolView> pools = registry.pools().stream()
                .flatMap(pool -> snapshot.pools().stream().filter(s -> s.id().equals(pool.id()))
                        .map(state -> PoolView.of(pool, state)))
                .toList();
        return new SnapshotView(snapshot.chainId(), BlockView.of(snapshot.block()), pools);
    }
}
