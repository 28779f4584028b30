package io.lsttracker.bench;

import io.lsttracker.chain.CallResult;
import io.lsttracker.chain.ContractCall;
import io.lsttracker.chain.RpcConnection;
import io.lsttracker.domain.BlockRef;
import io.lsttracker.domain.PoolState;
import io.lsttracker.pool.PoolAdapter;
import io.lsttracker.pool.PoolAdapters;
import io.lsttracker.pool.PoolDefinition;
import io.lsttracker.pool.PoolRegistry;
import io.lsttracker.pool.Reading;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.utils.Numeric;

/**
 * The baseline the benchmarks compare lst-tracker with, the reader a user writes first: at a block, every view
 * function of every pool as its own web3j eth_call, the RocketStorage look-up included each time, decoded by the
 * same adapters so that both sides must give the same pool states.
 */
final class PerFunctionBaseline {
    private PerFunctionBaseline() {
    }

    /** Every pool of {@code registry} at {@code block}, one eth_call per view function. */
    static List<PoolState> read(RpcConnection rpc, BlockRef block, PoolRegistry registry, PoolAdapters adapters)
            throws IOException {
        List<PoolState> states = new ArrayList<>();
        for (PoolDefinition pool : registry.pools()) {
            PoolAdapter adapter = adapters.of(pool.protocol());
            Optional<Reading<?>> resolution = adapter.resolution(pool);
            if (resolution.isPresent()) {
                resolution.get().result(call(rpc, block, resolution.get().contractCalls()));
            }
            Reading<PoolState> reads = adapter.read(pool);
            states.add(reads.result(call(rpc, block, reads.contractCalls())));
        }
        return states;
    }

    private static List<CallResult> call(RpcConnection rpc, BlockRef block, List<ContractCall> calls) throws IOException {
        List<CallResult> results = new ArrayList<>();
        for (ContractCall call : calls) {
            String value = rpc.web3j().ethCall(Transaction.createEthCallTransaction(null, call.target().toString(),
                    Numeric.toHexString(call.callData())),
                    DefaultBlockParameter.valueOf(BigInteger.valueOf(block.number()))).send().getValue();
            results.add(new CallResult(true, Numeric.hexStringToByteArray(value == null ? "0x" : value)));
        }
        return results;
    }
}
