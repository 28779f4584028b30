package io.lsttracker.pool;

import io.lsttracker.chain.AbiFunction;
import io.lsttracker.chain.ContractAbi;
import io.lsttracker.domain.NodeOperator;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Type;

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

    /** Count look-ups of the configured modules whose count is not cached yet. */
    List<BoundCall> resolutionCalls(PoolDefinition pool) {
        return configured(pool).values().stream().filter(m -> !countByModule.containsKey(m))
                .map(m -> BoundCall.of(COUNT, m)).toList();
    }

    void acceptResolution(PoolDefinition pool, Answers answers, int first) {
        List<Address> unresolved = configured(pool).values().stream()
                .filter(m -> !countByModule.containsKey(m)).toList();
        for (int i = 0; i < unresolved.size(); i++) {
            countByModule.put(unresolved.get(i), checkedCount(unresolved.get(i), answers.uint(first + i)));
        }
    }

    /** Per configured module: its count, then getNodeOperator(id, true) for each cached id. */
    List<BoundCall> readCalls(PoolDefinition pool) {
        List<BoundCall> calls = new ArrayList<>();
        for (Address module : configured(pool).values()) {
            Integer count = countByModule.get(module);
            if (count == null) {
                throw new IllegalStateException("readCalls before the operator count of " + module + " was read");
            }
            calls.add(BoundCall.of(COUNT, module));
            for (int id = 0; id < count; id++) {
                calls.add(BoundCall.of(OPERATOR, module, BigInteger.valueOf(id), Boolean.TRUE));
            }
        }
        return calls;
    }

    /**
     * The operators from the answers to {@link #readCalls}, starting at answer {@code first}.
     *
     * @throws StaleResolutionException a module's count changed at this block (the cache is refreshed)
     */
    List<NodeOperator> decode(PoolDefinition pool, Answers answers, int first) {
        List<NodeOperator> operators = new ArrayList<>();
        int next = first;
        for (Map.Entry<String, Address> entry : configured(pool).entrySet()) {
            Address module = entry.getValue();
            int cached = countByModule.get(module);
            int count = checkedCount(module, answers.uint(next++));
            if (count != cached) {
                countByModule.put(module, count);
                throw new StaleResolutionException("Lido module " + MODULES.get(entry.getKey()) + " at " + module
                        + " now has " + count + " node operators (was " + cached + ")");
            }
            for (int id = 0; id < count; id++) {
                operators.add(operator(MODULES.get(entry.getKey()), id, answers, next++));
            }
        }
        return operators;
    }

    private static NodeOperator operator(String module, int id, Answers answers, int index) {
        List<Type> v;
        try {
            v = answers.values(index);
        } catch (UnsupportedOperationException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            // web3j refuses a uint64 word with more than 64 bits, or a string whose offset points outside
            throw new PoolDataException(answers.label(index) + " returned malformed data: " + e.getMessage());
        }
        long exited = uint64(v.get(4), answers, index);
        long deposited = uint64(v.get(6), answers, index);
        if (exited > deposited) {
            throw new PoolDataException(answers.label(index) + ": operator " + id + " of " + module + " has "
                    + exited + " exited validators but only " + deposited + " deposited");
        }
        return new NodeOperator(module, id, (String) v.get(1).getValue(), ((Address) v.get(2)).toString(),
                (Boolean) v.get(0).getValue(), deposited, exited);
    }

    /** A uint64 output; web3j does not check that the word's upper bytes are zero, so it is checked here. */
    private static long uint64(Type value, Answers answers, int index) {
        BigInteger n = (BigInteger) value.getValue();
        if (n.bitLength() > 63) {
            throw new PoolDataException(answers.label(index) + ": a validator count of " + n + " is not a uint64");
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
