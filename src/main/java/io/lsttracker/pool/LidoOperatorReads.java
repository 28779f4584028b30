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
 * The node operators of Lido's staking modules, read in the same multicall as stETH: the NodeOperatorsRegistry
 * modules (Curated and SimpleDVT share that contract; getNodeOperator(id, true)) and the Community Staking Module
 * (CSModule: getNodeOperatorSummary(id) for the validator counts and getNodeOperatorManagementProperties(id) for
 * the payee; abi/SOURCES.md says why not its own getNodeOperator). The per-operator calls need each module's operator count first, so the
 * count is cached: every snapshot asks for the count again alongside getNodeOperator(i, true) for every cached
 * id, and when the count has changed (an operator was added) the cache is refreshed and the pool is read
 * again at the same block ({@link StaleResolutionException}), as Rocket Pool's address look-up does. Steady
 * state: 1 + n calls per module, all inside the snapshot's one eth_call.
 */
final class LidoOperatorReads {
    /**
     * NodeOperatorsRegistry caps a module at MAX_NODE_OPERATORS_COUNT = 200 (contracts/0.4.24/nos). A count far
     * above that is a wrong answer (or the wrong contract), and would blow up the multicall: refused.
     */
    static final BigInteger MAX_OPERATORS = BigInteger.valueOf(1_000);
    /**
     * CSM has no cap (anyone may join; hundreds of operators on mainnet, two sub-calls each in the multicall).
     * A count above this is a wrong answer, or a module too large to read in one eth_call: refused.
     */
    static final BigInteger MAX_CSM_OPERATORS = BigInteger.valueOf(10_000);

    private static final ContractAbi REGISTRY = ContractAbi.load("LidoNodeOperatorsRegistry");
    private static final AbiFunction COUNT = REGISTRY.function("getNodeOperatorsCount");
    private static final AbiFunction OPERATOR = REGISTRY.function("getNodeOperator");
    private static final ContractAbi CSM = ContractAbi.load("LidoCSModule");
    private static final AbiFunction CSM_COUNT = CSM.function("getNodeOperatorsCount");
    private static final AbiFunction CSM_SUMMARY = CSM.function("getNodeOperatorSummary");
    private static final AbiFunction CSM_PROPERTIES = CSM.function("getNodeOperatorManagementProperties");

    /** The kinds of module contract, by how their operators are read. */
    private enum Kind {
        REGISTRY(COUNT, MAX_OPERATORS), COMMUNITY_STAKING(CSM_COUNT, MAX_CSM_OPERATORS);

        final AbiFunction count;
        final BigInteger max;

        Kind(AbiFunction count, BigInteger max) {
            this.count = count;
            this.max = max;
        }
    }

    /** A module by its address role in config/pools.yml: the label its operators carry and its contract kind. */
    private record Module(String label, Kind kind) {
    }

    /** Modules by address role, in the order they are read. */
    private static final Map<String, Module> MODULES = modules();

    private final ConcurrentMap<Address, Integer> countByModule = new ConcurrentHashMap<>();

    private static Map<String, Module> modules() {
        Map<String, Module> modules = new LinkedHashMap<>();
        modules.put("curated", new Module(NodeOperator.CURATED, Kind.REGISTRY));
        modules.put("simpledvt", new Module(NodeOperator.SIMPLE_DVT, Kind.REGISTRY));
        modules.put("csm", new Module(NodeOperator.COMMUNITY_STAKING, Kind.COMMUNITY_STAKING));
        return modules;
    }

    /** Count look-ups of the configured modules whose count is not cached yet; their answers are cached. */
    Optional<Reading<?>> resolution(PoolDefinition pool) {
        Map<Address, Module> unresolved = new LinkedHashMap<>();
        configured(pool).forEach((address, module) -> {
            if (!countByModule.containsKey(address)) {
                unresolved.put(address, module);
            }
        });
        if (unresolved.isEmpty()) {
            return Optional.empty();
        }
        CallList calls = new CallList();
        Map<Address, Call<BigInteger>> counts = new LinkedHashMap<>();
        unresolved.forEach((address, module) -> counts.put(address, calls.add(Call.uint(module.kind().count, address))));
        return Optional.of(calls.then(answers -> {
            counts.forEach((address, count) -> countByModule.put(address,
                    checkedCount(address, unresolved.get(address), answers.get(count))));
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
        for (Map.Entry<Address, Module> entry : configured(pool).entrySet()) {
            Address address = entry.getKey();
            Module module = entry.getValue();
            Integer cached = countByModule.get(address);
            if (cached == null) {
                throw new IllegalStateException("read before the operator count of " + address + " was read");
            }
            Call<BigInteger> count = calls.add(Call.uint(module.kind().count, address));
            List<Function<Answers, NodeOperator>> operators = new ArrayList<>();
            for (int id = 0; id < cached; id++) {
                operators.add(module.kind() == Kind.REGISTRY ? registryOperator(calls, module, address, id)
                        : csmOperator(calls, address, id));
            }
            modules.add(new ModuleReads(module, address, count, operators));
        }
        return answers -> {
            List<NodeOperator> operators = new ArrayList<>();
            for (ModuleReads read : modules) {
                int count = checkedCount(read.address(), read.module(), answers.get(read.count()));
                if (count != read.asked().size()) {
                    // the calls asked for the operators the cached count knew: read again with the new count
                    countByModule.put(read.address(), count);
                    throw new StaleResolutionException("Lido module " + read.module().label() + " at " + read.address()
                            + " now has " + count + " node operators (was " + read.asked().size() + ")");
                }
                read.asked().forEach(operator -> operators.add(operator.apply(answers)));
            }
            return operators;
        };
    }

    /** One module's count and its operators as asked for, as many as the cached count said. */
    private record ModuleReads(Module module, Address address, Call<BigInteger> count,
            List<Function<Answers, NodeOperator>> asked) {
    }

    private static Function<Answers, NodeOperator> registryOperator(CallList calls, Module module, Address address,
            int id) {
        Call<NodeOperator> call = calls.add(Call.reading(outputs -> operator(module.label(), id, outputs), OPERATOR,
                address, BigInteger.valueOf(id), Boolean.TRUE));
        return answers -> answers.get(call);
    }

    /** CSM: validator counts from the summary, the payee from the management properties; two sub-calls. */
    private static Function<Answers, NodeOperator> csmOperator(CallList calls, Address address, int id) {
        Call<long[]> summary = calls.add(Call.reading(outputs -> {
            long exited = uint64(outputs, "totalExitedValidators");
            long deposited = uint64(outputs, "totalDepositedValidators");
            if (exited > deposited) {
                throw new PoolDataException(outputs.label() + ": CSM operator " + id + " has " + exited
                        + " exited validators but only " + deposited + " deposited");
            }
            return new long[] {deposited, exited};
        }, CSM_SUMMARY, address, BigInteger.valueOf(id)));
        Call<Address> payee = calls.add(Call.reading(outputs -> outputs.address("rewardAddress"), CSM_PROPERTIES,
                address, BigInteger.valueOf(id)));
        return answers -> {
            long[] counts = answers.get(summary);
            // Every existing CSM id is active (CSModule.getNodeOperatorIsActive is id < count); CSM has no names.
            return new NodeOperator(NodeOperator.COMMUNITY_STAKING, id, "CSM operator " + id,
                    answers.get(payee).toString(), true, counts[0], counts[1]);
        };
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

    private static int checkedCount(Address address, Module module, BigInteger count) {
        if (count.compareTo(module.kind().max) > 0) {
            throw new PoolDataException("the Lido module at " + address + " reports " + count + " node operators, more than "
                    + module.kind().max + ": not a " + (module.kind() == Kind.REGISTRY ? "NodeOperatorsRegistry" : "CSModule")
                    + "?");
        }
        return count.intValueExact();
    }

    /** The configured modules by address, in read order. */
    private static Map<Address, Module> configured(PoolDefinition pool) {
        Map<Address, Module> configured = new LinkedHashMap<>();
        MODULES.forEach((role, module) -> pool.optionalAddress(role).ifPresent(a -> configured.put(a, module)));
        return configured;
    }
}
