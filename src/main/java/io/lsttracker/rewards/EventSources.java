package io.lsttracker.rewards;

import io.lsttracker.chain.ChainReadException;
import io.lsttracker.chain.ChainReader;
import io.lsttracker.domain.BlockRef;
import io.lsttracker.domain.BlockSelector;
import io.lsttracker.pool.PoolDefinition;
import io.lsttracker.pool.RocketStorage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import org.web3j.abi.datatypes.Address;

/**
 * Which contract emits a pool's report event, block by block. Lido: stETH (the Lido contract) emits TokenRebased
 * at every block. Rocket Pool: the RocketNetworkBalances that RocketStorage names at that block emits
 * BalancesUpdated, and Rocket Pool replaces that contract on upgrades (Houston, then Saturn), so a range of blocks
 * can span several emitters: {@link #emitters} finds where RocketStorage's answer changes, by binary search over
 * the range (a few archive eth_calls per upgrade, none when nothing changed). Every RocketNetworkBalances since
 * Houston (Rocket Pool v1.3) emits the same six-field BalancesUpdated, which the tracker decodes; the v1.0-v1.2
 * contracts emitted a five-field BalancesUpdated without slotTimestamp, which the tracker does not decode, so
 * Rocket Pool's rates begin with Houston's reports (docs/REWARDS.md).
 */
public final class EventSources {

    /** One emitter over a closed block range; {@code emitter} is null where RocketStorage names none. */
    public record EmitterRange(Address emitter, long fromBlock, long toBlock) {
    }

    /** An emitter known to have been in place at {@code block} (what the indexer saw last time). */
    public record KnownEmitter(Address emitter, long block) {
    }

    private EventSources() {
    }

    /** The pool's emitter at {@code block}, or empty for a pool without report events. */
    public static Optional<Address> emitter(ChainReader chain, PoolDefinition pool, BlockRef block) {
        return switch (pool.protocol()) {
            case LIDO -> Optional.of(pool.address("steth"));
            case ROCKETPOOL -> Optional.of(networkBalances(chain, pool, block));
            default -> Optional.empty();
        };
    }

    /**
     * The emitters of [{@code from}, {@code to.number()}], oldest first. {@code known}, when given, is an emitter
     * in place at a block before {@code from} (saves one look-up). A node that cannot answer for an old block
     * (not an archive node) gets the emitter at {@code to} for the whole range, as before upgrades were followed.
     */
    public static List<EmitterRange> emitters(ChainReader chain, PoolDefinition pool, long from, BlockRef to,
            Optional<KnownEmitter> known) {
        Address atTo = emitter(chain, pool, to).orElseThrow();
        if (pool.protocol() != io.lsttracker.domain.Protocol.ROCKETPOOL) {
            return List.of(new EmitterRange(atTo, from, to.number()));
        }
        Address storage = pool.address("storage");
        LongFunction<Address> at = block -> {
            try {
                Address a = RocketStorage.contractAddress(storage, RocketStorage.NETWORK_BALANCES)
                        .readAt(chain, chain.pin(new BlockSelector.Number(block)));
                return RocketStorage.isZero(a) ? null : a;
            } catch (io.lsttracker.chain.CallFailedException e) {
                return null; // no RocketStorage at that block yet (before its deployment): no emitter
            }
        };
        return ranges(at, from, to.number(), atTo, known);
    }

    /**
     * The ranges over which {@code at} (the emitter at a block; null for none) is constant, for [from, to], given
     * the answer at {@code to}. An address holds one contiguous run of blocks (an upgrade never brings an older
     * contract back), so a range whose ends agree has one emitter, and a change is found by binary search.
     */
    static List<EmitterRange> ranges(LongFunction<Address> at, long from, long to, Address atTo,
            Optional<KnownEmitter> known) {
        List<EmitterRange> ranges = new ArrayList<>();
        long knownBlock;
        Address current;
        if (known.isPresent() && known.get().block() < from) {
            knownBlock = known.get().block();
            current = known.get().emitter();
        } else {
            knownBlock = from;
            current = at.apply(from);
        }
        long start = from;
        while (!java.util.Objects.equals(current, atTo)) {
            long low = knownBlock + 1;
            long high = to; // at(to) differs from current
            while (low < high) {
                long middle = low + (high - low) / 2;
                if (java.util.Objects.equals(at.apply(middle), current)) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            if (low - 1 >= start) {
                ranges.add(new EmitterRange(current, start, low - 1));
            }
            start = low;
            knownBlock = low;
            current = at.apply(low);
        }
        ranges.add(new EmitterRange(current, start, to));
        return ranges;
    }

    /** {@link #emitters}, or the emitter at {@code to} for the whole range where old blocks cannot be read. */
    static List<EmitterRange> emittersOrHead(ChainReader chain, PoolDefinition pool, long from, BlockRef to,
            Optional<KnownEmitter> known, org.slf4j.Logger log) {
        try {
            return emitters(chain, pool, from, to, known);
        } catch (ChainReadException e) {
            Address atTo = emitter(chain, pool, to).orElseThrow();
            log.warn("{}: cannot read RocketStorage at blocks {}..{} ({}); indexing them from the contract named at "
                    + "block {} only (an archive node follows Rocket Pool's upgrades)", pool.id(), from, to.number(),
                    e.getMessage(), to.number());
            return List.of(new EmitterRange(atTo, from, to.number()));
        }
    }

    private static Address networkBalances(ChainReader chain, PoolDefinition pool, BlockRef block) {
        Address address = RocketStorage.contractAddress(pool.address("storage"), RocketStorage.NETWORK_BALANCES)
                .readAt(chain, block);
        if (RocketStorage.isZero(address)) {
            throw new ChainReadException("RocketStorage at " + pool.address("storage")
                    + " names no rocketNetworkBalances at block " + block.number());
        }
        return address;
    }
}
