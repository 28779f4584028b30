package io.lsttracker.pool;

import static io.lsttracker.pool.AnswersFixture.words;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.chain.CallFailedException;
import io.lsttracker.chain.ContractCall;
import io.lsttracker.domain.PoolDetails;
import io.lsttracker.domain.PoolId;
import io.lsttracker.domain.PoolState;
import io.lsttracker.domain.Protocol;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.Address;
import org.web3j.utils.Numeric;

class CoinbaseAdapterTest {
    static final PoolDefinition COINBASE = new PoolDefinition(new PoolId("coinbase"), "Coinbase", Protocol.COINBASE,
            "cbETH", Map.of("cbeth", new Address("0xBe9895146f7AF43049ca1c1AE358B0541Ea49704")));

    private final CoinbaseAdapter adapter = new CoinbaseAdapter();

    @Test
    void totalEthIsSupplyTimesTheOraclesRate() {
        // The reference cbETH rate of 15 Feb 2024, 1.063814269953974334, over 150,000 cbETH:
        // 150,000 x 1.063814269953974334 = 159,572.140493096150100000 ETH (exact, nothing to round).
        PoolState state = decode(words("1063814269953974334"), words("150000000000000000000000"));
        assertTrue(state.isOk());
        assertEquals(new BigInteger("1063814269953974334"), state.ethPerToken());
        assertEquals(new BigInteger("159572140493096150100000"), state.totalEth());
        assertEquals(new BigInteger("150000000000000000000000"), state.tokenSupply());
        assertEquals(PoolDetails.NONE, state.details());
    }

    @Test
    void totalEthIsRoundedDownToTheWei() {
        // 123,456,789 wei of cbETH x 1063814269953974334 = 131,335,093,860,896,849,064,053,526 / 1e18
        // = 131,335,093.86... wei, rounded down to 131,335,093.
        PoolState state = decode(words("1063814269953974334"), words("123456789"));
        assertEquals(BigInteger.valueOf(131_335_093L), state.totalEth());
    }

    @Test
    void callsAreExchangeRateAndTotalSupplyOnCbETH() {
        List<ContractCall> calls = adapter.read(COINBASE).contractCalls();
        assertEquals(List.of("CoinbaseCbETH.exchangeRate", "CoinbaseCbETH.totalSupply"),
                calls.stream().map(c -> c.label()).toList());
        assertEquals("0x3ba0b9a9", Numeric.toHexString(calls.get(0).callData()));
        assertEquals("0x18160ddd", Numeric.toHexString(calls.get(1).callData()));
        assertEquals(new Address("0xBe9895146f7AF43049ca1c1AE358B0541Ea49704"), calls.get(0).target());
    }

    @Test
    void aRevertNamesTheCall() {
        CallFailedException e = assertThrows(CallFailedException.class,
                () -> decode(AnswersFixture.reverted(), words("1")));
        assertTrue(e.getMessage().startsWith(
                "CoinbaseCbETH.exchangeRate at 0xBe9895146f7AF43049ca1c1AE358B0541Ea49704 reverted"), e.getMessage());
    }

    @Test
    void noCodeAtTheAddressIsAFailedCallNotAZeroSupply() {
        CallFailedException e = assertThrows(CallFailedException.class,
                () -> decode(words("1063814269953974334"), AnswersFixture.empty()));
        assertTrue(e.getMessage().contains("CoinbaseCbETH.totalSupply"), e.getMessage());
        assertTrue(e.getMessage().contains("returned no data"), e.getMessage());
    }

    private PoolState decode(io.lsttracker.chain.CallResult rate, io.lsttracker.chain.CallResult supply) {
        return adapter.read(COINBASE).result(List.of(rate, supply));
    }
}
