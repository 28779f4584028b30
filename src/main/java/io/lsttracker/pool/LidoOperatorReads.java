package io.lsttracker.pool;

import io.lsttracker.chain.AbiFunction;
import io.lsttracker.chain.ContractAbi;
import io.lsttracker.domain.NodeOperator;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import org.web3j.abi.datatypes.Address;

/**
 * The node operators of Lido's NodeOperatorsRegistry modules (Curated and SimpleDVT share that contract), read
 * in the same multicall as stETH. The per-operator calls need each module's operator count first, so the
 * count is cached: every snapshot asks for the count again alongside getNodeOperator(i, true) for every cached
 * id, and when the count has changed (an operator was added) the cache is refreshed and the pool is read
 * again at the same block ({@link StaleResolutionException}), as Rocket Pool's address look-up does. Steady
 * state: 1 + n calls per module, all inside the snapshot's one eth_call.
 */
final class LidoOperatorReads {
    /** Module labels by address role in config/pools.yml. */
    private static final Map<String, String> MODULES = modules();
    /**
     * NodeOperatorsRegistry caps a module at MAX_NODE_OPERATORS_COUNT = 200 (contracts/0.4.24/nos). A count far
     * above that is a wrong answer (or the wrong contract), and would blow up the multicall: refused.
     */
    static final BigInteger MAX_OPERATORS = BigInteger.valueOf(1_000);

    private static final ContractAbi REGISTRY = ContractAbi.load("LidoNodeOperatorsRegistry");
    private static final AbiFunction COUNT = REGISTRY.function("getNodeOperatorsCount");
    private static final AbiFunction OPERATOR = REGISTRY.function("getNodeOperator");

    private final ConcurrentMap<Address, Integer> countByModule = new ConcurrentHashMap<>();

    private static Map<String, String> modules() {
        Map<String, String> modules = new LinkedHashMap<>();
        modules.put("curated", NodeOperator.CURATED);
        modules.put("simpledvt", NodeOperator.SIMPLE_DVT);
        return modules;
    }

    /** Count look-ups of the configured modules whose count is not cached yet; their answers are cached. */
    Optional<Reading<?>> resolution(PoolDefinition pool) {
        List<Address> unresolved = configured(pool).values().stream()
                .filter(m -> !countByModule.containsKey(m)).toList();
        if (unresolved.isEmpty()) {
            return Optional.empty();
        }
        CallList calls = new CallList();
        Map<Address, Call<BigInteger>> counts = new LinkedHashMap<>();
        unresolved.forEach(module -> counts.put(module, calls.add(Call.uint(COUNT, module))));
        return Optional.of(calls.then(answers -> {
            counts.forEach((module, count) -> countByModule.put(module, checkedCount(module, answers.get(count))));
            return counts.keySet();
        }));
    }

    /**
     * Adds, per configured module, its count and getNodeOperator(id, true) for each cached id to {@code calls};
     * returns how the operators are made from the answers.
     *
     * <p>The answers throw {@link StaleResolutionException} when a module's count at this block is not the number
     * of operators asked for (the cache is refreshed).
     */
    Function<Answers, List<NodeOperator>> addReads(PoolDefinition pool, CallList calls) {
        List<ModuleReads> modules = new ArrayList<>();
        for (Map.Entry<String, Address> entry : configured(pool).entrySet()) {
            String label = MODULES.get(entry.getKey());
            Address module = entry.getValue();
            Integer cached = countByModule.get(module);
            if (cached == null) {
                throw new IllegalStateException("read before the operator count of " + module + " was read");
            }
            Call<BigInteger> count = calls.add(Call.uint(COUNT, module));
            List<Call<NodeOperator>> operators = new ArrayList<>();
            for (int id = 0; id < cached; id++) {
                int operatorId = id;
                operators.add(calls.add(Call.reading(outputs -> operator(label, operatorId, outputs), OPERATOR, module,
                        BigInteger.valueOf(id), Boolean.TRUE)));
            }
            modules.add(new ModuleReads(label, module, count, operators));
        }
        return answers -> {
            List<NodeOperator> operators = new ArrayList<>();
            for (ModuleReads read : modules) {
                int count = checkedCount(read.module(), answers.get(read.count()));
                if (count != read.asked().size()) {
                    // the calls asked for the operators the cached count knew: read again with the new count
                    countByModule.put(read.module(), count);
                    throw new StaleResolutionException("Lido module " + read.label() + " at " + read.module()
                            + " now has " + count + " node operators (was " + read.asked().size() + ")");
                }
                read.asked().forEach(operator -> operators.add(answers.get(operator)));
            }
            return operators;
        };
    }

    /** One module's count and the operators asked for, as many as the cached count said. */
    private record ModuleReads(String label, Address module, Call<BigInteger> count, List<Call<NodeOperator>> asked) {
    }

    /** getNodeOperator(id, true)'s outputs by name (NodeOperatorsRegistry.sol, abi/LidoNodeOperatorsRegistry.json). */
    private static NodeOperator operator(String module, int id, Outputs outputs) {
        long exited = uint64(outputs, "totalExitedValidators");
        long deposited = uint64(outputs, "totalDepositedValidators");
        if (exited > deposited) {
            throw new PoolDataException(outputs.label() + ": operator " + id + " of " + module + " has "
                    + exited + " exited validators but only " + deposited + " deposited");
        }
        return new NodeOperator(module, id, outputs.string("name"), outputs.address("rewardAddress").toString(),
                outputs.bool("active"), deposited, exited);
    }

    /** A uint64 output as a long: web3j decodes the word's low 8 bytes, which with bit 63 set fit no long. */
    private static long uint64(Outputs outputs, String name) {
        BigInteger n = outputs.uint(name);
        if (n.bitLength() > 63) {
            throw new PoolDataException(outputs.label() + ": a validator count of " + n + " is not a uint64");
        }
        return n.longValueExact();
    }

    private static int checkedCount(Address module, BigInteger count) {
        if (count.compareTo(MAX_OPERATORS) > 0) {
            throw new PoolDataException("the Lido module at " + module + " reports " + count
                    + " node operators, more than " + MAX_OPERATORS + ": not a NodeOperatorsRegistry?");
        }
        return count.intValueExact();
    }

    private static Map<String, Address> configured(PoolDefinition pool) {
        Map<String, Address> configured = new LinkedHashMap<>();
        MODULES.keySet().forEach(role -> pool.optionalAddress(role).ifPresent(a -> configured.put(role, a)));
        return configured;
    }
}
