package io.lsttracker.liquidity;

import io.lsttracker.chain.AbiFunction;
import io.lsttracker.chain.CallFailedException;
import io.lsttracker.chain.CallResult;
import io.lsttracker.chain.ContractAbi;
import io.lsttracker.chain.ContractCall;
import io.lsttracker.domain.BlockRef;
import io.lsttracker.domain.LiquidityAnswers;
import io.lsttracker.domain.LiquidityAnswers.ExitAnswers;
import io.lsttracker.domain.LiquidityAnswers.LidoQueueAnswers;
import io.lsttracker.domain.LiquidityAnswers.MarketAnswers;
import io.lsttracker.domain.LiquidityAnswers.PoolAnswers;
import io.lsttracker.domain.LiquidityAnswers.Quoted;
import io.lsttracker.domain.Protocol;
import io.lsttracker.domain.Wei;
import io.lsttracker.pool.PoolDefinition;
import io.lsttracker.pool.PoolRegistry;
import io.lsttracker.snapshot.LiquidityReads;
import jakarta.inject.Singleton;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.web3j.abi.datatypes.Address;

/**
 * The liquidity reads of each snapshot, in its one multicall: every configured market's get_dy for the ladder of
 * sizes ({@link LiquidityMath#LADDER}), and each pool's exit contracts (Lido's WithdrawalQueueERC721, Rocket Pool's
 * RocketTokenRETH getTotalCollateral, ether.fi's LiquidityPool totalValueInLp). A failed answer marks only that
 * market or exit failed, with the call named. The creation time of Lido's oldest unfinalized request is asked as a
 * follow-up (one more eth_call at the same block, every block's follow-ups of a read in one request), and only for a
 * request id not read before: a request's timestamp never changes once made (WithdrawalQueueBase stores it when the
 * request is enqueued), so it is kept per id.
 */
@Singleton
public final class LiquidityReader implements LiquidityReads {
    private static final AbiFunction GET_DY_INT128 = ContractAbi.load("CurveStableSwap").function("get_dy");
    private static final AbiFunction GET_DY_UINT256 = ContractAbi.load("CurveCryptoSwap").function("get_dy");
    private static final ContractAbi WITHDRAWAL_QUEUE = ContractAbi.load("LidoWithdrawalQueueERC721");
    private static final AbiFunction UNFINALIZED_STETH = WITHDRAWAL_QUEUE.function("unfinalizedStETH");
    private static final AbiFunction LAST_REQUEST_ID = WITHDRAWAL_QUEUE.function("getLastRequestId");
    private static final AbiFunction LAST_FINALIZED_REQUEST_ID = WITHDRAWAL_QUEUE.function("getLastFinalizedRequestId");
    private static final AbiFunction WITHDRAWAL_STATUS = WITHDRAWAL_QUEUE.function("getWithdrawalStatus");
    private static final AbiFunction TOTAL_COLLATERAL = ContractAbi.load("RocketTokenRETH").function("getTotalCollateral");
    private static final AbiFunction TOTAL_VALUE_IN_LP =
            ContractAbi.load("EtherFiLiquidityPool").function("totalValueInLp");
    /** pools.yml's optional Lido role for WithdrawalQueueERC721. */
    static final String WITHDRAWAL_QUEUE_ROLE = "withdrawalqueue";
    /** Request ids whose creation time is kept; the oldest unfinalized one moves by a few a day. */
    private static final int KEPT_REQUEST_TIMES = 1024;
    private static final int WORD = 32;

    private final PoolRegistry pools;
    private final Markets markets;
    private final Map<RequestKey, Long> requestTimes = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<RequestKey, Long> eldest) {
            return size() > KEPT_REQUEST_TIMES;
        }
    });

    public LiquidityReader(PoolRegistry pools, Markets markets) {
        this.pools = pools;
        this.markets = markets;
    }

    private record RequestKey(Address queue, BigInteger id) {
    }

    @Override
    public Planned plan(BlockRef block) {
        List<ContractCall> calls = new ArrayList<>();
        List<LidoQueueRead> queues = new ArrayList<>();
        List<Function<Answers, PoolAnswers>> decoders = new ArrayList<>();
        for (PoolDefinition pool : pools.pools()) {
            Optional<MarketDefinition> market = markets.of(pool.id());
            Optional<Function<Answers, MarketAnswers>> marketRead = market.map(m -> marketRead(m, calls));
            Optional<Function<Answers, ExitAnswers>> exitRead = exitRead(pool, calls, queues);
            if (marketRead.isPresent() || exitRead.isPresent()) {
                decoders.add(answers -> new PoolAnswers(pool.id(), marketRead.map(read -> read.apply(answers)),
                        exitRead.map(read -> read.apply(answers))));
            }
        }
        List<ContractCall> planned = List.copyOf(calls);
        return new Planned() {
            /** The request times asked in the follow-up, in its order. */
            private final List<RequestKey> asked = new ArrayList<>();

            @Override
            public List<ContractCall> calls() {
                return planned;
            }

            @Override
            public List<ContractCall> followUps(List<CallResult> results) {
                Answers answers = new Answers(planned, results, Map.of());
                asked.clear();
                List<ContractCall> followUps = new ArrayList<>();
                for (LidoQueueRead queue : queues) {
                    queue.oldestUnfinalized(answers).filter(key -> !requestTimes.containsKey(key)).ifPresent(key -> {
                        asked.add(key);
                        followUps.add(WITHDRAWAL_STATUS.call(key.queue(), List.of(key.id())));
                    });
                }
                return followUps;
            }

            @Override
            public LiquidityAnswers answers(List<CallResult> results, List<CallResult> followUpResults) {
                Map<RequestKey, String> unread = new LinkedHashMap<>();
                for (int i = 0; i < asked.size(); i++) {
                    RequestKey key = asked.get(i);
                    ContractCall call = WITHDRAWAL_STATUS.call(key.queue(), List.of(key.id()));
                    try {
                        requestTimes.put(key, creationTime(call, followUpResults.get(i)));
                    } catch (CallFailedException e) {
                        unread.put(key, e.getMessage());
                    }
                }
                Answers answers = new Answers(planned, results, unread);
                return new LiquidityAnswers(decoders.stream().map(decode -> decode.apply(answers)).toList());
            }
        };
    }

    /**
     * The block's answers, by the calls' positions in the multicall, and why the creation time of a request asked in
     * the follow-up could not be read.
     */
    private record Answers(List<ContractCall> calls, List<CallResult> results, Map<RequestKey, String> unreadTimes) {
        Answers {
            if (calls.size() != results.size()) {
                throw new IllegalArgumentException(calls.size() + " liquidity calls but " + results.size() + " answers");
            }
        }

        BigInteger uint(AbiFunction function, int index) {
            try {
                return function.decodeUint(calls.get(index), results.get(index));
            } catch (UnsupportedOperationException | IllegalArgumentException | IndexOutOfBoundsException e) {
                // web3j refuses this way a word too wide for its type (a uint128 with high bits set): a malformed
                // answer of this contract, which marks its market or exit failed, not the snapshot
                throw new CallFailedException(calls.get(index), "returned malformed data: " + e.getMessage());
            }
        }
    }

    /** Lido's queue calls at {@code first} .. first + 2 of the multicall (unfinalizedStETH, last, last finalized). */
    private record LidoQueueRead(Address queue, int first) {
        /** Request lastFinalized + 1 when some request is unfinalized; empty also when the ids cannot be read. */
        Optional<RequestKey> oldestUnfinalized(Answers answers) {
            try {
                BigInteger last = answers.uint(LAST_REQUEST_ID, first + 1);
                BigInteger lastFinalized = answers.uint(LAST_FINALIZED_REQUEST_ID, first + 2);
                return last.compareTo(lastFinalized) > 0
                        ? Optional.of(new RequestKey(queue, lastFinalized.add(BigInteger.ONE))) : Optional.empty();
            } catch (CallFailedException e) {
                return Optional.empty();
            }
        }
    }

    private static Function<Answers, MarketAnswers> marketRead(MarketDefinition market, List<ContractCall> calls) {
        AbiFunction getDy = market.kind() == MarketDefinition.Kind.CURVE_INT128 ? GET_DY_INT128 : GET_DY_UINT256;
        int first = calls.size();
        for (BigInteger size : LiquidityMath.LADDER) {
            calls.add(getDy.call(market.address(), BigInteger.valueOf(market.sellIndex()),
                    BigInteger.valueOf(market.buyIndex()), size.multiply(Wei.ONE_ETHER)));
        }
        return answers -> {
            List<Quoted> ladder = new ArrayList<>();
            for (int i = 0; i < LiquidityMath.LADDER.size(); i++) {
                BigInteger size = LiquidityMath.LADDER.get(i);
                try {
                    ladder.add(Quoted.answered(size, answers.uint(getDy, first + i)));
                } catch (CallFailedException e) {
                    ladder.add(Quoted.failed(size, "selling " + size + " " + market.token() + ": " + e.getMessage()));
                }
            }
            return new MarketAnswers(market.marketId(), ladder);
        };
    }

    private Optional<Function<Answers, ExitAnswers>> exitRead(PoolDefinition pool, List<ContractCall> calls,
            List<LidoQueueRead> queues) {
        int first = calls.size();
        if (pool.protocol() == Protocol.ROCKETPOOL) {
            calls.add(TOTAL_COLLATERAL.call(pool.address("reth")));
            return Optional.of(answers -> liquidEth(answers, TOTAL_COLLATERAL, first));
        }
        if (pool.protocol() == Protocol.ETHERFI) {
            calls.add(TOTAL_VALUE_IN_LP.call(pool.address("liquiditypool")));
            return Optional.of(answers -> liquidEth(answers, TOTAL_VALUE_IN_LP, first));
        }
        Optional<Address> queue = pool.protocol() == Protocol.LIDO
                ? pool.optionalAddress(WITHDRAWAL_QUEUE_ROLE) : Optional.empty();
        if (queue.isEmpty()) {
            return Optional.empty();
        }
        calls.add(UNFINALIZED_STETH.call(queue.get()));
        calls.add(LAST_REQUEST_ID.call(queue.get()));
        calls.add(LAST_FINALIZED_REQUEST_ID.call(queue.get()));
        queues.add(new LidoQueueRead(queue.get(), first));
        return Optional.of(answers -> lidoQueue(answers, queue.get(), first));
    }

    private static ExitAnswers liquidEth(Answers answers, AbiFunction function, int index) {
        try {
            return new ExitAnswers(Optional.empty(), Optional.of(answers.uint(function, index)), Optional.empty());
        } catch (CallFailedException e) {
            return ExitAnswers.failed(e.getMessage());
        }
    }

    private ExitAnswers lidoQueue(Answers answers, Address queue, int first) {
        try {
            BigInteger unfinalized = answers.uint(UNFINALIZED_STETH, first);
            BigInteger last = answers.uint(LAST_REQUEST_ID, first + 1);
            BigInteger lastFinalized = answers.uint(LAST_FINALIZED_REQUEST_ID, first + 2);
            Optional<Long> oldest = Optional.empty();
            if (last.compareTo(lastFinalized) > 0) {
                RequestKey key = new RequestKey(queue, lastFinalized.add(BigInteger.ONE));
                Long created = requestTimes.get(key);
                if (created == null) {
                    String unread = answers.unreadTimes().get(key);
                    return ExitAnswers.failed("the creation time of Lido withdrawal request " + key.id()
                            + " could not be read" + (unread == null ? "" : ": " + unread));
                }
                oldest = Optional.of(created);
            }
            return new ExitAnswers(Optional.empty(), Optional.empty(),
                    Optional.of(new LidoQueueAnswers(unfinalized, last, lastFinalized, oldest)));
        } catch (CallFailedException e) {
            return ExitAnswers.failed(e.getMessage());
        }
    }

    /**
     * The timestamp of the one WithdrawalRequestStatus answered (lidofinance/core WithdrawalQueueBase.sol): the
     * answer is the array's offset (32), its length (1), then the struct's six static words amountOfStETH,
     * amountOfShares, owner, timestamp, isFinalized, isClaimed.
     */
    static long creationTime(ContractCall call, CallResult result) {
        byte[] data = WITHDRAWAL_STATUS.answer(call, result);
        if (data.length < 8 * WORD || !word(data, 0).equals(BigInteger.valueOf(WORD))
                || !word(data, 1).equals(BigInteger.ONE)) {
            throw new CallFailedException(call, "returned " + data.length
                    + " bytes, not one WithdrawalRequestStatus (offset 32, length 1, six words)");
        }
        BigInteger timestamp = word(data, 2 + 3);
        if (timestamp.signum() == 0 || timestamp.bitLength() > 62) {
            throw new CallFailedException(call, "returned a request created at " + timestamp + ", not a time");
        }
        return timestamp.longValueExact();
    }

    private static BigInteger word(byte[] data, int index) {
        return new BigInteger(1, java.util.Arrays.copyOfRange(data, index * WORD, (index + 1) * WORD));
    }
}
