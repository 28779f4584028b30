package io.lsttracker.devchain;

/** What a simulated pool may do to the devchain: send a transaction as the operator, and look at the head. */
public interface ChainWriter {

    /** Sends call data to {@code to} from the operator account; fails if the transaction reverts. */
    void transact(String to, byte[] data, String what);

    /**
     * Calls one of the simulation's setters, {@code function(args)} on the contract at {@code to}, with the
     * arguments {@link SimulatedContracts#encode} takes; {@code what} names the step if the transaction reverts.
     */
    default void call(String what, String to, String function, Object... args) {
        transact(to, SimulatedContracts.encode(function, args), what);
    }

    /** Number of the latest block. */
    long headNumber();

    /** Timestamp of the latest block. */
    long headTimestamp();

    /**
     * The block that holds the transactions sent so far: the next one while the history's event waits to be mined,
     * the latest once a transaction is mined as it is sent.
     */
    long writtenBlock();
}
