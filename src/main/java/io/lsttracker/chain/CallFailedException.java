package io.lsttracker.chain;

/** One call of a multicall that did not give a usable answer; the message names the call and its target. */
public class CallFailedException extends RuntimeException {
    public CallFailedException(ContractCall call, String what) {
        super(call + " " + what);
    }
}
