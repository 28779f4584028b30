package io.lsttracker.pool;

import io.lsttracker.chain.CallResult;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answers to one {@link Reading}'s calls, looked up by the calls' handles. Each {@link #get} decodes and
 * checks one answer; a failed or malformed one throws {@link io.lsttracker.chain.CallFailedException} naming the
 * call.
 */
public final class Answers {
    private final Map<Call<?>, CallResult> byCall = new IdentityHashMap<>();

    Answers(List<Call<?>> calls, List<CallResult> results) {
        if (calls.size() != results.size()) {
            throw new IllegalArgumentException(calls.size() + " calls but " + results.size() + " results");
        }
        for (int i = 0; i < calls.size(); i++) {
            byCall.put(calls.get(i), results.get(i));
        }
    }

    public <T> T get(Call<T> call) {
        CallResult result = byCall.get(call);
        if (result == null) {
            throw new IllegalArgumentException(call + " is not one of the calls these answers answer");
        }
        return call.read(result);
    }
}
