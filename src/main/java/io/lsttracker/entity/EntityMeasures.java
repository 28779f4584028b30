package io.lsttracker.entity;

import io.lsttracker.domain.StakeShares;
import io.lsttracker.domain.Tau;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * HHI, tau-indices and top-N shares over identified entities' active stake against all staked ETH, as reported
 * and "at worst" (docs/ENTITIES.md, which follows docs/CONCENTRATION.md's definitions):
 *
 * <ul>
 * <li>as reported: over the identified entities only; the unidentified stake is in the denominator but counted as
 *     no entity (it is many stakers), so HHI is a lower bound and each tau an upper bound.</li>
 * <li>at worst: as if all the unidentified stake belonged to the largest identified entity (or, with none, were
 *     one entity). Of every way the unidentified stake could be split among entities, known or not, this one gives
 *     the largest sum of squares and the largest top-k sums, so its HHI is an upper bound and its tau a lower
 *     bound of the true figures.</li>
 * </ul>
 *
 * <p>Comparisons are exact on gwei; shares have {@link #SHARE_SCALE} decimals and HHI {@link #HHI_SCALE}, rounded
 * half-even once.
 */
public final class EntityMeasures {
    public static final int SHARE_SCALE = StakeShares.SHARE_SCALE;
    public static final int HHI_SCALE = StakeShares.HHI_SCALE;
    /** The top-N shares reported. */
    public static final List<Integer> TOP_N = List.of(1, 3, 5);

    /**
     * @param hhi 10,000 x sum(stake^2) / total^2
     * @param tau per threshold, the fewest entities (largest first) whose stake exceeds it; empty if all do not
     * @param top per N of {@link #TOP_N}, the combined share of the N largest
     */
    public record Measures(BigDecimal hhi, Map<Tau, Optional<Integer>> tau, Map<Integer, BigDecimal> top) {
    }

    /** Both readings over one set of entities. */
    public record Both(Measures reported, Measures atWorst) {
    }

    private EntityMeasures() {
    }

    /**
     * @param identifiedGwei each identified entity's active stake (zeros are ignored)
     * @param unidentifiedGwei the active stake no rule attributes
     */
    public static Both of(List<BigInteger> identifiedGwei, BigInteger unidentifiedGwei) {
        List<BigInteger> sorted = new ArrayList<>(identifiedGwei.stream().filter(g -> g.signum() > 0).toList());
        sorted.sort(Comparator.reverseOrder());
        BigInteger total = sorted.stream().reduce(unidentifiedGwei, BigInteger::add);
        List<BigInteger> worst = new ArrayList<>(sorted);
        if (unidentifiedGwei.signum() > 0) {
            if (worst.isEmpty()) {
                worst.add(unidentifiedGwei);
            } else {
                worst.set(0, worst.get(0).add(unidentifiedGwei));
            }
        }
        return new Both(measures(sorted, total), measures(worst, total));
    }

    /** {@code sorted}: largest first. */
    private static Measures measures(List<BigInteger> sorted, BigInteger total) {
        Map<Tau, Optional<Integer>> tau = new LinkedHashMap<>();
        Map<Integer, BigDecimal> top = new LinkedHashMap<>();
        BigInteger running = BigInteger.ZERO;
        BigInteger squares = BigInteger.ZERO;
        for (int i = 0; i < sorted.size(); i++) {
            running = running.add(sorted.get(i));
            squares = squares.add(sorted.get(i).pow(2));
            for (Tau t : Tau.values()) {
                if (!tau.containsKey(t) && t.exceededBy(running, total)) {
                    tau.put(t, Optional.of(i + 1));
                }
            }
            if (TOP_N.contains(i + 1)) {
                top.put(i + 1, share(running, total));
            }
        }
        for (int n : TOP_N) {
            top.putIfAbsent(n, share(running, total));
        }
        Map<Tau, Optional<Integer>> ordered = new LinkedHashMap<>();
        for (Tau t : Tau.values()) {
            ordered.put(t, tau.getOrDefault(t, Optional.empty()));
        }
        BigDecimal hhi = StakeShares.hhi(squares, total);
        return new Measures(hhi, Map.copyOf(ordered), Map.copyOf(top));
    }

    /** part / whole at {@link #SHARE_SCALE} decimals, half-even; 0 when the whole is 0. */
    public static BigDecimal share(BigInteger part, BigInteger whole) {
        return StakeShares.share(part, whole);
    }
}
