package io.lsttracker.pool;

import io.lsttracker.chain.AbiFunction;
import io.lsttracker.chain.CallResult;
import io.lsttracker.chain.ChainReader;
import io.lsttracker.chain.ContractCall;
import io.lsttracker.domain.BlockRef;
import java.math.BigInteger;
import java.util.List;
import java.util.function.Function;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Type;

/**
 * One view call and what its answer is read as: the handle an adapter adds to its {@link CallList} and later
 * gives to {@link Answers#get}, so it reads "the total shares" rather than "the third answer". Reading checks the
 * answer's shape first, so a revert or a short answer is a {@link io.lsttracker.chain.CallFailedException} naming
 * the contract, the function and the target.
 *
 * @param <T> what the answer is read as: a uint, an address, or a record of the function's named outputs
 */
public final class Call<T> {
    private final AbiFunction function;
    private final ContractCall call;
    private final Function<Outputs, T> reader;

    private Call(AbiFunction function, Address target, Object[] args, Function<Outputs, T> reader) {
        this.function = function;
        this.call = function.call(target, args);
        this.reader = reader;
    }

    /** A call whose one output is a uint; arguments as {@link AbiFunction#call} takes them. */
    public static Call<BigInteger> uint(AbiFunction function, Address target, Object... args) {
        return new Call<>(function, target, args, Outputs::soleUint);
    }

    /** A call whose one output is an address. */
    public static Call<Address> address(AbiFunction function, Address target, Object... args) {
        return new Call<>(function, target, args, Outputs::soleAddress);
    }

    /** A call whose outputs {@code reader} makes into a T by their names in the ABI fragment. */
    public static <T> Call<T> reading(Function<Outputs, T> reader, AbiFunction function, Address target,
            Object... args) {
        return new Call<>(function, target, args, reader);
    }

    public ContractCall contractCall() {
        return call;
    }

    /** The function and its target, e.g. "AnkrETH.ratio at 0xE95A...", as error messages name a call. */
    public String label() {
        return call.toString();
    }

    /** This call alone, in one Multicall3 call at {@code block} (for a caller outside a snapshot's multicall). */
    public T readAt(ChainReader chain, BlockRef block) {
        return read(chain.aggregate(block, List.of(call)).get(0));
    }

    T read(CallResult result) {
        List<Type> values;
        try {
            values = function.decode(call, result);
        } catch (UnsupportedOperationException | IllegalArgumentException | IndexOutOfBoundsException e) {
            // web3j's decoder fails this way on a dynamic output (a string) whose offset or length points outside
            // the answer: a malformed answer of this pool, not a failure of the whole snapshot
            throw new PoolDataException(label() + " returned malformed data: " + e.getMessage());
        }
        return reader.apply(new Outputs(label(), function.outputNames(), values));
    }

    @Override
    public String toString() {
        return label();
    }
}
