package io.lsttracker.pool;

import static io.lsttracker.pool.AnswersFixture.words;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.chain.CallFailedException;
import io.lsttracker.chain.ContractCall;
import io.lsttracker.domain.EtherFiDetails;
import io.lsttracker.domain.PoolId;
import io.lsttracker.domain.PoolState;
import io.lsttracker.domain.Protocol;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.Address;

class EtherFiAdapterTest {
    static final PoolDefinition ETHERFI = new PoolDefinition(new PoolId("etherfi"), "ether.fi", Protocol.ETHERFI,
            "eETH", Map.of(
                    "eeth", new Address("0x35fA164735182de50811E8e2E824cFb9B6118ac2"),
                    "weeth", new Address("0xCd5fE23C85820F7B72D0926FC9b05b43E359b7ee"),
                    "liquiditypool", new Address("0x308861A430be4cce5502d0A12724771Fc6DaF216")));

    private final EtherFiAdapter adapter = new EtherFiAdapter();

    @Test
    void theRateIsPerShareWhileTheRebasingSupplyIsThePooledEther() {
        // 2,600,000 ETH pooled over 2,400,000 eETH shares. By hand: getRate() = amountForShare(1e18)
        // = 1e18 x 2,600,000 / 2,400,000 rounded down = 1.083333333333333333 ETH per share (per weETH),
        // while eETH itself rebases: its totalSupply() is the pooled ether, 2,600,000, one ETH per eETH.
        Reading<PoolState> reading = adapter.read(ETHERFI);
        PoolState state = reading.result(List.of(
                words("1083333333333333333"),
                words("2600000000000000000000000"),
                words("2600000000000000000000000"),
                words("2400000000000000000000000"),
                words("1900000000000000000000000")));
        assertTrue(state.isOk());
        assertEquals(new BigInteger("1083333333333333333"), state.ethPerToken());
        assertEquals(new BigInteger("2600000000000000000000000"), state.totalEth());
        assertEquals(new BigInteger("2600000000000000000000000"), state.tokenSupply());
        assertEquals(new EtherFiDetails(new BigInteger("2400000000000000000000000"),
                new BigInteger("1900000000000000000000000")), state.details());
    }

    @Test
    void callsWeEthForTheRateAndTheLiquidityPoolAndEEthForTheTotals() {
        List<ContractCall> calls = adapter.read(ETHERFI).contractCalls();
        assertEquals(List.of("EtherFiWeETH.getRate", "EtherFiLiquidityPool.getTotalPooledEther",
                "EtherFiEETH.totalSupply", "EtherFiEETH.totalShares", "EtherFiWeETH.totalSupply"),
                calls.stream().map(c -> c.label()).toList());
        assertEquals(List.of(ETHERFI.address("weeth"), ETHERFI.address("liquiditypool"), ETHERFI.address("eeth"),
                ETHERFI.address("eeth"), ETHERFI.address("weeth")),
                calls.stream().map(c -> c.target()).toList());
    }

    @Test
    void noSharesMakesTheZeroRateUnusable() {
        // amountForShare answers 0, not a revert, while eETH has no shares.
        PoolDataException e = assertThrows(PoolDataException.class, () -> adapter.read(ETHERFI).result(List.of(
                words("0"), words("0"), words("0"), words("0"), words("0"))));
        assertTrue(e.getMessage().contains("has no shares"), e.getMessage());
    }

    @Test
    void aRevertNamesTheCall() {
        CallFailedException e = assertThrows(CallFailedException.class, () -> adapter.read(ETHERFI).result(List.of(
                words("1"), AnswersFixture.reverted(), words("1"), words("1"), words("1"))));
        assertTrue(e.getMessage().startsWith(
                "EtherFiLiquidityPool.getTotalPooledEther at 0x308861A430be4cce5502d0A12724771Fc6DaF216 reverted"),
                e.getMessage());
    }
}
