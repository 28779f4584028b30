package io.lsttracker.concentration;

import io.lsttracker.domain.StakeShares;
import io.lsttracker.domain.Tau;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Concentration of stake among entities (pools, or a pool's node operators), from exact stakes in wei.
 * Definitions and their sources: docs/CONCENTRATION.md.
 *
 * <ul>
 * <li>share of an entity = stake / denominator. The denominator is the sum of the entities' stakes (shares
 *     among LSTs, among operators) or a larger total (shares of all staked ETH, where the rest belongs to
 *     entities we do not know and is not one entity).</li>
 * <li>HHI = 10,000 x sum(stake^2) / denominator^2, i.e. the sum of squared shares in whole percent, 0..10,000
 *     (the usual antitrust reading: above 2,500 is highly concentrated). Over all staked ETH it leaves out the
 *     unknown rest, so it is a lower bound.</li>
 * <li>tau-index(tau) = the fewest entities, largest first, whose combined stake exceeds tau x denominator
 *     (Edinburgh's EDI dashboard); the Nakamoto coefficient is tau = 1/2. Absent when all the entities together
 *     do not exceed tau.</li>
 * </ul>
 *
 * <p>Every comparison is made on integers; the only rounding is of the reported fractions (shares at
 * {@link #SHARE_SCALE} decimals, HHI at {@link #HHI_SCALE}), half-even.
 */
public final class Concentration {
    /** Decimals of a share (a fraction, 0..1): 18, like the amounts. */
    public static final int SHARE_SCALE = StakeShares.SHARE_SCALE;
    /** Decimals of an HHI (0..10,000). */
    public static final int HHI_SCALE = StakeShares.HHI_SCALE;

    /** One entity's stake in wei. */
    public record Stake(String entity, BigInteger wei) {
        public Stake {
            Objects.requireNonNull(entity, "entity");
            if (wei == null || wei.signum() < 0) {
                throw new IllegalArgumentException("stake of " + entity + " must be a non-negative amount, got " + wei);
            }
        }
    }

    /**
     * The measures over a set of entities against a denominator.
     *
     * @param entities      entities with a positive stake
     * @param combined      sum of the entities' stakes
     * @param denominator   what shares are fractions of
     * @param largest       the entity with the largest stake (the first in input order among equals)
     * @param largestShare  its share
     * @param top3Share     the combined share of the three largest
     * @param hhi           see the class comment
     * @param tau           tau-index per threshold; absent where all entities together do not exceed it
     */
    public record Measures(int entities, BigInteger combined, BigInteger denominator, Optional<String> largest,
            BigDecimal largestShare, BigDecimal top3Share, BigDecimal hhi, Map<Tau, Optional<Integer>> tau) {
        public Optional<Integer> tau(Tau threshold) {
            return tau.get(threshold);
        }
    }

    private Concentration() {
    }

    /** Measures with the entities' own sum as the denominator (shares among them add up to 1). */
    public static Measures among(List<Stake> stakes) {
        return of(stakes, sum(stakes));
    }

    /**
     * Measures of {@code stakes} as parts of {@code denominator}, which must be at least their sum.
     *
     * @throws IllegalArgumentException if the denominator is below the sum of the stakes
     */
    public static Measures of(List<Stake> stakes, BigInteger denominator) {
        BigInteger combined = sum(stakes);
        if (denominator.compareTo(combined) < 0) {
            throw new IllegalArgumentException("the denominator " + denominator + " wei is less than the "
                    + combined + " wei of the entities it should contain");
        }
        List<Stake> sorted = new ArrayList<>(stakes.stream().filter(s -> s.wei().signum() > 0).toList());
        sorted.sort(Comparator.comparing(Stake::wei).reversed()); // stable: input order among equals
        Map<Tau, Optional<Integer>> tau = new EnumMap<>(Tau.class);
        BigInteger running = BigInteger.ZERO;
        BigInteger top3 = BigInteger.ZERO;
        BigInteger squares = BigInteger.ZERO;
        for (int i = 0; i < sorted.size(); i++) {
            BigInteger wei = sorted.get(i).wei();
            running = running.add(wei);
            squares = squares.add(wei.multiply(wei));
            if (i < 3) {
                top3 = running;
            }
            for (Tau t : Tau.values()) {
                if (!tau.containsKey(t) && t.exceededBy(running, denominator)) {
                    tau.put(t, Optional.of(i + 1));
                }
            }
        }
        for (Tau t : Tau.values()) {
            tau.putIfAbsent(t, Optional.empty());
        }
        Optional<String> largest = sorted.isEmpty() ? Optional.empty() : Optional.of(sorted.get(0).entity());
        BigInteger largestWei = sorted.isEmpty() ? BigInteger.ZERO : sorted.get(0).wei();
        BigDecimal hhi = StakeShares.hhi(squares, denominator);
        return new Measures(sorted.size(), combined, denominator, largest, share(largestWei, denominator),
                share(top3, denominator), hhi, Map.copyOf(tau));
    }

    /** part / whole at {@link #SHARE_SCALE} decimals, half-even; 0 when the whole is 0. */
    public static BigDecimal share(BigInteger part, BigInteger whole) {
        return StakeShares.share(part, whole);
    }

    private static BigInteger sum(List<Stake> stakes) {
        return stakes.stream().map(Stake::wei).reduce(BigInteger.ZERO, BigInteger::add);
    }
}
