package io.lsttracker.pool;

import static io.lsttracker.pool.AnswersFixture.words;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.chain.CallFailedException;
import io.lsttracker.chain.CallResult;
import io.lsttracker.chain.ContractCall;
import io.lsttracker.domain.AnkrDetails;
import io.lsttracker.domain.PoolId;
import io.lsttracker.domain.PoolState;
import io.lsttracker.domain.Protocol;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.Address;
import org.web3j.utils.Numeric;

class AnkrAdapterTest {
    static final PoolDefinition ANKR = new PoolDefinition(new PoolId("ankr"), "Ankr", Protocol.ANKR, "ankrETH",
            Map.of("ankreth", new Address("0xE95A203B1a91a908F9B9CE46459d101078c2c3cb")));

    private final AnkrAdapter adapter = new AnkrAdapter();

    @Test
    void theRatioIsInvertedIntoEthPerToken() {
        // ratio 0.8 ankrETH per ETH: one ankrETH is 1 / 0.8 = 1.25 ETH; 20,000 ankrETH are 25,000 ETH.
        PoolState state = decode(words("800000000000000000"), words("20000000000000000000000"));
        assertTrue(state.isOk());
        assertEquals(new BigInteger("1250000000000000000"), state.ethPerToken());
        assertEquals(new BigInteger("25000000000000000000000"), state.totalEth());
        assertEquals(new BigInteger("20000000000000000000000"), state.tokenSupply());
        assertEquals(new AnkrDetails(new BigInteger("800000000000000000")), state.details());
    }

    @Test
    void bothInversionsRoundDownToTheWei() {
        // ratio 0.9: 1e36 / 9e17 = 1,111,111,111,111,111,111.1... -> 1.111111111111111111 ETH per ankrETH;
        // 10,000 ankrETH: 1e22 x 1e18 / 9e17 = 11,111,111,111,111,111,111,111.1... -> 11,111.111111111111111111 ETH.
        PoolState state = decode(words("900000000000000000"), words("10000000000000000000000"));
        assertEquals(new BigInteger("1111111111111111111"), state.ethPerToken());
        assertEquals(new BigInteger("11111111111111111111111"), state.totalEth());
    }

    @Test
    void aZeroRatioIsUnusableNotADivisionByZero() {
        PoolDataException e = assertThrows(PoolDataException.class,
                () -> decode(words("0"), words("20000000000000000000000")));
        assertTrue(e.getMessage().contains("AnkrETH.ratio at 0xE95A203B1a91a908F9B9CE46459d101078c2c3cb answered 0"),
                e.getMessage());
    }

    @Test
    void aRevertNamesTheCall() {
        CallFailedException e = assertThrows(CallFailedException.class,
                () -> decode(words("800000000000000000"), AnswersFixture.reverted()));
        assertTrue(e.getMessage().startsWith("AnkrETH.totalSupply at 0xE95A203B1a91a908F9B9CE46459d101078c2c3cb"),
                e.getMessage());
    }

    @Test
    void callsAreRatioAndTotalSupplyOnAnkrETH() {
        List<ContractCall> calls = adapter.read(ANKR).contractCalls();
        assertEquals(List.of("0x71ca337d", "0x18160ddd"),
                calls.stream().map(c -> Numeric.toHexString(c.callData())).toList());
    }

    private PoolState decode(CallResult ratio, CallResult supply) {
        return adapter.read(ANKR).result(List.of(ratio, supply));
    }
}
