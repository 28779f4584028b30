package io.lsttracker.chain;

/** No configured endpoint serves the chain id the tracker is configured for; names each endpoint and its chain. */
public final class WrongChainException extends ChainReadException {
    public WrongChainException(String message) {
        super(message);
    }
}
