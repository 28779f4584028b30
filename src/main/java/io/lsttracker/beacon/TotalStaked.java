package io.lsttracker.beacon;

import java.math.BigInteger;

/**
 * ETH staked on the beacon chain at one slot: the sum of the balances of its active validators.
 *
 * @param slot              the slot whose state was read (the snapshot block's slot or the nearest before it)
 * @param wei               the sum of the active validators' balances, gwei x 1e9
 * @param activeValidators  how many validators were active
 */
public record TotalStaked(long slot, BigInteger wei, long activeValidators) {
}
