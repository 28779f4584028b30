package io.lsttracker.pool;

import static io.lsttracker.pool.AnswersFixture.words;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.chain.CallFailedException;
import io.lsttracker.chain.ContractCall;
import io.lsttracker.domain.PoolId;
import io.lsttracker.domain.PoolState;
import io.lsttracker.domain.Protocol;
import io.lsttracker.domain.Wei;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.Address;

class StaderAdapterTest {
    static final String MANAGER = "0xcf5EA1b38380f6aF39068375516Daf40Ed70D299";
    static final String ETHX = "0xA35b1B31Ce002FBF2058D22F30f95D405200A15b";
    static final PoolDefinition STADER = new PoolDefinition(new PoolId("stader"), "Stader", Protocol.STADER, "ETHx",
            Map.of("ethx", new Address(ETHX), "manager", new Address(MANAGER)));

    private final StaderAdapter adapter = new StaderAdapter();

    @Test
    void callsAreTheManagersRateAndAssetsAndTheTokensSupply() {
        List<ContractCall> calls = adapter.read(STADER).contractCalls();
        assertEquals(List.of("StaderStakePoolsManager.getExchangeRate", "StaderStakePoolsManager.totalAssets",
                "StaderETHx.totalSupply"), calls.stream().map(c -> c.label()).toList());
        assertEquals(new Address(MANAGER), calls.get(0).target());
        assertEquals(new Address(ETHX), calls.get(2).target());
    }

    @Test
    void theRateIsOverTheReportedSupplyNotTheLiveOne() {
        // The last report: 120,000 ETH behind 111,111 ETHx, so getExchangeRate() = floor(120000e18 x 1e18 /
        // 111111e18) = floor(1080001080001080001.08) = 1080001080001080001. Since then deposits minted 500 ETHx:
        // the live supply is 111,611, and 120,000 / 111,611 would give 1075162842372167617 instead.
        PoolState state = adapter.read(STADER).result(List.of(
                words("1080001080001080001"),
                words("120000000000000000000000"),
                words("111611000000000000000000")));
        assertEquals(new BigInteger("1080001080001080001"), state.ethPerToken());
        assertEquals(new BigInteger("120000000000000000000000"), state.totalEth());
        assertEquals(new BigInteger("111611000000000000000000"), state.tokenSupply());
        BigInteger overLiveSupply = state.totalEth().multiply(Wei.ONE_ETHER).divide(state.tokenSupply());
        assertEquals(new BigInteger("1075162842372167617"), overLiveSupply);
        assertNotEquals(overLiveSupply, state.ethPerToken());
    }

    @Test
    void theDefaultRateWithoutReportedEthIsUnusable() {
        PoolDataException e = assertThrows(PoolDataException.class, () -> adapter.read(STADER).result(List.of(
                words("1000000000000000000"), words("0"), words("100"))));
        assertTrue(e.getMessage().contains("reports no ETH"), e.getMessage());
    }

    @Test
    void aRevertNamesTheCall() {
        CallFailedException e = assertThrows(CallFailedException.class, () -> adapter.read(STADER).result(List.of(
                AnswersFixture.reverted(), words("1"), words("1"))));
        assertTrue(e.getMessage().startsWith("StaderStakePoolsManager.getExchangeRate at " + MANAGER), e.getMessage());
    }
}
