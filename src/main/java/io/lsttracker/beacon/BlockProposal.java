package io.lsttracker.beacon;

import java.util.Objects;

/**
 * The block proposed at a slot, as far as client diversity needs it: who proposed it and the graffiti they wrote
 * (consensus specs, BeaconBlock.proposer_index and BeaconBlockBody.graffiti, a Bytes32).
 *
 * @param slot          the slot
 * @param proposerIndex the proposing validator's index
 * @param graffiti      the 32 bytes of graffiti
 */
public record BlockProposal(long slot, long proposerIndex, byte[] graffiti) {
    public BlockProposal {
        Objects.requireNonNull(graffiti, "graffiti");
        if (graffiti.length != 32) {
            throw new IllegalArgumentException("a graffiti is 32 bytes, got " + graffiti.length);
        }
        graffiti = graffiti.clone();
    }

    @Override
    public byte[] graffiti() {
        return graffiti.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BlockProposal p && p.slot == slot && p.proposerIndex == proposerIndex
                && java.util.Arrays.equals(p.graffiti, graffiti);
    }

    @Override
    public int hashCode() {
        return Objects.hash(slot, proposerIndex, java.util.Arrays.hashCode(graffiti));
    }

    @Override
    public String toString() {
        return "BlockProposal[slot=" + slot + ", proposerIndex=" + proposerIndex + "]";
    }
}
