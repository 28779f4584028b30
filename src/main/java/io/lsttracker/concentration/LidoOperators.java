package io.lsttracker.concentration;

import io.lsttracker.concentration.Concentration.Measures;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Concentration among Lido's node operators at one snapshot (computed by {@link OperatorConcentration}).
 *
 * @param operators        entities with at least one active validator
 * @param activeValidators their active validators together
 * @param measures         HHI, tau-indices and the largest share, over active validators
 * @param largest          the {@link OperatorConcentration#LARGEST} largest entities, largest first
 */
public record LidoOperators(int operators, long activeValidators, Measures measures, List<OperatorShare> largest) {

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
    }
}
