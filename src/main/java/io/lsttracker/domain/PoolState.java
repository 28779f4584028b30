package io.lsttracker.domain;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

/**
 * What one pool looked like at a snapshot's block, or why it could not be read.
 *
 * <p>All amounts are wei (or token base units, 18 decimals for every token tracked). {@code ethPerToken}
 * is the wei that 1e18 base units (one whole token, or one share for Lido) are worth, so
 * ethPerToken / 1e18 is the exchange rate. {@code details} holds protocol-specific figures read at the same
 * block (for Lido: total shares and the beacon stat), {@link PoolDetails#NONE} for a failed state or a pool
 * with none. {@code operators} are the node operators read at the same block where the adapter reads them
 * (Lido's staking modules), else empty; they are not stored with the pool state, only the concentration figures
 * computed from them are (analytics/OperatorConcentration).
 */
public record PoolState(
        PoolId id,
        Status status,
        BigInteger ethPerToken,
        BigInteger totalEth,
        BigInteger tokenSupply,
        PoolDetails details,
        String failure,
        List<NodeOperator> operators) {

    public enum Status {
        OK,
        FAILED
    }

    public PoolState {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        details = details == null ? PoolDetails.NONE : details;
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
            PoolDetails details) {
        return new PoolState(id, Status.OK, ethPerToken, totalEth, tokenSupply, details, null, List.of());
    }

    /** A pool read with nothing beyond its rate and totals. */
    public static PoolState ok(PoolId id, BigInteger ethPerToken, BigInteger totalEth, BigInteger tokenSupply) {
        return ok(id, ethPerToken, totalEth, tokenSupply, PoolDetails.NONE);
    }

    /** This state with the node operators read at the same block. */
    public PoolState withOperators(List<NodeOperator> operators) {
        return new PoolState(id, status, ethPerToken, totalEth, tokenSupply, details, failure, operators);
    }

    public static PoolState failed(PoolId id, String reason) {
        return new PoolState(id, Status.FAILED, null, null, null, PoolDetails.NONE, reason, List.of());
    }

    public boolean isOk() {
        return status == Status.OK;
    }
}
