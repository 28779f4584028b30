package io.lsttracker.pool;

import static io.lsttracker.pool.AnswersFixture.words;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.chain.CallFailedException;
import io.lsttracker.domain.PoolDetails;
import io.lsttracker.domain.PoolId;
import io.lsttracker.domain.PoolState;
import io.lsttracker.domain.Protocol;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.Address;

class FraxAdapterTest {
    static final PoolDefinition FRAX = new PoolDefinition(new PoolId("frax"), "Frax", Protocol.FRAX, "sfrxETH",
            Map.of("sfrxeth", new Address("0xac3E018457B222d93114458476f3E3416Abbe38F")));

    private final FraxAdapter adapter = new FraxAdapter();

    @Test
    void callsAreTheDocumentedViewFunctionsOnSfrxETH() {
        List<String> labels = adapter.read(FRAX).contractCalls().stream().map(c -> c.label()).toList();
        assertEquals(List.of("FraxSfrxETH.pricePerShare", "FraxSfrxETH.totalAssets", "FraxSfrxETH.totalSupply"),
                labels);
    }

    @Test
    void readsPricePerShareAsFrxEthPerShareAndTotalAssetsAsTheBacking() {
        // 172,500.123456789012345678 frxETH behind 150,000 sfrxETH: convertToAssets(1e18)
        // = floor(1e18 x 172500123456789012345678 / 150000e18) = floor(1150000823045260082.30...)
        // = 1150000823045260082, rounded down as solmate's mulDivDown does.
        PoolState state = adapter.read(FRAX).result(List.of(
                words("1150000823045260082"),
                words("172500123456789012345678"),
                words("150000000000000000000000")));
        assertTrue(state.isOk());
        assertEquals(new BigInteger("1150000823045260082"), state.ethPerToken());
        assertEquals(new BigInteger("172500123456789012345678"), state.totalEth());
        assertEquals(new BigInteger("150000000000000000000000"), state.tokenSupply());
        assertEquals(PoolDetails.NONE, state.details());
    }

    @Test
    void anEmptyVaultsOneToOneIsUnusableNotARate() {
        PoolDataException e = assertThrows(PoolDataException.class, () -> adapter.read(FRAX).result(List.of(
                words("1000000000000000000"), words("0"), words("0"))));
        assertTrue(e.getMessage().contains("sfrxETH has no supply"), e.getMessage());
    }

    @Test
    void emptyReturnDataNamesTheCall() {
        CallFailedException e = assertThrows(CallFailedException.class, () -> adapter.read(FRAX).result(List.of(
                AnswersFixture.empty(), words("1"), words("1"))));
        assertTrue(e.getMessage().startsWith("FraxSfrxETH.pricePerShare at 0xac3E018457B222d93114458476f3E3416Abbe38F"),
                e.getMessage());
    }
}
