package io.lsttracker.rewards;

import io.lsttracker.chain.ChainReadException;
import io.lsttracker.chain.EventLog;
import io.lsttracker.domain.Protocol;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * The report events the tracker indexes, with their topic0 (keccak-256 of the signature; abi/SOURCES.md
 * records where each was checked in the protocol's source) and how to decode one log of them.
 */
public enum RewardEvent {
    /** TokenRebased(uint256 indexed reportTimestamp, uint256 timeElapsed, uint256 preTotalShares,
     *  uint256 preTotalEther, uint256 postTotalShares, uint256 postTotalEther, uint256 sharesMintedAsFees). */
    TOKEN_REBASED("TokenRebased", "0xff08c3ef606d198e316ef5b822193c489965899eb4e3c248cea1a4626c3eda50", 6),
    /** BalancesUpdated(uint256 indexed block, uint256 slotTimestamp, uint256 totalEth, uint256 stakingEth,
     *  uint256 rethSupply, uint256 blockTimestamp), the current version. */
    BALANCES_UPDATED("BalancesUpdated", "0xdd27295717c4fbd48b1840f846e18be6f0b7bd6b55608e697e53b15848cecdf9", 5);

    private final String eventName;
    private final String topic0;
    private final int dataWords;

    RewardEvent(String eventName, String topic0, int dataWords) {
        this.eventName = eventName;
        this.topic0 = topic0;
        this.dataWords = dataWords;
    }

    public String eventName() {
        return eventName;
    }

    public String topic0() {
        return topic0;
    }

    /** The event a protocol's reward rate is computed from, if the tracker indexes one for it. */
    public static Optional<RewardEvent> of(Protocol protocol) {
        return switch (protocol) {
            case LIDO -> Optional.of(TOKEN_REBASED);
            case ROCKETPOOL -> Optional.of(BALANCES_UPDATED);
            default -> Optional.empty();
        };
    }

    public static TokenRebased tokenRebased(EventLog log) {
        List<BigInteger> w = TOKEN_REBASED.checked(log);
        return new TokenRebased(log.blockNumber(), seconds(log, log.topicUint(1)), seconds(log, w.get(0)), w.get(1),
                w.get(2), w.get(3), w.get(4), w.get(5));
    }

    public static BalancesUpdated balancesUpdated(EventLog log) {
        List<BigInteger> w = BALANCES_UPDATED.checked(log);
        return new BalancesUpdated(log.blockNumber(), seconds(log, log.topicUint(1)), seconds(log, w.get(0)),
                w.get(1), w.get(2), w.get(3), seconds(log, w.get(4)));
    }

    private List<BigInteger> checked(EventLog log) {
        if (log.topics().isEmpty() || !log.topics().get(0).equalsIgnoreCase(topic0)) {
            throw new ChainReadException("the log at block " + log.blockNumber() + " index " + log.logIndex()
                    + " is not " + eventName + " (topic0 " + (log.topics().isEmpty() ? "none" : log.topics().get(0)) + ")");
        }
        List<BigInteger> words = log.words();
        if (words.size() != dataWords) {
            throw new ChainReadException(eventName + " at block " + log.blockNumber() + " index " + log.logIndex()
                    + " has " + words.size() + " data words, expected " + dataWords);
        }
        return words;
    }

    /** A uint256 that must be a time or a count of seconds (or a block number): it must fit a long. */
    private static long seconds(EventLog log, BigInteger value) {
        if (value.bitLength() > 62) {
            throw new ChainReadException("the log at block " + log.blockNumber() + " index " + log.logIndex()
                    + " has a time or block field out of range: " + value);
        }
        return value.longValueExact();
    }
}
