package io.lsttracker.snapshot;

import java.math.BigInteger;
import java.time.Instant;

/** One pool's figures at one stored block (wei), as the history returns them. */
public record HistoryPoint(long blockNumber, Instant time, BigInteger ethPerToken, BigInteger totalEth,
        BigInteger tokenSupply) {
}
