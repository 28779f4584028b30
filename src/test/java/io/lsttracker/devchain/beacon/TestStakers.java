package io.lsttracker.devchain.beacon;

import io.lsttracker.devchain.SimulatedBeacon;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The standard stakers with a made-up depositor address for each labelled entity, for tests and benchmarks. */
public final class TestStakers {
    private TestStakers() {
    }

    public static Map<String, List<String>> labels() {
        Map<String, List<String>> labels = new HashMap<>();
        int n = 1;
        for (String id : Stakers.LABELLED.keySet()) {
            labels.put(id, List.of(String.format("0x%040x", n++)));
        }
        return labels;
    }

    /** The standard set of {@code size} validators whose changes happen at {@code changeSlot}. */
    public static ValidatorSet standardSet(int size, long changeSlot) {
        return new ValidatorSet(size, changeSlot, Stakers.standard(labels()));
    }

    /** The devchain's default size. */
    public static ValidatorSet standardSet(long changeSlot) {
        return standardSet(SimulatedBeacon.VALIDATORS, changeSlot);
    }
}
