package io.lsttracker.concentration;

import io.lsttracker.concentration.Concentration.Measures;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Concentration among Lido's node operators at one snapshot (computed by {@link OperatorConcentration}).
 *
 * @param operators                entities with at least one active validator
 * @param activeValidators         their active validators together
 * @param permissionlessValidators those of them run by operators of a permissionless module (the Community
 *                                 Staking Module); null when no such module was read (not configured, or a
 *                                 snapshot stored before the tracker read it)
 * @param measures                 HHI, tau-indices and the largest share, over active validators
 * @param largest                  the {@link OperatorConcentration#LARGEST} largest entities, largest first
 */
public record LidoOperators(int operators, long activeValidators, Long permissionlessValidators, Measures measures,
        List<OperatorShare> largest) {

    /** One entity's active validators and its share of the operators' total (18 decimals, half-even). */
    public record OperatorShare(String name, String module, long activeValidators, BigDecimal share) {
        public OperatorShare {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(module, "module");
        }
    }

    public LidoOperators {
        Objects.requireNonNull(measures, "measures");
        largest = List.copyOf(largest);
        if (permissionlessValidators != null && (permissionlessValidators < 0 || permissionlessValidators > activeValidators)) {
            throw new IllegalArgumentException("permissionless validators " + permissionlessValidators
                    + " must be between 0 and the active validators " + activeValidators);
        }
    }

    /**
     * The permissionless share of Lido's active validators, permissionless / active at {@link Concentration#SHARE_SCALE}
     * decimals (half-even); empty when it was not measured or there are no active validators.
     */
    public java.util.Optional<BigDecimal> permissionlessShare() {
        if (permissionlessValidators == null || activeValidators == 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Concentration.share(java.math.BigInteger.valueOf(permissionlessValidators),
                java.math.BigInteger.valueOf(activeValidators)));
    }
}
