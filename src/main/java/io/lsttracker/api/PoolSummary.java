package io.lsttracker.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.lsttracker.pool.PoolDefinition;
import io.lsttracker.domain.BlockRef;
import io.lsttracker.domain.PoolState;
import io.lsttracker.domain.Wei;
import java.math.BigInteger;
import java.util.Locale;

/**
 * A pool's latest stored state, as {@code GET /api/pools} lists it. {@code status} is ok, failed (with
 * {@code error}) or no-data before the first snapshot; amounts are decimal strings in ETH or tokens.
 * {@code apr7d} is the 7-day reward window (see {@link RewardWindowView}), with a reason when it has no rate.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PoolSummary(
        String id,
        String name,
        String protocol,
        String token,
        String tokenKind,
        String status,
        String ethPerToken,
        String totalEth,
        String tokenSupply,
        Long blockNumber,
        String time,
        String error,
        RewardWindowView apr7d) {

    static PoolSummary of(PoolDefinition pool, PoolState state, BlockRef block) {
        if (state == null) {
            return new PoolSummary(pool.id().value(), pool.name(), pool.protocol().configName(), pool.token(),
                    tokenKind(pool), "no-data", null, null, null, null, null, null, null);
        }
        return new PoolSummary(pool.id().value(), pool.name(), pool.protocol().configName(), pool.token(),
                tokenKind(pool), state.status().name().toLowerCase(Locale.ROOT), ether(state.ethPerToken()),
                ether(state.totalEth()), ether(state.tokenSupply()), block.number(), block.timestamp().toString(),
                state.failure(), null);
    }

    /** The same summary with the pool's 7-day reward window (GET /api/pools shows it next to the state). */
    PoolSummary withApr7d(RewardWindowView window) {
        return new PoolSummary(id, name, protocol, token, tokenKind, status, ethPerToken, totalEth, tokenSupply,
                blockNumber, time, error, window);
    }

    static String tokenKind(PoolDefinition pool) {
        return pool.tokenKind().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static String ether(BigInteger wei) {
        return wei == null ? null : Wei.toEther(wei).toPlainString();
    }
}
