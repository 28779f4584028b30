package io.lsttracker.pool;

import static io.lsttracker.pool.AnswersFixture.words;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.web3j.utils.Numeric;

class MantleAdapterTest {
    static final String STAKING = "0xe3cBd06D7dadB3F4e6557bAb7EdD924CD1489E8f";
    static final PoolDefinition MANTLE = new PoolDefinition(new PoolId("mantle"), "Mantle", Protocol.MANTLE, "mETH",
            Map.of("meth", new Address("0xd5F7838F5C461fefF7FE49ea5ebaF7728bB0ADfa"), "staking", new Address(STAKING)));

    private final MantleAdapter adapter = new MantleAdapter();

    @Test
    void asksStakingForTheValueOfOneMethAndMethForItsSupply() {
        List<ContractCall> calls = adapter.read(MANTLE).contractCalls();
        assertEquals(List.of("MantleStaking.mETHToETH", "MantleStaking.totalControlled", "MantleMETH.totalSupply"),
                calls.stream().map(c -> c.label()).toList());
        assertEquals(new Address(STAKING), calls.get(0).target());
        // mETHToETH(uint256) 0x5890c11c with 1e18 (0xde0b6b3a7640000), not ethToMETH
        assertEquals("0x5890c11c" + "0".repeat(49) + "de0b6b3a7640000", Numeric.toHexString(calls.get(0).callData()));
        assertEquals(new Address("0xd5F7838F5C461fefF7FE49ea5ebaF7728bB0ADfa"), calls.get(2).target());
    }

    @Test
    void readsTheRateTotalControlledAndSupply() {
        // 480,000 ETH controlled behind 450,000 mETH: mETHToETH(1e18) = mulDiv(1e18, 480000e18, 450000e18)
        // = floor(1.0666...e18) = 1066666666666666666.
        PoolState state = adapter.read(MANTLE).result(List.of(
                words("1066666666666666666"),
                words("480000000000000000000000"),
                words("450000000000000000000000")));
        assertEquals(new BigInteger("1066666666666666666"), state.ethPerToken());
        assertEquals(new BigInteger("480000000000000000000000"), state.totalEth());
        assertEquals(new BigInteger("450000000000000000000000"), state.tokenSupply());
        assertEquals(Wei.ONE_ETHER.multiply(new BigInteger("480000")).divide(new BigInteger("450000")),
                state.ethPerToken(), "the rate is totalControlled over the live supply");
    }

    @Test
    void theBootstrapOneToOneWithoutSupplyIsUnusable() {
        PoolDataException e = assertThrows(PoolDataException.class, () -> adapter.read(MANTLE).result(List.of(
                words("1000000000000000000"), words("5"), words("0"))));
        assertTrue(e.getMessage().contains("mETH has no supply"), e.getMessage());
    }

    @Test
    void aRevertNamesTheCall() {
        CallFailedException e = assertThrows(CallFailedException.class, () -> adapter.read(MANTLE).result(List.of(
                words("1"), AnswersFixture.reverted(), words("1"))));
        assertTrue(e.getMessage().startsWith("MantleStaking.totalControlled at " + STAKING), e.getMessage());
    }
}
