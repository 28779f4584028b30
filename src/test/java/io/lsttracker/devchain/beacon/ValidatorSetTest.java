package io.lsttracker.devchain.beacon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lsttracker.devchain.SimulatedBeacon;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The validator model on a set small enough to count by hand: 100 validators, Lido 40 (indices 0-39), Coinbase
 * 40 (40-79), solo stakers 20 (80-99). By position j in its group: 7 exits, 13 is slashed, 21 activates at the
 * change; Coinbase's 29 is compounding (weight 32) and its 37 changes from 0x00 to 0x01 credentials.
 */
class ValidatorSetTest {
    private static final long REF = SimulatedBeacon.REFERENCE_SLOT;
    private static final long CHANGE = REF + 3_200;
    private static final String COINBASE_DEPOSITOR = "0xa090e606e30bd747d4e6245a1517ebe430f0057e";

    private static ValidatorSet small() {
        return new ValidatorSet(100, CHANGE, List.of(
                new Staker("lido", Staker.Kind.LIDO_VAULT, 4_000, List.of()),
                new Staker("coinbase", Staker.Kind.LABELLED, 4_000, List.of(COINBASE_DEPOSITOR)),
                new Staker("solo", Staker.Kind.SOLO, 2_000, List.of())));
    }

    private static List<SimulatedValidator> at(ValidatorSet set, long slot) {
        List<SimulatedValidator> all = new ArrayList<>();
        set.forEach(slot, all::add);
        return all;
    }

    @Test
    void beforeTheChangeEachActiveValidatorHoldsItsWeightsShareOfTheTotal() {
        // At the reference slot the total is 34,900,000 ETH = 3.49e16 gwei. Active: Lido 39 (its j=21 is pending),
        // Coinbase 39 (j=21 pending): 38 x 1 + one compounding x 32 = 70 weights, solo 20. Weights: 39 + 70 + 20 = 129.
        // A weight is floor(3.49e16 / 129) = 270,542,635,658,914 gwei, the compounding validator
        // floor(32 x 3.49e16 / 129) = 8,657,364,341,085,271, and the last active one (index 99) the rest:
        // 3.49e16 - 96 x 270,542,635,658,914 - 8,657,364,341,085,271 = 270,542,635,658,985.
        long unit = 270_542_635_658_914L;
        long compounding = 8_657_364_341_085_271L;
        Map<String, EntityTruth> truth = small().truth(REF);
        assertEquals(new EntityTruth(40, 39, BigInteger.valueOf(39 * unit)), truth.get("lido"));
        assertEquals(new EntityTruth(40, 39, BigInteger.valueOf(38 * unit + compounding)), truth.get("coinbase"));
        assertEquals(new EntityTruth(20, 20, BigInteger.valueOf(19 * unit + 270_542_635_658_985L)),
                truth.get(ValidatorSet.UNIDENTIFIED));
        assertEquals(Set.of("lido", "coinbase", "unidentified"), truth.keySet());

        List<SimulatedValidator> validators = at(small(), REF);
        SimulatedValidator compounder = validators.get(40 + 29);
        assertEquals(compounding, compounder.balanceGwei());
        assertEquals(2_048_000_000_000L, compounder.effectiveBalanceGwei());
        assertTrue(compounder.withdrawalCredentials().startsWith("0x020000000000000000000000"));
        SimulatedValidator bls = validators.get(40 + 37);
        assertTrue(bls.withdrawalCredentials().startsWith("0x00"), bls.withdrawalCredentials());
        assertEquals("pending_queued", validators.get(21).status());
        assertEquals(ValidatorSet.FAR_FUTURE_EPOCH, validators.get(21).activationEpoch());
        assertEquals("0x01" + "0".repeat(22) + ValidatorSet.LIDO_VAULT.substring(2),
                validators.get(0).withdrawalCredentials());
        assertEquals(32_000_000_000L, validators.get(0).effectiveBalanceGwei());
    }

    @Test
    void afterTheChangeExitsAndSlashingsLeaveAndThePendingOnesJoin() {
        // 10 epochs after the change: j=7 exited_unslashed, j=13 exited_slashed (its 4 epochs of active_slashed are
        // over), j=21 active. Active: Lido 38, Coinbase 38 (37 x 1 + 32 = 69 weights), solo 18: 125 weights.
        // Total: 3.49e16 + 3,520 slots x 694,444,444 = 34,902,444,444,442,880 gwei; a weight is
        // floor(total / 125) = 279,219,555,555,543, a compounding validator floor(32 x total / 125) =
        // 8,935,025,777,777,377, and the last active one (index 99) the rest: 279,219,555,555,547.
        long slot = CHANGE + 320;
        long unit = 279_219_555_555_543L;
        Map<String, EntityTruth> truth = small().truth(slot);
        assertEquals(new EntityTruth(40, 38, BigInteger.valueOf(38 * unit)), truth.get("lido"));
        assertEquals(new EntityTruth(40, 38, BigInteger.valueOf(37 * unit + 8_935_025_777_777_377L)),
                truth.get("coinbase"));
        assertEquals(new EntityTruth(20, 18, BigInteger.valueOf(17 * unit + 279_219_555_555_547L)),
                truth.get(ValidatorSet.UNIDENTIFIED));

        List<SimulatedValidator> validators = at(small(), slot);
        assertEquals("exited_unslashed", validators.get(7).status());
        assertEquals(32_000_000_000L, validators.get(7).balanceGwei());
        assertEquals("exited_slashed", validators.get(13).status());
        assertTrue(validators.get(13).slashed());
        assertEquals("active_ongoing", validators.get(21).status());
        String bls = validators.get(40 + 37).withdrawalCredentials();
        assertTrue(bls.startsWith("0x01" + "0".repeat(22)), bls);
        assertEquals(bls, validators.get(40).withdrawalCredentials()); // Coinbase's one withdrawal address
    }

    private static ValidatorSet smallWithLate() {
        return new ValidatorSet(100, CHANGE, small().stakers(), 1_000);
    }

    @Test
    void lateValidatorsAppearAtTheChangeQueueFourEpochsAndThenHoldTheirShare() {
        // 10% of 100 deposited during the history, appended by group: Lido 4 (indices 100-103, j=40..43),
        // Coinbase 4 (104-107, j=40..43), solo 2 (108-109, j=20..21).
        ValidatorSet set = smallWithLate();
        assertEquals(10, set.lateSize());
        assertEquals(100, at(set, CHANGE - 1).size()); // not in the state before the change
        List<SimulatedValidator> appeared = at(set, CHANGE);
        assertEquals(110, appeared.size());
        assertEquals("pending_queued", appeared.get(104).status());
        assertEquals(ValidatorSet.FAR_FUTURE_EPOCH, appeared.get(104).activationEpoch());
        assertEquals("coinbase", appeared.get(104).entityId());
        assertEquals(appeared.get(40).withdrawalCredentials(), appeared.get(104).withdrawalCredentials());
        assertEquals("0x01" + "0".repeat(22) + ValidatorSet.LIDO_VAULT.substring(2),
                appeared.get(100).withdrawalCredentials());
        // Before they activate (change + 4 epochs) the others' balances are the set's without them.
        assertEquals(small().truth(CHANGE + 32).get("lido").activeStakeGwei(),
                set.truth(CHANGE + 32).get("lido").activeStakeGwei());

        // 10 epochs after the change (the slot of the test above): 125 weights + 10 late = 135. Total
        // 34,902,444,444,442,880 gwei; a weight floor(total / 135) = 258,536,625,514,391, a compounding validator
        // floor(32 x total / 135) = 8,273,172,016,460,534, the last active one (index 109, solo) the rest:
        // total - (42 + 41 + 19) x 258,536,625,514,391 - 8,273,172,016,460,534 = 258,536,625,514,464.
        long unit = 258_536_625_514_391L;
        Map<String, EntityTruth> truth = set.truth(CHANGE + 320);
        assertEquals(new EntityTruth(44, 42, BigInteger.valueOf(42 * unit)), truth.get("lido"));
        assertEquals(new EntityTruth(44, 42, BigInteger.valueOf(41 * unit + 8_273_172_016_460_534L)),
                truth.get("coinbase"));
        assertEquals(new EntityTruth(22, 20, BigInteger.valueOf(19 * unit + 258_536_625_514_464L)),
                truth.get(ValidatorSet.UNIDENTIFIED));
        assertEquals("active_ongoing", at(set, CHANGE + 320).get(109).status());
    }

    @Test
    void theHistorysDepositsAreTheLateValidatorsAndTheCompoundingOnesTopUps() {
        List<ValidatorSet.DepositBatch> batches = new ArrayList<>();
        smallWithLate().forEachLateDepositBatch(25, batches::add);
        // Coinbase's compounding validator (j=29) topped up again from its label, then the late ones by group:
        // Lido 4 from its model's address, Coinbase 4 from its label, solo 2 from their own address.
        assertEquals(List.of(1, 4, 4, 2), batches.stream().map(b -> b.deposits().size()).toList());
        assertEquals(COINBASE_DEPOSITOR, batches.get(0).from());
        assertEquals(ValidatorSet.TOP_UP_GWEI, batches.get(0).totalGwei());
        assertEquals(ValidatorSet.pubkeyHex(40 + 29), org.web3j.utils.Numeric.toHexString(
                batches.get(0).deposits().get(0).pubkey()));
        assertEquals(COINBASE_DEPOSITOR, batches.get(2).from());
        assertEquals(4 * 32_000_000_000L, batches.get(2).totalGwei());
        assertEquals(ValidatorSet.pubkeyHex(104), org.web3j.utils.Numeric.toHexString(
                batches.get(2).deposits().get(0).pubkey()));
        // The set's own deposits are unchanged by the late ones: 101, as without them.
        long before = 0;
        List<ValidatorSet.DepositBatch> initial = new ArrayList<>();
        smallWithLate().forEachDepositBatch(25, initial::add);
        for (ValidatorSet.DepositBatch b : initial) {
            before += b.deposits().size();
        }
        assertEquals(101, before);
    }

    @Test
    void aSlashedValidatorStaysActiveForItsExitNotice() {
        // One epoch after the change: j=13 is active_slashed and still counted; j=7 has exited.
        List<SimulatedValidator> validators = at(small(), CHANGE + 32);
        assertEquals("active_slashed", validators.get(13).status());
        assertTrue(validators.get(13).active());
        assertEquals("exited_unslashed", validators.get(7).status());
        assertEquals(CHANGE / 32 + 256, validators.get(7).withdrawableEpoch());
        // Two epochs before the change the exit is announced: active_exiting, still counted.
        assertEquals("active_exiting", at(small(), CHANGE - 64).get(7).status());
        // Long after: withdrawn, nothing left.
        SimulatedValidator withdrawn = at(small(), CHANGE + 32 * 300).get(7);
        assertEquals("withdrawal_done", withdrawn.status());
        assertEquals(0, withdrawn.balanceGwei());
    }

    @Test
    void theActiveBalancesOfTheStandardSetAddUpToTheBeaconsTotal() {
        ValidatorSet set = TestStakers.standardSet(20_000, CHANGE);
        for (long slot : new long[] {REF, CHANGE - 1, CHANGE + 32, CHANGE + 100_000}) {
            BigInteger active = set.truth(slot).values().stream().map(EntityTruth::activeStakeGwei)
                    .reduce(BigInteger.ZERO, BigInteger::add);
            assertEquals(SimulatedBeacon.totalStakedGwei(slot), active, "slot " + slot);
            long count = set.truth(slot).values().stream().mapToLong(EntityTruth::validators).sum();
            assertEquals(20_000, count);
        }
        Set<String> keys = new HashSet<>();
        set.forEach(REF, v -> assertTrue(keys.add(v.pubkey()), "pubkey " + v.pubkey() + " twice"));
    }

    @Test
    void depositsComeInBatchesFromTheirStakersAddresses() {
        List<ValidatorSet.DepositBatch> batches = new ArrayList<>();
        small().forEachDepositBatch(25, batches::add);
        long deposits = batches.stream().mapToLong(b -> b.deposits().size()).sum();
        assertEquals(101, deposits); // 100 validators and Coinbase's compounding one's top-up
        // Lido: 40 deposits from one address in batches of 25 (25 + 15); Coinbase: 41 (25 + 16) from its label;
        // solo: 20 validators, 10 an address: 2 batches.
        assertEquals(6, batches.size());
        assertEquals(COINBASE_DEPOSITOR, batches.get(2).from());
        assertEquals(COINBASE_DEPOSITOR, batches.get(3).from());
        assertEquals(25 * 32_000_000_000L, batches.get(2).totalGwei());
        assertEquals(15 * 32_000_000_000L + ValidatorSet.TOP_UP_GWEI, batches.get(3).totalGwei());
        assertFalse(batches.get(4).from().equals(batches.get(5).from()));
        // Coinbase's j=37 deposited with its 0x00 credentials: the second batch holds j=25..28, j=29 and its
        // top-up, then j=30 on, so j=37 is its 14th deposit.
        assertEquals(0, batches.get(3).deposits().get(13).withdrawalCredentials()[0]);
        assertEquals(1, batches.get(3).deposits().get(12).withdrawalCredentials()[0]);
    }

    @Test
    void theStandardSetNeedsALabelForEachLabelledEntity() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Stakers.standard(Map.of("coinbase", List.of(COINBASE_DEPOSITOR))));
        assertTrue(e.getMessage().contains("'binance'"), e.getMessage());
    }

    @Test
    void theBeaconValidatorsFlagIsBounded() {
        io.lsttracker.devchain.DevchainParameters defaults = io.lsttracker.devchain.DevchainParameters.defaults(1);
        assertEquals(SimulatedBeacon.VALIDATORS, defaults.beaconValidators());
        assertEquals(1_100_000, defaults.withBeaconValidators(1_100_000).beaconValidators());
        IllegalArgumentException low = assertThrows(IllegalArgumentException.class, () -> defaults.withBeaconValidators(999));
        assertEquals("--beacon-validators must be between 1000 and 1500000, got 999", low.getMessage());
        assertThrows(IllegalArgumentException.class, () -> defaults.withBeaconValidators(1_500_001));
    }

    @Test
    void minipoolAddressesAreTheContractsDerivation() {
        // keccak256(abi.encodePacked("sim minipool", uint256(0))), low 20 bytes, as SimRocketMinipoolManager does.
        assertEquals(42, ValidatorSet.minipoolAddress(0).length());
        assertFalse(ValidatorSet.minipoolAddress(0).equals(ValidatorSet.minipoolAddress(1)));
    }
    private static final BigInteger ETH_GWEI = BigInteger.valueOf(1_000_000_000L);

    private static BigInteger ethGwei(long ether) {
        return BigInteger.valueOf(ether).multiply(ETH_GWEI);
    }

    /**
     * The exit queue of the small set, by hand. Churn: max(128, 100 x 32 / 65,536 = 0.05) = 128 ETH an epoch, four
     * exits of 32 ETH. E = CHANGE / 32 is the change's epoch.
     * <ul>
     * <li>The change's exits, j = 7 of each group (indices 7, 47, 87, k = 0..2): requests at E - 5 + floor(k x 32 /
     *     256) = E - 5, exit epochs E - 1 + ceil((k + 1) x 32 / 128) = E. Drained at E + ceil(3 x 32 / 128) = E + 1,
     *     so the wave starts at S = E + 1 + 225 = E + 226.</li>
     * <li>The wave, j = 3, 5, 9 of each group (indices 3, 5, 9, 43, 45, 49, 83, 85, 89; w = 0..8): requests at
     *     S + floor(w x 32 / 384) = S, exit epochs S + 4 + ceil((w + 1) / 4): S + 5 for w 0-3, S + 6 for 4-7 and
     *     S + 7 for w = 8 (index 89).</li>
     * <li>The slashed, j = 13 (13, 53, 93), are active_slashed from E to E + 3.</li>
     * </ul>
     * Effective balances: every active validator holds far more than 32 ETH (the total is spread over about 130
     * weights), so 32 ETH each, Coinbase's compounding j = 29 (index 69) 2,048 ETH. Active: at E - 2 all but the two
     * pending j = 21 (21, 61): 97 x 32 + 2,048 = 5,152 ETH; at E + 1 all but the 3 exited: 96 x 32 + 2,048 = 5,120
     * ETH; from E + 4 on also without the 3 slashed: 93 x 32 + 2,048 = 5,024 ETH until the wave's first exits.
     */
    @Test
    void exitsLeaveThroughTheChurnAndTheWaveQueuesThenDrains() {
        ValidatorSet set = small();
        long e = CHANGE / 32;
        long s = e + 226;
        assertEquals(128_000_000_000L, set.exitChurnGwei());
        assertEquals(s, set.waveStartEpoch());
        assertEquals(9, set.waveSize());
        assertEquals(new ValidatorSet.ExitQueue(3, ethGwei(96), ethGwei(5_152)), set.exitQueue((e - 2) * 32));
        assertEquals(new ValidatorSet.ExitQueue(3, ethGwei(96), ethGwei(5_120)), set.exitQueue((e + 1) * 32));
        assertEquals(new ValidatorSet.ExitQueue(0, BigInteger.ZERO, ethGwei(5_024)), set.exitQueue((s - 1) * 32 + 31));
        assertEquals(new ValidatorSet.ExitQueue(9, ethGwei(288), ethGwei(5_024)), set.exitQueue(s * 32));
        assertEquals(new ValidatorSet.ExitQueue(9, ethGwei(288), ethGwei(5_024)), set.exitQueue((s + 4) * 32 + 31));
        // S + 5: four have left (5,024 - 128 = 4,896 ETH active); S + 6: eight (4,768); S + 7: all nine (4,736).
        assertEquals(new ValidatorSet.ExitQueue(5, ethGwei(160), ethGwei(4_896)), set.exitQueue((s + 5) * 32));
        assertEquals(new ValidatorSet.ExitQueue(1, ethGwei(32), ethGwei(4_768)), set.exitQueue((s + 6) * 32));
        assertEquals(new ValidatorSet.ExitQueue(0, BigInteger.ZERO, ethGwei(4_736)), set.exitQueue((s + 7) * 32));

        List<SimulatedValidator> waiting = at(set, (s + 6) * 32);
        SimulatedValidator last = waiting.get(89);
        assertEquals("active_exiting", last.status());
        assertEquals(s + 7, last.exitEpoch());
        assertEquals(s + 7 + 256, last.withdrawableEpoch());
        assertEquals(32_000_000_000L, last.effectiveBalanceGwei()); // its effective balance kept while it waits
        assertEquals("exited_unslashed", waiting.get(3).status());
        assertEquals(s + 5, waiting.get(3).exitEpoch());
        assertEquals(32_000_000_000L, waiting.get(3).balanceGwei());
        assertEquals("active_ongoing", at(set, (s - 1) * 32).get(3).status());
        assertEquals(ValidatorSet.FAR_FUTURE_EPOCH, at(set, (s - 1) * 32).get(3).exitEpoch());
        // Waiting to exit is being active: its entity still counts it, and it may propose.
        // Solo's 20 validators at S + 6: j = 7, 13 (the change) and 3, 5 (the wave) have left, j = 9 waits: 16.
        assertEquals(16, set.truth((s + 6) * 32).get(ValidatorSet.UNIDENTIFIED).activeValidators());
        assertEquals(java.util.Optional.of(ValidatorSet.UNIDENTIFIED), set.activeEntity(89, (s + 6) * 32));
        assertEquals(java.util.Optional.empty(), set.activeEntity(89, (s + 7) * 32));
    }
}
