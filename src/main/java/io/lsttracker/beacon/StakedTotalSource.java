package io.lsttracker.beacon;

import io.lsttracker.domain.BlockRef;
import java.util.Optional;

/** Where the denominator of "share of all staked ETH" comes from, for one snapshot's block. */
public interface StakedTotalSource {

    /** The total staked at the block's slot (or the nearest before), or why there is none. */
    Reading read(BlockRef block);

    /** Either a total, or the reason there is none (which the API shows). */
    record Reading(Optional<TotalStaked> total, String absentReason) {
        public static Reading of(TotalStaked total) {
            return new Reading(Optional.of(total), null);
        }

        public static Reading absent(String reason) {
            return new Reading(Optional.empty(), reason);
        }
    }
}
