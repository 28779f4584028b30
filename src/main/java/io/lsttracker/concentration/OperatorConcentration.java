package io.lsttracker.concentration;

import io.lsttracker.concentration.Concentration.Measures;
import io.lsttracker.concentration.Concentration.Stake;
import io.lsttracker.concentration.LidoOperators.OperatorShare;
import io.lsttracker.domain.NodeOperator;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Concentration among Lido's node operators, a pure function of the operators read at one block.
 *
 * <p>The stake of an entity is its active validators (deposited - exited, {@link NodeOperator}), not ETH: the
 * registries count keys, and every Lido validator was deposited with 32 ETH. Who is one entity:
 * <ul>
 * <li>inside a module, operators with the same reward address are one entity (the same payee runs both;
 *     the name shown is the first one's, by id);</li>
 * <li>across modules, never: a SimpleDVT cluster is several operators running each validator together
 *     (distributed validator technology), so its validators are not any single member's, even when a
 *     curated operator is among its members or shares its payee.</li>
 * </ul>
 * Shares are of the total active validators of all entities; the measures are {@link Concentration#among}.
 * The permissionless count is the active validators of permissionless modules' operators (the Community Staking
 * Module's); it is absent when no such operator was read.
 */
public final class OperatorConcentration {
    /** How many of the largest entities are reported. */
    public static final int LARGEST = 10;

    private OperatorConcentration() {
    }

    /** The figures, or empty when there are no operators (modules not configured). */
    public static Optional<LidoOperators> of(List<NodeOperator> operators) {
        if (operators.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Entity> entities = new LinkedHashMap<>();
        Long permissionless = operators.stream().anyMatch(NodeOperator::permissionless)
                ? operators.stream().filter(NodeOperator::permissionless).mapToLong(NodeOperator::activeValidators).sum()
                : null;
        for (NodeOperator operator : operators) {
            String key = operator.module() + "/" + operator.rewardAddress().toLowerCase(Locale.ROOT);
            entities.computeIfAbsent(key, k -> new Entity(k, operator.name(), operator.module()))
                    .add(operator.activeValidators());
        }
        List<Stake> stakes = entities.values().stream()
                .map(e -> new Stake(e.name, BigInteger.valueOf(e.validators))).toList();
        Measures measures = Concentration.among(stakes);
        List<Entity> sorted = new ArrayList<>(entities.values().stream().filter(e -> e.validators > 0).toList());
        sorted.sort(Comparator.comparingLong((Entity e) -> e.validators).reversed()); // stable: by module, id
        BigInteger total = measures.combined();
        List<OperatorShare> largest = sorted.stream().limit(LARGEST).map(e -> new OperatorShare(e.name, e.module,
                e.validators, Concentration.share(BigInteger.valueOf(e.validators), total))).toList();
        return Optional.of(new LidoOperators(measures.entities(), total.longValueExact(), permissionless, measures,
                largest));
    }

    private static final class Entity {
        private final String key;
        private final String name;
        private final String module;
        private long validators;

        Entity(String key, String name, String module) {
            this.key = key;
            this.name = name;
            this.module = module;
        }

        void add(long active) {
            validators = Math.addExact(validators, active);
        }
    }
}
