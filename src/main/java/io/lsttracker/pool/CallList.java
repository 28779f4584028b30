package io.lsttracker.pool;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The calls an adapter is putting together for one multicall, in order: each {@link #add} hands back the call's
 * handle, and {@link #then} ends the list with what the answers make.
 */
public final class CallList {
    private final List<Call<?>> calls = new ArrayList<>();

    public <T> Call<T> add(Call<T> call) {
        calls.add(call);
        return call;
    }

    /** The reading of these calls: {@code result} makes its value from their answers. */
    public <R> Reading<R> then(Function<Answers, R> result) {
        return new Reading<>(calls, result);
    }
}
