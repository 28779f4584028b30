package io.lsttracker.pool;

import static io.lsttracker.pool.AnswersFixture.words;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.chain.CallFailedException;
import io.lsttracker.chain.ContractCall;
import io.lsttracker.domain.StakeWiseDetails;
import io.lsttracker.domain.PoolId;
import io.lsttracker.domain.PoolState;
import io.lsttracker.domain.Protocol;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.Address;

class StakeWiseAdapterTest {
    static final PoolDefinition STAKEWISE = new PoolDefinition(new PoolId("stakewise"), "StakeWise",
            Protocol.STAKEWISE, "osETH", Map.of(
                    "oseth", new Address("0xf1C9acDc66974dFB6dEcB12aA385b9cD01190E38"),
                    "controller", new Address("0x2A261e60FB14586B474C208b1B7AC6D0f5000306")));

    private final StakeWiseAdapter adapter = new StakeWiseAdapter();

    @Test
    void readsTheAccruedRateAndTheEthOfMintedOsEth() {
        // A controller checkpointed one hour ago at 200,000 ETH of assets over 187,000 osETH shares, accruing
        // avgRewardPerSecond = 868,000,000 with a 5% treasury fee. By hand:
        //   profit   = 868,000,000 x 200,000e18 x 3,600 / 1e18 = 624,960,000,000,000,000 wei
        //   fee      = profit x 500 / 10,000                   =  31,248,000,000,000,000 wei
        //   totalAssets() = 200,000e18 + profit - fee          = 200,000.593712 ETH
        //   convertToAssets(1e18) = 1e18 x 200,000.593712e18 / 187,000e18, rounded down
        //                         = 1.069521891508021390 (200,000,593,712 / 187,000 = 1.0695218915080213903...)
        Reading<PoolState> reading = adapter.read(STAKEWISE);
        PoolState state = reading.result(List.of(
                words("1069521891508021390"),
                words("200000593712000000000000"),
                words("187000000000000000000000"),
                words("187000000000000000000000"),
                words("868000000")));
        assertTrue(state.isOk());
        assertEquals(new BigInteger("1069521891508021390"), state.ethPerToken());
        assertEquals(new BigInteger("200000593712000000000000"), state.totalEth());
        assertEquals(new BigInteger("187000000000000000000000"), state.tokenSupply());
        assertEquals(new StakeWiseDetails(new BigInteger("187000000000000000000000"), new BigInteger("868000000")),
                state.details());
    }

    @Test
    void callsTheControllerForTheRateAndTheOsTokenForTheSupply() {
        List<ContractCall> calls = adapter.read(STAKEWISE).contractCalls();
        assertEquals(List.of("StakeWiseOsTokenVaultController.convertToAssets",
                "StakeWiseOsTokenVaultController.totalAssets", "StakeWiseOsToken.totalSupply",
                "StakeWiseOsTokenVaultController.totalShares", "StakeWiseOsTokenVaultController.avgRewardPerSecond"),
                calls.stream().map(c -> c.label()).toList());
        assertEquals(STAKEWISE.address("oseth"), calls.get(2).target());
        assertEquals(STAKEWISE.address("controller"), calls.get(0).target());
    }

    @Test
    void noSharesMeansTheOneToOneDefaultIsNotTakenForARate() {
        // With no shares the controller's convertToAssets(1e18) answers 1e18 back.
        PoolDataException e = assertThrows(PoolDataException.class, () -> adapter.read(STAKEWISE).result(List.of(
                words("1000000000000000000"), words("0"), words("0"), words("0"), words("0"))));
        assertTrue(e.getMessage().contains("has no osETH shares"), e.getMessage());
    }

    @Test
    void aRevertOrAnEmptyAnswerNamesTheCall() {
        CallFailedException reverted = assertThrows(CallFailedException.class, () -> adapter.read(STAKEWISE)
                .result(List.of(AnswersFixture.reverted(), words("1"), words("1"), words("1"), words("1"))));
        assertTrue(reverted.getMessage().startsWith("StakeWiseOsTokenVaultController.convertToAssets at "
                + "0x2A261e60FB14586B474C208b1B7AC6D0f5000306 reverted"), reverted.getMessage());
        CallFailedException empty = assertThrows(CallFailedException.class, () -> adapter.read(STAKEWISE)
                .result(List.of(words("1"), words("1"), AnswersFixture.empty(), words("1"), words("1"))));
        assertTrue(empty.getMessage().startsWith("StakeWiseOsToken.totalSupply at "
                + "0xf1C9acDc66974dFB6dEcB12aA385b9cD01190E38 returned no data"), empty.getMessage());
    }
}
