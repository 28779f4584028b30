package io.lsttracker.chain;

/**
 * The block being read was replaced by a reorg while it was read: its number now names a block with another hash.
 * What was read may mix two blocks, so it is thrown away; the caller pins the block again and reads again.
 */
public class BlockReplacedException extends ChainReadException {
    public BlockReplacedException(String message) {
        super(message);
    }
}
