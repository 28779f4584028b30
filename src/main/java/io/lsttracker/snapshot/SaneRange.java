package io.lsttracker.snapshot;

import io.lsttracker.domain.PoolState;
import io.lsttracker.domain.Wei;
import java.math.BigInteger;

/**
 * Bounds no healthy liquid staking token leaves: an exchange rate between 0.5 and 2 ETH per token (every
 * tracked token started at 1 and accrues a few percent a year). A value outside is a broken contract, a
 * wrong address or a decoding bug, so the pool is reported failed with the value rather than stored as truth.
 */
final class SaneRange {
    static final BigInteger MIN_ETH_PER_TOKEN = Wei.ONE_ETHER.divide(BigInteger.TWO);
    static final BigInteger MAX_ETH_PER_TOKEN = Wei.ONE_ETHER.multiply(BigInteger.TWO);

    private SaneRange() {
    }

    static PoolState check(PoolState state) {
        if (!state.isOk()) {
            return state;
        }
        BigInteger rate = state.ethPerToken();
        if (rate.compareTo(MIN_ETH_PER_TOKEN) < 0 || rate.compareTo(MAX_ETH_PER_TOKEN) > 0) {
            return PoolState.failed(state.id(), "implausible exchange rate " + Wei.toEther(rate).toPlainString()
                    + " ETH per token (outside 0.5 to 2)");
        }
        if (state.totalEth().signum() < 0 || state.tokenSupply().signum() < 0) {
            return PoolState.failed(state.id(), "negative total ETH or token supply");
        }
        return state;
    }
}
