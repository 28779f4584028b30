package io.lsttracker.liquidity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lsttracker.chain.CallResult;
import io.lsttracker.chain.ContractCall;
import io.lsttracker.chain.FakeChain;
import io.lsttracker.domain.BlockRef;
import io.lsttracker.domain.BlockSelector;
import io.lsttracker.domain.LiquidityAnswers;
import io.lsttracker.domain.LiquidityAnswers.ExitAnswers;
import io.lsttracker.domain.LiquidityAnswers.PoolAnswers;
import io.lsttracker.domain.PoolId;
import io.lsttracker.domain.Protocol;
import io.lsttracker.domain.Snapshot;
import io.lsttracker.pool.LidoAdapter;
import io.lsttracker.pool.PoolAdapters;
import io.lsttracker.pool.PoolDefinition;
import io.lsttracker.pool.PoolRegistry;
import io.lsttracker.snapshot.LiquidityReads;
import io.lsttracker.snapshot.SnapshotService;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.Address;
import org.web3j.utils.Numeric;

/**
 * The snapshot service's hook for the liquidity reads, against the fake chain with a fake of our own
 * {@link LiquidityReads}: its calls ride after the pools' in each block's one multicall (the live read and the
 * backfill's batched one alike), its answers come back in order, a follow-up runs at the same block, and a hook that
 * cannot make out its answers costs the snapshot nothing but its liquidity.
 */
class LiquidityHookTest {
    private static final Address STETH = new Address("0xae7ab96520DE3A18E5e111B5EaAb095312D7fE84");
    private static final Address MARKET = new Address("0x00000000000000000000000000000000000c0de1");
    private static final PoolDefinition LIDO = new PoolDefinition(new PoolId("lido"), "Lido", Protocol.LIDO, "stETH",
            Map.of("steth", STETH, "wsteth", new Address("0x7f39C581F595B53c5cb19bD0b3f8dA6c935E2Ca0")));
    private final FakeChain chain = new FakeChain(Instant.parse("2018-11-23T12:00:23Z")).head(21_000_010);

    /** Asks MARKET once with the block's number; follows up once at the same block when {@code followUp}. */
    private final class FakeReads implements LiquidityReads {
        final boolean followUp;
        final boolean broken;
        final List<BlockRef> followedUpAt = new ArrayList<>();

        FakeReads(boolean followUp, boolean broken) {
            this.followUp = followUp;
            this.broken = broken;
        }

        @Override
        public Planned plan(BlockRef block) {
            ContractCall call = new ContractCall(MARKET, Numeric.toBytesPadded(BigInteger.valueOf(block.number()), 32),
                    "FakeMarket.quote");
            return new Planned() {
                @Override
                public List<ContractCall> calls() {
                    return List.of(call);
                }

                @Override
                public List<ContractCall> followUps(List<CallResult> results) {
                    if (followUp) {
                        followedUpAt.add(block);
                        return List.of(call);
                    }
                    return List.of();
                }

                @Override
                public LiquidityAnswers answers(List<CallResult> results, List<CallResult> followUpResults) {
                    if (broken) {
                        throw new IllegalStateException("a bug in decoding");
                    }
                    BigInteger answer = new BigInteger(1, results.get(0).returnData());
                    for (CallResult more : followUpResults) {
                        answer = answer.add(new BigInteger(1, more.returnData()));
                    }
                    return new LiquidityAnswers(List.of(new PoolAnswers(LIDO.id(), Optional.empty(),
                            Optional.of(new ExitAnswers(Optional.empty(), Optional.of(answer), Optional.empty())))));
                }
            };
        }
    }

    private SnapshotService service(LiquidityReads reads) {
        // the market answers its block's number times 1000; Lido answers as in SnapshotServiceTest
        chain.answerAt((block, call) -> {
            String selector = Numeric.toHexString(call.callData()).substring(0, 10);
            if (call.target().equals(MARKET)) {
                return FakeChain.words(BigInteger.valueOf(block.number() * 1000));
            }
            return switch (selector) {
                case "0xae2e3538" -> FakeChain.words(BigInteger.TEN, BigInteger.TWO, BigInteger.ONE); // getBeaconStat
                case "0x7a28fb88" -> FakeChain.words(new BigInteger("1225000000000000000")); // getPooledEthByShares
                default -> FakeChain.words(new BigInteger("1000000000000000000000"));
            };
        });
        return new SnapshotService(chain, new PoolRegistry("test", List.of(LIDO)),
                new PoolAdapters(List.of(new LidoAdapter())), List.of(reads));
    }

    private static BigInteger liquidEth(Snapshot snapshot) {
        return snapshot.liquidity().of(LIDO.id()).orElseThrow().exit().orElseThrow().liquidEthWei().orElseThrow();
    }

    @Test
    void theCallsRideLastInTheBlocksOneMulticall() {
        SnapshotService service = service(new FakeReads(false, false));
        Snapshot snapshot = service.take(BlockSelector.LATEST);
        assertEquals(1, chain.multicalls().size(), "one multicall");
        List<ContractCall> calls = chain.multicalls().get(0).calls();
        assertEquals(MARKET, calls.get(calls.size() - 1).target(), "after the pools' calls");
        assertEquals(BigInteger.valueOf(21_000_010L * 1000), liquidEth(snapshot));
        assertEquals(List.of(), snapshot.failedPools());
    }

    @Test
    void theBackfillsBatchedReadCarriesEachBlocksOwnAnswers() {
        SnapshotService service = service(new FakeReads(false, false));
        List<BlockRef> blocks = List.of(chain.block(21_000_001), chain.block(21_000_005), chain.block(21_000_009));
        List<Snapshot> snapshots = service.read(blocks);
        assertEquals(3, chain.multicalls().size(), "one multicall per block, no more");
        assertEquals(List.of(BigInteger.valueOf(21_000_001_000L), BigInteger.valueOf(21_000_005_000L),
                BigInteger.valueOf(21_000_009_000L)), snapshots.stream().map(LiquidityHookTest::liquidEth).toList());
    }

    @Test
    void aFollowUpIsOneMoreMulticallAtTheSameBlock() {
        FakeReads reads = new FakeReads(true, false);
        Snapshot snapshot = service(reads).take(new BlockSelector.Number(21_000_003));
        assertEquals(2, chain.multicalls().size());
        assertEquals(chain.block(21_000_003), chain.multicalls().get(1).block());
        assertEquals(List.of(chain.block(21_000_003)), reads.followedUpAt);
        // the first answer and the follow-up's: 2 x 21,000,003,000
        assertEquals(BigInteger.valueOf(42_000_006_000L), liquidEth(snapshot));
    }

    @Test
    void theBatchedReadsFollowUpsGoInOneRequestEachAtItsBlock() {
        FakeReads reads = new FakeReads(true, false);
        List<BlockRef> blocks = List.of(chain.block(21_000_001), chain.block(21_000_002));
        List<Snapshot> snapshots = service(reads).read(blocks);
        // the fake chain answers aggregateAll block by block: 2 reads, then the 2 follow-ups
        assertEquals(4, chain.multicalls().size());
        assertEquals(blocks, chain.multicalls().subList(2, 4).stream().map(FakeChain.Multicall::block).toList());
        assertEquals(List.of(BigInteger.valueOf(42_000_002_000L), BigInteger.valueOf(42_000_004_000L)),
                snapshots.stream().map(LiquidityHookTest::liquidEth).toList());
    }

    @Test
    void aHookThatCannotMakeOutItsAnswersCostsOnlyTheLiquidity() {
        Snapshot snapshot = service(new FakeReads(false, true)).take(BlockSelector.LATEST);
        assertEquals(LiquidityAnswers.NONE, snapshot.liquidity());
        assertEquals(List.of(), snapshot.failedPools());
        assertEquals(1, snapshot.pools().size());
    }
}
