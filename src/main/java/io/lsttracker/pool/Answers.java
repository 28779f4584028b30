package io.lsttracker.pool;

import io.lsttracker.chain.CallResult;
import java.math.BigInteger;
import java.util.List;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Type;

/**
 * The answers to one pool's calls, in the order the adapter asked. Each accessor decodes and checks one
 * answer; a failed or malformed one throws {@link io.lsttracker.chain.CallFailedException} naming the call.
 */
public final class Answers {
    private final List<BoundCall> calls;
    private final List<CallResult> results;

    public Answers(List<BoundCall> calls, List<CallResult> results) {
        if (calls.size() != results.size()) {
            throw new IllegalArgumentException(calls.size() + " calls but " + results.size() + " results");
        }
        this.calls = List.copyOf(calls);
        this.results = List.copyOf(results);
    }

    public BigInteger uint(int index) {
        BoundCall bound = calls.get(index);
        return bound.function().decodeUint(bound.call(), results.get(index));
    }

    public Address address(int index) {
        BoundCall bound = calls.get(index);
        return bound.function().decodeAddress(bound.call(), results.get(index));
    }

    public List<Type> values(int index) {
        BoundCall bound = calls.get(index);
        return bound.function().decode(bound.call(), results.get(index));
    }

    public String label(int index) {
        return calls.get(index).call().toString();
    }
}
