package io.lsttracker.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one pool looked like at a snapshot's block, or why it could not be read.
 *
 * <p>All amounts are wei (or token base units, 18 decimals for every token tracked). {@code ethPerToken}
 * is the wei that 1e18 base units (one whole token, or one share for Lido) are worth, so
 * ethPerToken / 1e18 is the exchange rate. {@code details} holds protocol-specific figures read at the same
 * block (for Lido: total shares and the beacon stat), keyed by a stable name: amounts in whole ETH or
 * tokens with all 18 decimals, counts as integers. {@code operators} are the node operators read at the same
 * block where the adapter reads them (Lido's staking modules), else empty; they are not stored with the pool
 * state, only the concentration figures computed from them are (analytics/OperatorConcentration).
 */
public record PoolState(
        PoolId id,
        Status status,
        BigInteger ethPerToken,
        BigInteger totalEth,
        BigInteger tokenSupply,
        Map<String, BigDecimal> details,
        String failure,
        List<NodeOperator> operators) {

    public enum Status {
        OK,
        FAILED
    }

    public PoolState {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
        operators = operators == null ? List.of() : List.copyOf(operators);
        if (status == Status.OK) {
            Objects.requireNonNull(ethPerToken, "ethPerToken");
            Objects.requireNonNull(totalEth, "totalEth");
            Objects.requireNonNull(tokenSupply, "tokenSupply");
        } else {
            Objects.requireNonNull(failure, "failure reason");
        }
    }

    public static PoolState ok(PoolId id, BigInteger ethPerToken, BigInteger totalEth, BigInteger tokenSupply,
            Map<String, BigDecimal> details) {
        return new PoolState(id, Status.OK, ethPerToken, totalEth, tokenSupply, details, null, List.of());
    }

    /** This state with the node operators read at the same block. */
    public PoolState withOperators(List<NodeOperator> operators) {
        return new PoolState(id, status, ethPerToken, totalEth, tokenSupply, details, failure, operators);
    }

    public static PoolState failed(PoolId id, String reason) {
        return new PoolState(id, Status.FAILED, null, null, null, Map.of(), reason, List.of());
    }

    public boolean isOk() {
        return status == Status.OK;
    }
}
