package io.lsttracker.devchain;

/** What a simulated pool may do to the devchain: send a transaction as the operator, and look at the head. */
public interface ChainWriter {

    /** Sends call data to {@code to} from the operator account; fails if the transaction reverts. */
    void transact(String to, byte[] data, String what);

    /** Number of the latest block. */
    long headNumber();

    /** Timestamp of the latest block. */
    long headTimestamp();

    /** The simulation parameters, for rates and the size of the loss on the negative day. */
    DevchainParameters parameters();
}
