package io.lsttracker.pool;

import static io.lsttracker.pool.AnswersFixture.words;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.chain.CallFailedException;
import io.lsttracker.domain.LidoDetails;
import io.lsttracker.domain.PoolId;
import io.lsttracker.domain.PoolState;
import io.lsttracker.domain.Protocol;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.Address;

class LidoAdapterTest {
    static final PoolDefinition LIDO = new PoolDefinition(new PoolId("lido"), "Lido", Protocol.LIDO, "stETH", Map.of(
            "steth", new Address("0xae7ab96520DE3A18E5e111B5EaAb095312D7fE84"),
            "wsteth", new Address("0x7f39C581F595B53c5cb19bD0b3f8dA6c935E2Ca0")));

    private final LidoAdapter adapter = new LidoAdapter();

    @Test
    void readsTheShareRateTotalsAndBeaconStat() {
        // A state with the reference share rate of 15 Feb 2024 (wstETH 1.157209899495068171): 9,000,000 ETH
        // pooled over 7,777,324.226... shares; the rate is what getPooledEthByShares(1e18) answers.
        Reading<PoolState> reading = adapter.read(LIDO);
        PoolState state = reading.result(List.of(
                words("1157209899495068171"),
                words("9000000000000000000000000"),
                words("7777324226851837196289532"),
                words("9000000000000000000000000"),
                words("290000", "289950", "9100000123000000000000000")));
        assertTrue(state.isOk());
        assertEquals(new BigInteger("1157209899495068171"), state.ethPerToken());
        assertEquals(new BigInteger("9000000000000000000000000"), state.totalEth());
        assertEquals(new BigInteger("9000000000000000000000000"), state.tokenSupply());
        // getBeaconStat's three outputs, read by name, land in their own fields
        assertEquals(new LidoDetails(new BigInteger("7777324226851837196289532"), BigInteger.valueOf(290_000),
                BigInteger.valueOf(289_950), new BigInteger("9100000123000000000000000")), state.details());
    }

    @Test
    void callsAreTheDocumentedViewFunctionsOnStETH() {
        List<String> labels = adapter.read(LIDO).contractCalls().stream().map(c -> c.label()).toList();
        assertEquals(List.of("LidoStETH.getPooledEthByShares", "LidoStETH.getTotalPooledEther",
                "LidoStETH.getTotalShares", "LidoStETH.totalSupply", "LidoStETH.getBeaconStat"), labels);
    }

    @Test
    void zeroSharesIsUnusableNotADivisionByZero() {
        PoolDataException e = assertThrows(PoolDataException.class, () -> adapter.read(LIDO).result(List.of(
                words("0"), words("0"), words("0"), words("0"), words("0", "0", "0"))));
        assertTrue(e.getMessage().contains("zero total shares"));
    }

    @Test
    void aRevertNamesTheCall() {
        CallFailedException e = assertThrows(CallFailedException.class, () -> adapter.read(LIDO).result(List.of(
                AnswersFixture.reverted(), words("1"), words("1"), words("1"), words("0", "0", "0"))));
        assertTrue(e.getMessage().startsWith("LidoStETH.getPooledEthByShares at 0xae7ab96520DE3A18E5e111B5EaAb095312D7fE84 reverted"),
                e.getMessage());
    }
}
