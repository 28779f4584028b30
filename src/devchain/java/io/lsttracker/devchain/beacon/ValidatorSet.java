package io.lsttracker.devchain.beacon;

import io.lsttracker.devchain.SimulatedBeacon;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * The simulated beacon chain's validators: a deterministic set of {@code size} validators, generated on the fly
 * from their index (never held whole, so a mainnet-sized set of 1.1 million costs no memory), whose entities
 * match the devchain's simulated protocols and labels.
 *
 * <p>Validators are listed by staker group ({@link Staker}) in the order given, each group a contiguous run of
 * indices sized by its share. Inside a group the validator's position {@code j} decides its life, so every
 * group has each kind: {@code j % 500 == 29} compounding (0x02 credentials, topped up past 32 ETH by a second
 * deposit; labelled and solo stakers only), and by {@code j % 50}: 7 exits, 13 is slashed, 21 is pending and
 * activates, 43 stays pending, 37 starts with BLS (0x00) credentials that change to 0x01 (labelled and solo
 * stakers only), 3, 5 and 9 exit in the wave (below); all others are active throughout. The exits, the slashing,
 * the activation and the credential change all happen at {@code changeSlot} (its epoch), so a reading before it
 * and one after it differ.
 *
 * <p>Exits pass through the exit queue as the consensus specs' Electra rule lets them out
 * (ethereum/consensus-specs, specs/electra/beacon-chain.md, compute_exit_epoch_and_update_churn): a validator asks
 * to exit at its request epoch R and is active_exiting, its effective balance kept, until its exit epoch, the first
 * epoch from R + 5 (compute_activation_exit_epoch: 1 + MAX_SEED_LOOKAHEAD) with churn left for it, the churn
 * being {@link #exitChurnGwei()} an epoch. Exits are taken in index order, each of 32 ETH (MIN_ACTIVATION_BALANCE,
 * the effective balance of a non-compounding validator of sets up to about a million validators; larger sets hold
 * less a validator and the schedule stays that of 32 ETH exits), and the churn is the set's at 32 ETH a validator,
 * kept for the whole history (exact where it is at the floor of 128 ETH, sets up to 262,144 validators, or at the
 * cap of 256 ETH, from 524,288). Requests come faster than the churn lets exits through, so the queue is always
 * busy while they come; with E the change's epoch, b = 32 ETH and c the churn:
 * <ul>
 * <li>the change's exits ({@code j % 50 == 7}, the k-th from 0): R = E - 5 + floor(k b / 2c), exit epoch
 *     E - 1 + ceil((k + 1) b / c): the first leaves at E, requests at twice the churn;</li>
 * <li>the wave ({@code j % 50} 3, 5 or 9, the w-th): it starts at S, a day ({@value #WAVE_DELAY_EPOCHS} epochs)
 *     after the change's exits have drained, R = S + floor(w b / 3c), exit epoch S + 4 + ceil((w + 1) b / c):
 *     requests at three times the churn, so the queue grows for as long as they come (at 20,000 validators, 1,200
 *     of them in 100 epochs, to some 800 validators, 0.9 days), then drains (by S + 304 epochs).</li>
 * </ul>
 * Slashed validators leave 4 epochs after their slashing without taking churn (a simplification: they are few).
 * {@link #exitQueue(long)} is the queue's ground truth at a slot.
 *
 * <p>Balances: the active validators' balances add up exactly to {@link SimulatedBeacon#totalStakedGwei(long)};
 * each holds {@code floor(total x weight / sum of weights)} gwei (weight 1, a compounding validator
 * {@value #COMPOUNDING_WEIGHT}) and the last active validator the remainder. With 1.1 million validators that is
 * about 32 ETH each and about 1,000 ETH a compounding one, as on mainnet; a smaller set is mainnet scaled down
 * (each validator holding the stake of many). Inactive validators hold 32 ETH pending, 32 ETH exited, 31 ETH
 * exited after slashing, nothing once withdrawn.
 *
 * <p>Lifecycle epochs follow the consensus specs' constants: an exit is withdrawable 256 epochs
 * (MIN_VALIDATOR_WITHDRAWABILITY_DELAY) after it, a slashed validator 8,192 (EPOCHS_PER_SLASHINGS_VECTOR) after.
 */
public final class ValidatorSet {
    public static final String UNIDENTIFIED = "unidentified";
    /** 2^64 - 1 as an unsigned long: the spec's FAR_FUTURE_EPOCH. */
    public static final long FAR_FUTURE_EPOCH = -1L;
    public static final long SLOTS_PER_EPOCH = 32;
    /** Lido's withdrawal vault (docs/ENTITIES.md), lower-case. */
    public static final String LIDO_VAULT = "0xb9d7934878b5fb9610b3fe8a5e441e8fad7e293f";
    public static final int STAKEWISE_VAULTS = 12;
    /** ether.fi's StakingManager, whose EtherFiNodeDeployed logs name its nodes. */
    public static final String ETHERFI_STAKING_MANAGER = "0x25e821b7197b146f7713c3b89b6a4d83516b912d";
    /** Validators of one ether.fi node. */
    public static final int VALIDATORS_PER_ETHERFI_NODE = 50;
    /** StaderConfig and the node registries it names (their mainnet addresses, stader-labs/ethx README). */
    public static final String STADER_CONFIG = "0x4abef2263d5a5ed582fc9a9789a41d85b68d69db";
    public static final List<String> STADER_REGISTRIES = List.of("0x4f4bfa0861f62309934a5551e0b2541ee82fdcf1",
            "0xaf42d795a6d279e9dcc19dc0ee1ce3ecd4ecf5dd");
    /** Swell's AccessControlManager and DepositManager: addresses of the devchain's own (SimSwellSwETH). */
    public static final String SWELL_ACCESS_CONTROL_MANAGER = "0x0000000000000000000000000000000000051101";
    public static final String SWELL_DEPOSIT_MANAGER = "0x0000000000000000000000000000000000051102";
    /** Mantle's withdrawal wallet: an address of the devchain's own (SimMantleStaking.withdrawalWallet). */
    public static final String MANTLE_WITHDRAWAL_WALLET = "0x0000000000000000000000000000000000057100";
    /** frxETHMinter, and the address its deposits' credentials name (an address of the devchain's own). */
    public static final String FRAX_MINTER = "0xbafa44efe7901e04e39dad13167d089c559c1138";
    public static final String FRAX_WITHDRAWALS = "0x0000000000000000000000000000000000064100";
    /** Rocket Pool's 2% of it stays within the simulated minipool manager's 35,210 minipools. */
    public static final int MAX_SIZE = 1_500_000;
    public static final long DEPOSIT_GWEI = 32_000_000_000L;
    public static final long TOP_UP_GWEI = 1_000_000_000_000L;
    static final int COMPOUNDING_WEIGHT = 32;
    private static final long EXIT_NOTICE_EPOCHS = 4;
    private static final long WITHDRAWABILITY_DELAY = 256;
    private static final long SLASHINGS_VECTOR = 8_192;
    private static final long MAX_EFFECTIVE_GWEI = 32_000_000_000L;
    private static final long MAX_EFFECTIVE_COMPOUNDING_GWEI = 2_048_000_000_000L;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    enum Role { REGULAR, COMPOUNDING, BLS_CHANGE, EXITS, SLASHED, ACTIVATES, PENDING, LATE, WAVE }

    /** Consensus specs, phase0: 1 + MAX_SEED_LOOKAHEAD, the epochs from an exit's request to its earliest exit. */
    static final long ACTIVATION_EXIT_DELAY = 5;
    /** The wave of exits starts this many epochs (a day: 225 x 32 slots x 12 s) after the change's have drained. */
    public static final long WAVE_DELAY_EPOCHS = 225;
    /** Electra, MIN_PER_EPOCH_CHURN_LIMIT_ELECTRA and MAX_PER_EPOCH_ACTIVATION_EXIT_CHURN_LIMIT, gwei. */
    private static final long MIN_CHURN_GWEI = 128_000_000_000L;
    private static final long MAX_EXIT_CHURN_GWEI = 256_000_000_000L;
    /** Phase0 configuration: CHURN_LIMIT_QUOTIENT. */
    private static final long CHURN_LIMIT_QUOTIENT = 65_536;
    private static final long EXIT_GWEI = DEPOSIT_GWEI;

    /** Epochs a late validator waits in the activation queue after it appears. */
    static final long LATE_QUEUE_EPOCHS = 4;

    private final int size;
    /** lateStarts[g] is the first late validator of group g, counted from index {@code size}; [groups] = all late. */
    private final int[] lateStarts;
    private final long changeSlot;
    private final List<Staker> stakers;
    /** starts[g] is the first index of group g; starts[groups] = size. */
    private final int[] starts;
    private final List<String> stakeWiseVaults;
    /** exitsBefore[g], wavesBefore[g]: the change's exits and the wave's exits in the groups before group g. */
    private final int[] exitsBefore;
    private final int[] wavesBefore;
    private final long exitChurnGwei;
    /** The wave's first epoch (S). */
    private final long waveStartEpoch;

    /** A set without late validators: every validator is deposited before the history. */
    public ValidatorSet(int size, long changeSlot, List<Staker> stakers) {
        this(size, changeSlot, stakers, 0);
    }

    /**
     * @param lateBps validators deposited during the history, in basis points of {@code size}: they are appended
     *                after the first {@code size} (indices size, size + 1, ...), each staker group's share of them
     *                in its order, and appear in the state at {@code changeSlot} (their deposits are mined before
     *                it, {@link #forEachLateDepositBatch})
     */
    public ValidatorSet(int size, long changeSlot, List<Staker> stakers, int lateBps) {
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("a simulated validator set holds 1 to " + MAX_SIZE
                    + " validators, not " + size);
        }
        if (changeSlot < 0) {
            throw new IllegalArgumentException("the slot of the validators' changes must not be negative, got " + changeSlot);
        }
        int bps = stakers.stream().mapToInt(Staker::bps).sum();
        if (bps != 10_000) {
            throw new IllegalArgumentException("the stakers' shares must add up to 10,000 bps, got " + bps);
        }
        this.size = size;
        this.changeSlot = changeSlot;
        this.stakers = List.copyOf(stakers);
        if (lateBps < 0 || lateBps > 10_000) {
            throw new IllegalArgumentException("late validators must be 0 to 10,000 bps of the set, got " + lateBps);
        }
        int late = (int) ((long) size * lateBps / 10_000);
        this.lateStarts = new int[stakers.size() + 1];
        long cumulative = 0;
        for (int g = 0; g < stakers.size(); g++) {
            cumulative += stakers.get(g).bps();
            lateStarts[g + 1] = (int) (late * cumulative / 10_000);
        }
        this.starts = new int[stakers.size() + 1];
        for (int g = 0; g < stakers.size(); g++) {
            starts[g + 1] = g == stakers.size() - 1 ? size
                    : starts[g] + (int) ((long) size * stakers.get(g).bps() / 10_000);
        }
        this.exitsBefore = new int[stakers.size() + 1];
        this.wavesBefore = new int[stakers.size() + 1];
        for (int g = 0; g < stakers.size(); g++) {
            int groupSize = starts[g + 1] - starts[g];
            exitsBefore[g + 1] = exitsBefore[g] + below(groupSize, 7);
            wavesBefore[g + 1] = wavesBefore[g] + below(groupSize, 3) + below(groupSize, 5) + below(groupSize, 9);
        }
        // Electra's get_activation_exit_churn_limit for the set at 32 ETH a validator, whole ETH.
        long balanceChurn = Math.max(MIN_CHURN_GWEI, (long) size * DEPOSIT_GWEI / CHURN_LIMIT_QUOTIENT);
        this.exitChurnGwei = Math.min(MAX_EXIT_CHURN_GWEI, balanceChurn - balanceChurn % 1_000_000_000L);
        long change = changeSlot / SLOTS_PER_EPOCH;
        long exitsDrained = change + ceilDiv((long) exitsBefore[stakers.size()] * EXIT_GWEI, exitChurnGwei);
        this.waveStartEpoch = exitsDrained + WAVE_DELAY_EPOCHS;
        List<String> vaults = new ArrayList<>();
        for (int v = 0; v < STAKEWISE_VAULTS; v++) {
            vaults.add(derivedAddress("stakewise vault", v));
        }
        this.stakeWiseVaults = List.copyOf(vaults);
    }

    public int size() {
        return size;
    }

    /** How many positions j of [0, groupSize) have j % 50 == residue. */
    private static int below(int groupSize, int residue) {
        return groupSize <= residue ? 0 : (groupSize - residue - 1) / 50 + 1;
    }

    private static long ceilDiv(long a, long b) {
        return Math.floorDiv(a + b - 1, b);
    }

    /** The exit churn the model's schedule lets through an epoch, gwei (Electra's rule for the set, 32 ETH each). */
    public long exitChurnGwei() {
        return exitChurnGwei;
    }

    /** The epoch the wave of exits starts (its first request). */
    public long waveStartEpoch() {
        return waveStartEpoch;
    }

    /** How many validators exit in the wave. */
    public int waveSize() {
        return wavesBefore[stakers.size()];
    }

    /**
     * The epoch at which validator (g, j), whose role exits through the queue, asks to exit, and [1] its exit epoch;
     * see the class comment.
     */
    private long[] exitSchedule(Role role, int g, int j) {
        long b = EXIT_GWEI;
        long c = exitChurnGwei;
        if (role == Role.EXITS) {
            long k = exitsBefore[g] + below(j, 7);
            long change = changeSlot / SLOTS_PER_EPOCH;
            return new long[] {change - ACTIVATION_EXIT_DELAY + Math.floorDiv(k * b, 2 * c),
                    change - 1 + ceilDiv((k + 1) * b, c)};
        }
        long w = wavesBefore[g] + below(j, 3) + below(j, 5) + below(j, 9);
        return new long[] {waveStartEpoch + Math.floorDiv(w * b, 3 * c),
                waveStartEpoch + ACTIVATION_EXIT_DELAY - 1 + ceilDiv((w + 1) * b, c)};
    }

    public long changeSlot() {
        return changeSlot;
    }

    public List<Staker> stakers() {
        return stakers;
    }

    /** The StakeWise vaults the set's StakeWise validators withdraw to, as the VaultsRegistry lists them. */
    public List<String> stakeWiseVaults() {
        return stakeWiseVaults;
    }

    /** How many validators Rocket Pool's group holds: minipools 0 to this count minus one. */
    public int minipoolsUsed() {
        int used = 0;
        for (int g = 0; g < stakers.size(); g++) {
            if (stakers.get(g).kind() == Staker.Kind.ROCKET_MINIPOOL) {
                used += starts[g + 1] - starts[g] + lateStarts[g + 1] - lateStarts[g];
            }
        }
        return used;
    }

    static Role role(Staker staker, int j) {
        if (staker.ownsCredentials() && j % 500 == 29) {
            return Role.COMPOUNDING;
        }
        return switch (j % 50) {
            case 7 -> Role.EXITS;
            case 13 -> Role.SLASHED;
            case 21 -> Role.ACTIVATES;
            case 43 -> Role.PENDING;
            case 37 -> staker.ownsCredentials() ? Role.BLS_CHANGE : Role.REGULAR;
            case 3, 5, 9 -> Role.WAVE;
            default -> Role.REGULAR;
        };
    }

    private boolean active(Role role, int g, int j, long epoch) {
        long change = changeSlot / SLOTS_PER_EPOCH;
        return switch (role) {
            case REGULAR, COMPOUNDING, BLS_CHANGE -> true;
            case EXITS, WAVE -> epoch < exitSchedule(role, g, j)[1];
            case SLASHED -> epoch < change + EXIT_NOTICE_EPOCHS;
            case ACTIVATES -> epoch >= change;
            case PENDING -> false;
            case LATE -> epoch >= change + LATE_QUEUE_EPOCHS;
        };
    }

    /** One validator's place in the model: its index, its staker group g, its position j in the group and role. */
    private interface Position {
        void accept(long index, int g, Staker staker, int j, Role role);
    }

    /**
     * Every validator in index order: the groups' runs, then (with {@code withLate}) the late ones, each at the
     * position after its group's others, so that its addresses continue the group's.
     */
    private void forEachPosition(boolean withLate, Position each) {
        for (int g = 0; g < stakers.size(); g++) {
            Staker staker = stakers.get(g);
            for (int j = 0; j < starts[g + 1] - starts[g]; j++) {
                each.accept(starts[g] + j, g, staker, j, role(staker, j));
            }
        }
        if (withLate) {
            for (int g = 0; g < stakers.size(); g++) {
                int groupSize = starts[g + 1] - starts[g];
                for (int k = 0; k < lateStarts[g + 1] - lateStarts[g]; k++) {
                    each.accept((long) size + lateStarts[g] + k, g, stakers.get(g), groupSize + k, Role.LATE);
                }
            }
        }
    }

    /** Whether the late validators are in the state at {@code slot}: from the change slot on. */
    private boolean lateAppeared(long slot) {
        return slot >= changeSlot;
    }

    /**
     * Every validator of the state at {@code slot}, in index order. Two passes over the indices: the first
     * sums the active validators' weights, the second hands each validator over with its balance.
     */
    public void forEach(long slot, Consumer<SimulatedValidator> each) {
        long epoch = slot / SLOTS_PER_EPOCH;
        long[] weights = {0};
        long[] lastActive = {-1};
        boolean withLate = lateAppeared(slot);
        forEachPosition(withLate, (index, g, staker, j, role) -> {
            if (active(role, g, j, epoch)) {
                weights[0] += role == Role.COMPOUNDING ? COMPOUNDING_WEIGHT : 1;
                lastActive[0] = index;
            }
        });
        long total = SimulatedBeacon.totalStakedGwei(slot).longValueExact();
        long unit = total / weights[0];
        long compoundingUnit = Math.multiplyExact(total, (long) COMPOUNDING_WEIGHT) / weights[0];
        long[] remainder = {total};
        Addresses addresses = new Addresses();
        forEachPosition(withLate, (index, g, staker, j, role) -> {
            long balance;
            if (active(role, g, j, epoch)) {
                balance = index == lastActive[0] ? remainder[0] : role == Role.COMPOUNDING ? compoundingUnit : unit;
                remainder[0] -= balance;
            } else {
                balance = inactiveBalance(role, g, j, epoch);
            }
            each.accept(validator(staker, role, g, index, j, slot, balance, addresses));
        });
    }

    private long inactiveBalance(Role role, int g, int j, long epoch) {
        long change = changeSlot / SLOTS_PER_EPOCH;
        return switch (role) {
            case EXITS, WAVE -> epoch < exitSchedule(role, g, j)[1] + WITHDRAWABILITY_DELAY ? DEPOSIT_GWEI : 0;
            case SLASHED -> epoch < change + SLASHINGS_VECTOR ? DEPOSIT_GWEI - 1_000_000_000L : 0;
            default -> DEPOSIT_GWEI;
        };
    }

    private SimulatedValidator validator(Staker staker, Role role, int g, long index, int j, long slot, long balance,
            Addresses addresses) {
        long epoch = slot / SLOTS_PER_EPOCH;
        long change = changeSlot / SLOTS_PER_EPOCH;
        String status = "active_ongoing";
        long eligibility = 0;
        long activation = 0;
        long exit = FAR_FUTURE_EPOCH;
        long withdrawable = FAR_FUTURE_EPOCH;
        boolean slashed = false;
        switch (role) {
            case EXITS, WAVE -> {
                long[] schedule = exitSchedule(role, g, j);
                if (epoch >= schedule[0]) {
                    exit = schedule[1];
                    withdrawable = exit + WITHDRAWABILITY_DELAY;
                    status = epoch < exit ? "active_exiting"
                            : epoch < withdrawable ? "exited_unslashed" : "withdrawal_done";
                }
            }
            case SLASHED -> {
                if (epoch >= change) {
                    slashed = true;
                    exit = change + EXIT_NOTICE_EPOCHS;
                    withdrawable = change + SLASHINGS_VECTOR;
                    status = epoch < exit ? "active_slashed" : epoch < withdrawable ? "exited_slashed" : "withdrawal_done";
                }
            }
            case ACTIVATES -> {
                eligibility = Math.max(0, change - 8);
                activation = change;
                if (epoch < change) {
                    activation = FAR_FUTURE_EPOCH;
                    status = "pending_queued";
                }
            }
            case LATE -> {
                eligibility = change;
                activation = change + LATE_QUEUE_EPOCHS;
                if (epoch < activation) {
                    activation = FAR_FUTURE_EPOCH;
                    status = "pending_queued";
                }
            }
            case PENDING -> {
                activation = FAR_FUTURE_EPOCH;
                eligibility = epoch < change ? FAR_FUTURE_EPOCH : change;
                status = epoch < change ? "pending_initialized" : "pending_queued";
            }
            default -> {
            }
        }
        long maxEffective = role == Role.COMPOUNDING ? MAX_EFFECTIVE_COMPOUNDING_GWEI : MAX_EFFECTIVE_GWEI;
        long effective = Math.min(balance - balance % 1_000_000_000L, maxEffective);
        return new SimulatedValidator(index, staker.truthId(), pubkeyHex(index),
                credentials(staker, role, j, index, slot >= changeSlot, addresses),
                status, balance, effective, slashed, eligibility, activation, exit, withdrawable);
    }

    /** The validator's withdrawal credentials, before or after the change slot (only 0x00 ones change). */
    private String credentials(Staker staker, Role role, int j, long index, boolean changed, Addresses addresses) {
        if (role == Role.BLS_CHANGE && !changed) {
            return "0x00" + Numeric.toHexStringNoPrefix(blsCredentialHash(index)).substring(2);
        }
        boolean compounding = role == Role.COMPOUNDING || staker.kind() == Staker.Kind.ETHERFI_NODE && j % 2 == 0;
        return addresses.credentials(compounding, withdrawalAddress(staker, j, addresses));
    }

    /** The execution address a validator's 0x01 or 0x02 credentials name. */
    private String withdrawalAddress(Staker staker, int j, Addresses addresses) {
        return switch (staker.kind()) {
            case LIDO_VAULT -> LIDO_VAULT;
            case ROCKET_MINIPOOL -> minipoolAddress(j);
            case STAKEWISE_VAULT -> stakeWiseVaults.get(j % STAKEWISE_VAULTS);
            case ETHERFI_NODE -> j % 2 == 0 ? eigenPod(etherFiNode(j / VALIDATORS_PER_ETHERFI_NODE))
                    : etherFiNode(j / VALIDATORS_PER_ETHERFI_NODE);
            case STADER_VAULT -> staderVault(STADER_REGISTRIES.get(j % 2), j / 2 + 1);
            case SWELL_DEPOSIT_MANAGER -> SWELL_DEPOSIT_MANAGER;
            case MANTLE_WALLET -> MANTLE_WITHDRAWAL_WALLET;
            case FRAX_MINTER -> FRAX_WITHDRAWALS;
            case LABELLED -> addresses.get(staker, "withdrawals ", 0);
            case SOLO -> addresses.get(staker, "solo ", j / 10);
            case UNIDENTIFIED -> addresses.get(staker, "operator ", j / 500);
        };
    }

    /** The address a validator's deposits are sent from. */
    private String depositor(Staker staker, int j, Addresses addresses) {
        return switch (staker.kind()) {
            case LABELLED -> staker.depositors().get((j / 1000) % staker.depositors().size());
            case SOLO, UNIDENTIFIED -> withdrawalAddress(staker, j, addresses);
            default -> staker.depositors().isEmpty() ? addresses.get(staker, "depositor ", 0)
                    : staker.depositors().get(0);
        };
    }

    /**
     * Every deposit of the set in index order, grouped into batches of at most {@code maxPerBatch} deposits
     * from one address: the validator's first deposit of 32 ETH with its credentials as first made (0x00 for
     * those that change later), and for a compounding validator a top-up of {@value #TOP_UP_GWEI} gwei.
     */
    public void forEachDepositBatch(int maxPerBatch, Consumer<DepositBatch> each) {
        depositBatches(false, maxPerBatch, each);
    }

    /**
     * The late validators' deposits (see the constructor), batched as {@link #forEachDepositBatch}: their first
     * deposit of 32 ETH from their group's depositor. With them, during the history, a top-up of
     * {@value #TOP_UP_GWEI} gwei for each compounding validator from its own depositor: a later deposit that must
     * not change whose validator it is (rule 2 reads the first).
     */
    public void forEachLateDepositBatch(int maxPerBatch, Consumer<DepositBatch> each) {
        depositBatches(true, maxPerBatch, each);
    }

    private void depositBatches(boolean late, int maxPerBatch, Consumer<DepositBatch> each) {
        Addresses addresses = new Addresses();
        String[] from = {null};
        List<Deposit> batch = new ArrayList<>();
        forEachPosition(late, (index, g, staker, j, role) -> {
            if (late && role != Role.LATE && role != Role.COMPOUNDING) {
                return;
            }
            String depositor = depositor(staker, j, addresses);
            byte[] pubkey = pubkey(index);
            byte[] credentials = Numeric.hexStringToByteArray(credentials(staker, role, j, index, false, addresses));
            List<Deposit> deposits = new ArrayList<>();
            if (role == Role.COMPOUNDING) {
                if (!late) {
                    deposits.add(new Deposit(pubkey, credentials, DEPOSIT_GWEI));
                }
                deposits.add(new Deposit(pubkey, credentials, TOP_UP_GWEI));
            } else {
                deposits.add(new Deposit(pubkey, credentials, DEPOSIT_GWEI));
            }
            if (from[0] != null && (!from[0].equals(depositor) || batch.size() + deposits.size() > maxPerBatch)) {
                each.accept(new DepositBatch(from[0], List.copyOf(batch)));
                batch.clear();
            }
            from[0] = depositor;
            batch.addAll(deposits);
        });
        if (!batch.isEmpty()) {
            each.accept(new DepositBatch(from[0], List.copyOf(batch)));
        }
    }

    /** One transaction's deposits, all sent from {@code from}. */
    public record DepositBatch(String from, List<Deposit> deposits) {
        public long totalGwei() {
            return deposits.stream().mapToLong(Deposit::amountGwei).sum();
        }
    }

    /**
     * The ground truth at {@code slot}: every entity's validators, active validators and active stake, with
     * solo stakers and unidentified operators under {@link #UNIDENTIFIED} (always present).
     */
    public Map<String, EntityTruth> truth(long slot) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, BigInteger> stake = new LinkedHashMap<>();
        for (Staker staker : stakers) {
            counts.putIfAbsent(staker.truthId(), new long[2]);
            stake.putIfAbsent(staker.truthId(), BigInteger.ZERO);
        }
        counts.putIfAbsent(UNIDENTIFIED, new long[2]);
        stake.putIfAbsent(UNIDENTIFIED, BigInteger.ZERO);
        forEach(slot, v -> {
            long[] c = counts.get(v.entityId());
            c[0]++;
            if (v.active()) {
                c[1]++;
                stake.merge(v.entityId(), BigInteger.valueOf(v.balanceGwei()), BigInteger::add);
            }
        });
        Map<String, EntityTruth> truth = new LinkedHashMap<>();
        counts.forEach((id, c) -> truth.put(id, new EntityTruth(c[0], c[1], stake.get(id))));
        return truth;
    }

    /**
     * The exit queue at {@code slot} as the model made it: the validators active_exiting or active_slashed (exit
     * epoch set, not reached), the sum of their effective balances and of all active validators' (gwei).
     */
    public ExitQueue exitQueue(long slot) {
        long[] exiting = {0};
        BigInteger[] sums = {BigInteger.ZERO, BigInteger.ZERO};
        forEach(slot, v -> {
            if (v.active()) {
                BigInteger effective = BigInteger.valueOf(v.effectiveBalanceGwei());
                sums[1] = sums[1].add(effective);
                if (v.status().equals("active_exiting") || v.status().equals("active_slashed")) {
                    exiting[0]++;
                    sums[0] = sums[0].add(effective);
                }
            }
        });
        return new ExitQueue(exiting[0], sums[0], sums[1]);
    }

    /** The exit queue's ground truth at a slot: validators waiting, their effective balances, all active ones'. */
    public record ExitQueue(long validators, BigInteger exitingGwei, BigInteger activeEffectiveGwei) {
    }

    /**
     * The entity (as the ground truth counts it) of validator {@code index} when it is active at {@code slot}, as a
     * block's proposer must be; empty for an index outside the set or a validator not active then (a late one
     * before it appears and clears the queue).
     */
    public java.util.Optional<String> activeEntity(long index, long slot) {
        long epoch = slot / SLOTS_PER_EPOCH;
        if (index >= size && index < (long) size + lateSize()) {
            int k = (int) (index - size);
            int g = 0;
            while (lateStarts[g + 1] <= k) {
                g++;
            }
            return lateAppeared(slot) && active(Role.LATE, g, k, epoch)
                    ? java.util.Optional.of(stakers.get(g).truthId()) : java.util.Optional.empty();
        }
        if (index < 0 || index >= size) {
            return java.util.Optional.empty();
        }
        int g = 0;
        while (starts[g + 1] <= index) {
            g++; // the group whose run holds the index (empty groups share a start)
        }
        Staker staker = stakers.get(g);
        int j = (int) (index - starts[g]);
        return active(role(staker, j), g, j, epoch)
                ? java.util.Optional.of(staker.truthId()) : java.util.Optional.empty();
    }

    /** The late validators of the (first) group of {@code kind}: their first index and how many, or {0, 0}. */
    public int[] lateOf(Staker.Kind kind) {
        for (int g = 0; g < stakers.size(); g++) {
            if (stakers.get(g).kind() == kind) {
                return new int[] {size + lateStarts[g], lateStarts[g + 1] - lateStarts[g]};
            }
        }
        return new int[] {0, 0};
    }

    /** How many validators are deposited during the history (appended after the first {@link #size()}). */
    public int lateSize() {
        return lateStarts[stakers.size()];
    }

    /** The validators of the (first) group of {@code kind}: its first index and how many, or {0, 0} if none. */
    public int[] group(Staker.Kind kind) {
        for (int g = 0; g < stakers.size(); g++) {
            if (stakers.get(g).kind() == kind) {
                return new int[] {starts[g], starts[g + 1] - starts[g]};
            }
        }
        return new int[] {0, 0};
    }

    /**
     * ether.fi's nodes, in order: one per {@value #VALIDATORS_PER_ETHERFI_NODE} of its validators, with or
     * without the late ones (whose nodes may be new).
     */
    public List<String> etherFiNodes(boolean withLate) {
        int count = group(Staker.Kind.ETHERFI_NODE)[1] + (withLate ? lateOf(Staker.Kind.ETHERFI_NODE)[1] : 0);
        List<String> nodes = new ArrayList<>();
        for (int n = 0; n * VALIDATORS_PER_ETHERFI_NODE < count; n++) {
            nodes.add(etherFiNode(n));
        }
        return nodes;
    }

    /** What each Stader registry's nextValidatorId() must answer: its validators plus one (ids start at 1). */
    public List<Long> staderNextValidatorIds(boolean withLate) {
        int count = group(Staker.Kind.STADER_VAULT)[1] + (withLate ? lateOf(Staker.Kind.STADER_VAULT)[1] : 0);
        return List.of((count + 1) / 2 + 1L, count / 2 + 1L);
    }

    /** The 48-byte public key of validator {@code index}. */
    public static byte[] publicKey(long index) {
        return pubkey(index);
    }

    static String etherFiNode(long n) {
        return derivedAddress("etherfi node", n);
    }

    /** A node's EigenPod, as SimEtherFiNode.getEigenPod() derives it: keccak256("sim eigenpod" ++ node). */
    public static String eigenPod(String node) {
        byte[] label = "sim eigenpod".getBytes(StandardCharsets.US_ASCII);
        byte[] packed = new byte[label.length + 20];
        System.arraycopy(label, 0, packed, 0, label.length);
        System.arraycopy(Numeric.hexStringToByteArray(node), 0, packed, label.length, 20);
        return lastTwentyBytes(Hash.sha3(packed));
    }

    /** Validator {@code id}'s withdraw vault, as SimStaderNodeRegistry derives it: keccak256(label ++ registry ++ id). */
    public static String staderVault(String registry, long id) {
        byte[] label = "sim stader vault".getBytes(StandardCharsets.US_ASCII);
        byte[] packed = new byte[label.length + 20 + 32];
        System.arraycopy(label, 0, packed, 0, label.length);
        System.arraycopy(Numeric.hexStringToByteArray(registry), 0, packed, label.length, 20);
        System.arraycopy(Numeric.toBytesPadded(BigInteger.valueOf(id), 32), 0, packed, label.length + 20, 32);
        return lastTwentyBytes(Hash.sha3(packed));
    }

    /** Rocket Pool minipool {@code i}'s address, as SimRocketMinipoolManager.getMinipoolAt(i) derives it. */
    public static String minipoolAddress(long i) {
        byte[] label = "sim minipool".getBytes(StandardCharsets.US_ASCII);
        byte[] packed = new byte[label.length + 32];
        System.arraycopy(label, 0, packed, 0, label.length);
        byte[] word = Numeric.toBytesPadded(BigInteger.valueOf(i), 32);
        System.arraycopy(word, 0, packed, label.length, 32);
        return lastTwentyBytes(Hash.sha3(packed));
    }

    /** An address of the model's own: the low 20 bytes of keccak256("{label} {n}"). */
    static String derivedAddress(String label, long n) {
        return lastTwentyBytes(Hash.sha3((label + " " + n).getBytes(StandardCharsets.UTF_8)));
    }

    private static String lastTwentyBytes(byte[] hash) {
        return "0x" + Numeric.toHexStringNoPrefix(hash).substring(24);
    }

    /** A validator's 48-byte public key: six words of splitmix64 over its index (unique: the mix is a bijection). */
    static byte[] pubkey(long index) {
        byte[] key = new byte[48];
        for (int w = 0; w < 6; w++) {
            long v = splitmix(index * 6 + w);
            for (int b = 0; b < 8; b++) {
                key[w * 8 + b] = (byte) (v >>> (56 - 8 * b));
            }
        }
        return key;
    }

    static String pubkeyHex(long index) {
        char[] out = new char[98];
        out[0] = '0';
        out[1] = 'x';
        for (int w = 0; w < 6; w++) {
            long v = splitmix(index * 6 + w);
            for (int d = 0; d < 16; d++) {
                out[2 + w * 16 + d] = HEX[(int) (v >>> (60 - 4 * d)) & 0xf];
            }
        }
        return new String(out);
    }

    /** 32 bytes standing for sha256 of a BLS withdrawal key: the first byte is replaced by the 0x00 type. */
    private static byte[] blsCredentialHash(long index) {
        return Hash.sha256(("bls withdrawal key " + index).getBytes(StandardCharsets.UTF_8));
    }

    private static long splitmix(long x) {
        long z = x + 0x9E3779B97F4A7C15L * 0x5851F42D4C957F2DL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * Derived addresses and credentials, remembering the last ones asked for by each staker group and use (runs of
     * validators share one address), so that generating a validator mostly builds no string.
     */
    private static final class Addresses {
        private final Map<Staker, Map<String, Derived>> last = new IdentityHashMap<>();
        private final Map<String, String[]> credentials = new HashMap<>();

        private record Derived(long n, String address) {
        }

        /** The address derived from "{use}{entity id} {n}". */
        String get(Staker staker, String use, long n) {
            Map<String, Derived> uses = last.computeIfAbsent(staker, s -> new HashMap<>());
            Derived derived = uses.get(use);
            if (derived == null || derived.n() != n) {
                derived = new Derived(n, derivedAddress(use + staker.entityId(), n));
                uses.put(use, derived);
            }
            return derived.address();
        }

        /** 0x01 (or 0x02, compounding) credentials naming {@code address}: the type, 11 zero bytes, the address. */
        String credentials(boolean compounding, String address) {
            String[] both = credentials.computeIfAbsent(address, a -> new String[] {
                "0x01" + "0".repeat(22) + a.substring(2), "0x02" + "0".repeat(22) + a.substring(2)});
            if (credentials.size() > 100_000) {
                credentials.clear(); // minipools' addresses are one a validator: keep the cache bounded
            }
            return both[compounding ? 1 : 0];
        }
    }
}
