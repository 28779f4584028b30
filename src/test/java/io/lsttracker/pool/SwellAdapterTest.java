package io.lsttracker.pool;

import static io.lsttracker.pool.AnswersFixture.words;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.chain.CallFailedException;
import io.lsttracker.chain.ContractCall;
import io.lsttracker.domain.SwellDetails;
import io.lsttracker.domain.PoolId;
import io.lsttracker.domain.PoolState;
import io.lsttracker.domain.Protocol;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.Address;
import org.web3j.utils.Numeric;

class SwellAdapterTest {
    static final PoolDefinition SWELL = new PoolDefinition(new PoolId("swell"), "Swell", Protocol.SWELL, "swETH",
            Map.of("sweth", new Address("0xf951E335afb289353dc249e82926178EaC7DEd78")));

    private final SwellAdapter adapter = new SwellAdapter();

    @Test
    void totalEthIsTheLastRepricesReservesNotSupplyTimesRateNorCumulativeDeposits() {
        // The last reprice fixed 1.1 ETH per swETH over 80,000 swETH: 88,000 ETH of reserves. 500 ETH were
        // deposited since, minting 500 / 1.1 = 454.545454545454545454 swETH (rounded down), so the live supply
        // is 80,454.545454545454545454 swETH. Until the next reprice, total ETH stays 88,000 (not the
        // 88,500 that supply x rate would give), and lifetime deposits (250,000 ETH) are only a detail.
        PoolState state = adapter.read(SWELL).result(List.of(
                words("1100000000000000000"),
                words("88000000000000000000000"),
                words("80454545454545454545454"),
                words("250000000000000000000000")));
        assertTrue(state.isOk());
        assertEquals(new BigInteger("1100000000000000000"), state.ethPerToken());
        assertEquals(new BigInteger("88000000000000000000000"), state.totalEth());
        assertEquals(new BigInteger("80454545454545454545454"), state.tokenSupply());
        assertEquals(new SwellDetails(new BigInteger("250000000000000000000000")), state.details());
    }

    @Test
    void callsAreTheDocumentedViewFunctionsOnSwETH() {
        List<ContractCall> calls = adapter.read(SWELL).contractCalls();
        assertEquals(List.of("SwellSwETH.swETHToETHRate", "SwellSwETH.lastRepriceETHReserves",
                "SwellSwETH.totalSupply", "SwellSwETH.totalETHDeposited"),
                calls.stream().map(c -> c.label()).toList());
        assertEquals(List.of("0xd68b2cb6", "0xd19dea65", "0x18160ddd", "0x7b2c9070"),
                calls.stream().map(c -> Numeric.toHexString(c.callData())).toList());
    }

    @Test
    void aRevertNamesTheCall() {
        CallFailedException e = assertThrows(CallFailedException.class, () -> adapter.read(SWELL).result(List.of(
                words("1"), AnswersFixture.reverted(), words("1"), words("1"))));
        assertTrue(e.getMessage().startsWith(
                "SwellSwETH.lastRepriceETHReserves at 0xf951E335afb289353dc249e82926178EaC7DEd78 reverted"),
                e.getMessage());
    }
}
