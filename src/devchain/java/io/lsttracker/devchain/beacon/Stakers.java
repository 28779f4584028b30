package io.lsttracker.devchain.beacon;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulated set's stakers and their shares of its validators: round figures near mainnet's in 2025 as the
 * public staking dashboards show them (Lido about a quarter, Coinbase about a tenth, solo stakers and
 * unidentified operators a third together), chosen for realism, not data.
 */
public final class Stakers {
    /** Entities that deposit from labelled addresses, with their share in basis points. */
    public static final Map<String, Integer> LABELLED = orderedShares();

    private Stakers() {
    }

    private static Map<String, Integer> orderedShares() {
        LinkedHashMap<String, Integer> shares = new LinkedHashMap<>();
        shares.put("coinbase", 1_100);
        shares.put("binance", 800);
        shares.put("kraken", 300);
        shares.put("kiln", 300);
        shares.put("figment", 250);
        shares.put("okx", 150);
        shares.put("everstake", 150);
        return Collections.unmodifiableMap(shares);
    }

    /**
     * The standard stakers: Lido, Rocket Pool, StakeWise, ether.fi, Mantle, Stader, Swell and Frax by their
     * credentials (rule 1), the labelled entities of
     * {@link #LABELLED} depositing from {@code depositors} (their addresses in config/entities.yml; each must have
     * at least one), solo stakers and unidentified operators. The pools named by their credentials deposit from an
     * address of the model's own: their labelled addresses are contracts (stETH, Rocket Pool's deposit contracts,
     * ether.fi's StakingManager, ...), some of which the devchain simulates, and a contract sends no transaction.
     * So only rule 1 can name them, which is what the devchain's test of it needs.
     */
    public static List<Staker> standard(Map<String, List<String>> depositors) {
        List<Staker> stakers = new ArrayList<>();
        stakers.add(new Staker("lido", Staker.Kind.LIDO_VAULT, 2_400, List.of()));
        stakers.add(new Staker("rocketpool", Staker.Kind.ROCKET_MINIPOOL, 200, List.of()));
        stakers.add(new Staker("stakewise", Staker.Kind.STAKEWISE_VAULT, 100, List.of()));
        stakers.add(new Staker("etherfi", Staker.Kind.ETHERFI_NODE, 600, List.of()));
        stakers.add(new Staker("mantle", Staker.Kind.MANTLE_WALLET, 150, List.of()));
        stakers.add(new Staker("stader", Staker.Kind.STADER_VAULT, 100, List.of()));
        stakers.add(new Staker("swell", Staker.Kind.SWELL_DEPOSIT_MANAGER, 100, List.of()));
        stakers.add(new Staker("frax", Staker.Kind.FRAX_MINTER, 100, List.of()));
        LABELLED.forEach((id, bps) -> {
            List<String> addresses = depositors.get(id);
            if (addresses == null || addresses.isEmpty()) {
                throw new IllegalArgumentException("the simulated beacon chain needs a depositor address of entity '"
                        + id + "' in the entities file, and it lists none");
            }
            stakers.add(new Staker(id, Staker.Kind.LABELLED, bps, addresses));
        });
        int used = stakers.stream().mapToInt(Staker::bps).sum();
        stakers.add(new Staker("solo", Staker.Kind.SOLO, 600, List.of()));
        stakers.add(new Staker("unidentified", Staker.Kind.UNIDENTIFIED, 10_000 - used - 600, List.of()));
        return List.copyOf(stakers);
    }
}
