package io.lsttracker.metrics;

import io.lsttracker.chain.RpcConnection;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code lst_rpc_requests_seconds{method, outcome}}: every HTTP request to the JSON-RPC endpoint, timed, by
 * its method ("batch" for a batch of several calls) and outcome (ok, or error for a transport or HTTP error).
 */
@Context
@Requires(env = "server")
public final class RpcMetrics {

    public RpcMetrics(RpcConnection rpc, MeterRegistry meters) {
        rpc.observe((methods, nanos, ok) -> Timer.builder("lst.rpc.requests")
                .description("HTTP requests to the JSON-RPC endpoint")
                .tag("method", label(methods))
                .tag("outcome", ok ? "ok" : "error")
                .register(meters)
                .record(nanos, TimeUnit.NANOSECONDS));
    }

    private static String label(List<String> methods) {
        if (methods.isEmpty()) {
            return "unknown";
        }
        return methods.size() == 1 ? methods.get(0) : "batch";
    }
}
