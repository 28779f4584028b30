package io.lsttracker.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lsttracker.beacon.Validator;
import io.lsttracker.domain.Tau;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Attribution and the figures on a small set computed by hand (the comments show the arithmetic). */
class EntityTallyTest {
    private static final String VAULT = "0x" + "b9".repeat(20);   // Lido's vault (rule 1)
    private static final String MINIPOOL = "0x" + "33".repeat(20); // a Rocket Pool minipool (rule 1)
    private static final String KRAKEN = "0x" + "11".repeat(20);
    private static final String KILN_BATCH = "0x" + "22".repeat(20);
    private static final String BINANCE = "0x" + "44".repeat(20);
    private static final String NOBODY = "0x" + "99".repeat(20);

    static final EntityRegistry REGISTRY = EntityRegistryLoader.parse("test.yml", """
            entities:
              lido:
                name: Lido
                category: liquid-staking
                credentials: lido
              rocketpool:
                name: Rocket Pool
                category: liquid-staking
                credentials: rocketpool
              kraken:
                name: Kraken
                category: exchange
                depositors:
                  - {address: "%s", source: test}
              kiln:
                name: Kiln
                category: staking-provider
                depositors:
                  - {address: "%s", source: test}
              binance:
                name: Binance
                category: exchange
                depositors:
                  - {address: "%s", source: test}
              figment:
                name: Figment
                category: staking-provider
                depositors:
                  - {address: "0x%s", source: test}
            """.formatted(KRAKEN, KILN_BATCH, BINANCE, "55".repeat(20)), null);
    static final Map<String, CredentialSource> CREDENTIALS = Map.of(VAULT, CredentialSource.LIDO, MINIPOOL,
            CredentialSource.ROCKETPOOL);

    private static String credentials(String type, String address) {
        return "0x" + type + "00".repeat(11) + address.substring(2);
    }

    private static String key(int i) {
        return "0x" + String.format("%096x", i);
    }

    private static Validator v(int index, String credentials, String status, long balance) {
        return new Validator(index, key(index), credentials, status, balance, Math.min(balance, 32_000_000_000L),
                status.contains("slashed"));
    }

    private static final String BLS = "0x00" + "ab".repeat(31);

    /** The set below, read at slot 9,000,031; also stored and read back by the store tests. */
    static EntityReading handComputedReading() {
        EntityTally tally = new EntityTally(REGISTRY, new Attribution(REGISTRY, CREDENTIALS));
        // 0: Lido's vault, deposited by Kraken's address: rule 1 wins, the deposit is a conflict.
        tally.add(v(0, credentials("01", VAULT), "active_ongoing", 32_000_000_000L),
                new FirstDeposit(key(0), KRAKEN, "0x00000000219ab540356cbb839cbe05303d7705fa"));
        // 1: the vault with 0x02 (compounding) credentials, 96 ETH: still Lido's; no deposit indexed.
        tally.add(v(1, credentials("02", VAULT), "active_ongoing", 96_000_000_000L), null);
        // 2: a minipool, exiting but still active.
        tally.add(v(2, credentials("01", MINIPOOL), "active_exiting", 32_000_000_001L), null);
        // 3: BLS credentials, sent by Kraken through Kiln's batch contract: the sender wins, the target conflicts.
        tally.add(v(3, BLS, "active_ongoing", 32_000_000_000L), new FirstDeposit(key(3), KRAKEN, KILN_BATCH));
        // 4: BLS credentials, an unlabelled sender through Kiln's batch contract: Kiln by target; slashed, active.
        tally.add(v(4, BLS, "active_slashed", 31_000_000_000L), new FirstDeposit(key(4), NOBODY, KILN_BATCH));
        // 5: changed 0x00 -> 0x01 to an address no protocol names: the credentials in force name nobody, so
        //    its deposit decides: Binance.
        tally.add(v(5, credentials("01", NOBODY), "active_ongoing", 32_000_000_000L),
                new FirstDeposit(key(5), BINANCE, NOBODY));
        // 6: exited from Lido's vault: counted as Lido's validator, not active, no stake.
        tally.add(v(6, credentials("01", VAULT), "exited_unslashed", 0), null);
        // 7: pending minipool: Rocket Pool's validator, not yet active.
        tally.add(v(7, credentials("01", MINIPOOL), "pending_queued", 32_000_000_000L), null);
        // 8, 9: unidentified (an unnamed 0x01 address; a BLS deposit by nobody, created by a contract).
        tally.add(v(8, credentials("01", NOBODY), "active_ongoing", 64_000_000_000L), null);
        tally.add(v(9, BLS, "active_ongoing", 16_000_000_000L), new FirstDeposit(key(9), NOBODY, null));
        // 10: Binance's, slashed and withdrawn.
        tally.add(v(10, BLS, "withdrawal_done", 0), new FirstDeposit(key(10), BINANCE, null));

        return tally.finish(9_000_031, Instant.parse("2026-12-01T00:00:00Z"));
    }

    @Test
    void aHandComputedSet() {
        EntityReading r = handComputedReading();
        assertEquals(281_250, r.epoch()); // 9,000,031 / 32
        assertEquals(11, r.validators());
        assertEquals(8, r.activeValidators());
        // Active stake: Lido 32 + 96 = 128 ETH; Rocket Pool 32.000000001; Kraken 32; Binance 32; Kiln 31;
        // unidentified 64 + 16 = 80. All staked: 335.000000001 ETH = 335,000,000,001 gwei.
        assertEquals(BigInteger.valueOf(335_000_000_001L), r.activeStakeGwei());
        // Largest stake first, then by id; Figment has no validator.
        assertEquals(List.of(
                row("lido", 3, 2, 128_000_000_000L, "0.382089552237665404", Map.of(Rule.CREDENTIALS, 3L)),
                row("rocketpool", 2, 1, 32_000_000_001L, "0.095522388062401426", Map.of(Rule.CREDENTIALS, 2L)),
                row("binance", 2, 1, 32_000_000_000L, "0.095522388059416351", Map.of(Rule.DEPOSIT_SENDER, 2L)),
                row("kraken", 1, 1, 32_000_000_000L, "0.095522388059416351", Map.of(Rule.DEPOSIT_SENDER, 1L)),
                row("kiln", 1, 1, 31_000_000_000L, "0.092537313432559590", Map.of(Rule.DEPOSIT_TARGET, 1L)),
                row("figment", 0, 0, 0, "0.000000000000000000", Map.of())), r.entities());
        assertEquals(row("unidentified", 2, 2, 80_000_000_000L, "0.238805970148540878", Map.of(Rule.NONE, 2L)),
                r.unidentified());

        // As reported, over identified entities (128, 32.000000001, 32, 32, 31) against 335.000000001:
        //   tau 1/3: 128 > 111.666666667 -> 1; tau 1/2: 128 + 32.000000001 + 32 = 192.000000001 > 167.5 -> 3;
        //   tau 2/3: + 32 = 224.000000001 > 223.333333334 -> 4.
        //   HHI = 10,000 x (128^2 + 32.000000001^2 + 32^2 + 32^2 + 31^2) / 335.000000001^2 = 1,819.291602.
        //   top 1 = 128 / T; top 3 = 192.000000001 / T; top 5 = 255.000000001 / T.
        EntityMeasures.Measures reported = r.measures().reported();
        assertEquals(Map.of(Tau.THIRD, Optional.of(1), Tau.HALF, Optional.of(3), Tau.TWO_THIRDS, Optional.of(4)),
                reported.tau());
        assertEquals(new BigDecimal("1819.291602"), reported.hhi());
        assertEquals(Map.of(1, new BigDecimal("0.382089552237665404"), 3, new BigDecimal("0.573134328359483181"),
                5, new BigDecimal("0.761194029851459122")), reported.top());
        // At worst, the 80 unidentified ETH all Lido's: 208, 32.000000001, 32, 32, 31.
        //   tau 1/3 and 1/2: 208 > 167.5 -> 1; tau 2/3: 240.000000001 > 223.333333334 -> 2.
        //   HHI = 10,000 x (208^2 + 32.000000001^2 + 32^2 + 32^2 + 31^2) / T^2 = 4,214.479840.
        EntityMeasures.Measures worst = r.measures().atWorst();
        assertEquals(Map.of(Tau.THIRD, Optional.of(1), Tau.HALF, Optional.of(1), Tau.TWO_THIRDS, Optional.of(2)),
                worst.tau());
        assertEquals(new BigDecimal("4214.479840"), worst.hhi());
        assertEquals(Map.of(1, new BigDecimal("0.620895522386206282"), 3, new BigDecimal("0.811940298508024059"),
                5, new BigDecimal("1.000000000000000000")), worst.top());

        assertEquals(List.of(new EntityReading.Evidence("lido", Rule.CREDENTIALS, "lido", 3),
                new EntityReading.Evidence("rocketpool", Rule.CREDENTIALS, "rocketpool", 2),
                new EntityReading.Evidence("kraken", Rule.DEPOSIT_SENDER, KRAKEN, 1),
                new EntityReading.Evidence("kiln", Rule.DEPOSIT_TARGET, KILN_BATCH, 1),
                new EntityReading.Evidence("binance", Rule.DEPOSIT_SENDER, BINANCE, 2)), r.evidence());
        assertEquals(List.of(
                new EntityReading.ConflictCount("lido", "kraken", Rule.DEPOSIT_SENDER, KRAKEN, 1, List.of(0L)),
                new EntityReading.ConflictCount("kraken", "kiln", Rule.DEPOSIT_TARGET, KILN_BATCH, 1, List.of(3L))),
                r.conflicts());
    }

    @Test
    void withNothingIdentifiedTheWorstIsTheUnidentifiedAsOneEntity() {
        EntityMeasures.Both both = EntityMeasures.of(List.of(), BigInteger.valueOf(100));
        assertEquals(Map.of(Tau.THIRD, Optional.empty(), Tau.HALF, Optional.empty(), Tau.TWO_THIRDS,
                Optional.empty()), both.reported().tau());
        assertEquals(new BigDecimal("0.000000"), both.reported().hhi());
        assertEquals(new BigDecimal("10000.000000"), both.atWorst().hhi());
        assertEquals(Optional.of(1), both.atWorst().tau().get(Tau.TWO_THIRDS));
        // Nothing staked at all: zeros, no division by zero.
        EntityMeasures.Both none = EntityMeasures.of(List.of(BigInteger.ZERO), BigInteger.ZERO);
        assertEquals(new BigDecimal("0.000000"), none.atWorst().hhi());
        assertEquals(new BigDecimal("0E-18"), none.reported().top().get(3));
    }

    @Test
    void exactlyATauIsNotMoreThanIt() {
        // 50 of 100 is not MORE than 1/2: the next entity is needed. 1 and 2 more than a third? 50 > 33.33: yes.
        EntityMeasures.Both both = EntityMeasures.of(List.of(BigInteger.valueOf(50), BigInteger.valueOf(25),
                BigInteger.valueOf(25)), BigInteger.ZERO);
        assertEquals(Optional.of(1), both.reported().tau().get(Tau.THIRD));
        assertEquals(Optional.of(2), both.reported().tau().get(Tau.HALF));
        assertEquals(Optional.of(2), both.reported().tau().get(Tau.TWO_THIRDS)); // 75 > 66.67
        assertEquals(both.reported(), both.atWorst()); // nothing unidentified: the same figures
    }

    private static EntityReading.Row row(String id, long validators, long active, long gwei, String share,
            Map<Rule, Long> byRule) {
        return new EntityReading.Row(id, validators, active, BigInteger.valueOf(gwei), new BigDecimal(share), byRule);
    }
}
