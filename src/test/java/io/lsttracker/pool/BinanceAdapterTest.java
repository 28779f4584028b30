package io.lsttracker.pool;

import static io.lsttracker.pool.AnswersFixture.words;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.chain.CallFailedException;
import io.lsttracker.chain.CallResult;
import io.lsttracker.chain.ContractCall;
import io.lsttracker.domain.PoolId;
import io.lsttracker.domain.PoolState;
import io.lsttracker.domain.Protocol;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.Address;
import org.web3j.utils.Numeric;

class BinanceAdapterTest {
    static final PoolDefinition BINANCE = new PoolDefinition(new PoolId("binance"), "Binance", Protocol.BINANCE,
            "wBETH", Map.of("wbeth", new Address("0xa2E3356610840701BDf5611a53974510Ae27E2e1")));

    private final BinanceAdapter adapter = new BinanceAdapter();

    @Test
    void totalEthIsTheEthereumSupplyTimesTheRate() {
        // 2,500,000.5 wBETH at 1.072301045678901234 ETH each:
        //   2,500,000 x 1.072301045678901234 = 2,680,752.614197253085000000
        // +       0.5 x 1.072301045678901234 =         0.536150522839450617
        // =                                    2,680,753.150347775924450617 ETH (exact).
        PoolState state = decode(words("1072301045678901234"), words("2500000500000000000000000"));
        assertTrue(state.isOk());
        assertEquals(new BigInteger("1072301045678901234"), state.ethPerToken());
        assertEquals(new BigInteger("2680753150347775924450617"), state.totalEth());
        assertEquals(new BigInteger("2500000500000000000000000"), state.tokenSupply());
    }

    @Test
    void callsAreExchangeRateAndTotalSupplyOnWBETH() {
        List<ContractCall> calls = adapter.read(BINANCE).contractCalls();
        assertEquals(List.of("BinanceWBETH.exchangeRate", "BinanceWBETH.totalSupply"),
                calls.stream().map(c -> c.label()).toList());
        assertEquals("0x3ba0b9a9", Numeric.toHexString(calls.get(0).callData()));
        assertEquals(new Address("0xa2E3356610840701BDf5611a53974510Ae27E2e1"), calls.get(1).target());
    }

    @Test
    void aTruncatedAnswerIsAFailedCall() {
        CallFailedException e = assertThrows(CallFailedException.class,
                () -> decode(new CallResult(true, new byte[31]), words("1")));
        assertTrue(e.getMessage().startsWith("BinanceWBETH.exchangeRate at 0xa2E3356610840701BDf5611a53974510Ae27E2e1"),
                e.getMessage());
    }

    private PoolState decode(CallResult rate, CallResult supply) {
        return adapter.read(BINANCE).result(List.of(rate, supply));
    }
}
