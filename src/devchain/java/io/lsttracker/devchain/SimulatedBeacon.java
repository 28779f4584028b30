package io.lsttracker.devchain;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.BufferedOutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import io.lsttracker.devchain.beacon.Proposals;
import io.lsttracker.devchain.beacon.ValidatorSet;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The devchain's beacon node: the requests of the standard beacon REST API (ethereum/beacon-APIs) that
 * the tracker makes, answered for the simulated chain on 127.0.0.1.
 *
 * <ul>
 * <li>GET /eth/v1/beacon/genesis: mainnet's genesis time, 1606824023 (1 Dec 2020 12:00:23 UTC), so the
 *     devchain's block timestamps map to mainnet-like slots: slot = (timestamp - genesis) / 12.</li>
 * <li>GET /eth/v1/beacon/headers/finalized and GET /eth/v1/beacon/blinded_blocks/{slot}: the finalized slot (two
 *     epochs behind) and each slot's proposer and graffiti from {@link Proposals}; a missed slot (below) has no
 *     block.</li>
 * <li>GET /eth/v1/beacon/states/{slot|head}/validators[?status=...]: the {@link ValidatorSet} at that slot,
 *     every validator with every field of the standard answer, in index order, streamed as it is generated:
 *     the active ones' balances add up to {@link #totalStakedGwei(long)}; pending, exited and withdrawn ones
 *     are listed too (a reader must not count them). {@code status} filters as the standard API does. 404 for a
 *     slot after the current one (the future) and for every slot {@code slot % 20 == 19}, which the simulation
 *     treats as missed, so a reader must fall back to the slot before.</li>
 * </ul>
 *
 * <p>Total staked grows linearly with the slot: {@link #REFERENCE_GWEI} (34.9M ETH) at {@link #REFERENCE_SLOT}
 * (1 Jan 2026 00:00 UTC), plus 5,000 ETH a day, so it is near today's 34-36M ETH and moves with time. These
 * are round figures chosen for realism, not data. The devchain serves {@link #VALIDATORS} validators by default
 * (mainnet scaled down, each holding the stake of about 55, so a whole answer stays near 10 MB) and a mainnet-sized
 * set of {@link #MAINNET_VALIDATORS} with --beacon-validators.
 */
public final class SimulatedBeacon implements AutoCloseable {
    public static final long GENESIS_TIME = 1_606_824_023L;
    public static final long SECONDS_PER_SLOT = 12;
    /** (1767225600 - 1606824023) / 12 = 13,366,798: the slot of 2026-01-01T00:00:00Z. */
    public static final long REFERENCE_SLOT = (1_767_225_600L - GENESIS_TIME) / SECONDS_PER_SLOT;
    public static final BigInteger REFERENCE_GWEI = BigInteger.valueOf(34_900_000L).multiply(BigInteger.TEN.pow(9));
    /** 5,000 ETH a day is 5e12 gwei over 7,200 slots: 694,444,444 gwei per slot (rounded down). */
    public static final BigInteger GROWTH_GWEI_PER_SLOT = BigInteger.valueOf(5_000L).multiply(BigInteger.TEN.pow(9))
            .divide(BigInteger.valueOf(7_200));
    /** The devchain's default number of validators (--beacon-validators). */
    public static final int VALIDATORS = 20_000;
    /** Mainnet's order of magnitude, for the benchmark and --beacon-validators. */
    public static final int MAINNET_VALIDATORS = 1_100_000;
    private static final Pattern STATE = Pattern.compile("/eth/v1/beacon/states/([^/]+)/validators");
    private static final Pattern BLINDED_BLOCK = Pattern.compile("/eth/v1/beacon/blinded_blocks/([^/]+)");
    /** Finality trails the head by two epochs on a healthy chain. */
    static final long FINALITY_LAG_EPOCHS = 2;

    private final HttpServer server;
    private final ExecutorService executor;
    private final LongSupplier clock;
    private final ValidatorSet validators;
    private final Proposals proposals;

    private SimulatedBeacon(HttpServer server, ExecutorService executor, LongSupplier clock, ValidatorSet validators) {
        this.server = server;
        this.executor = executor;
        this.clock = clock;
        this.validators = validators;
        this.proposals = new Proposals(validators);
    }

    /**
     * Starts the beacon node on a free port of 127.0.0.1, serving {@code validators}; {@code clock} is unix
     * seconds now.
     */
    public static SimulatedBeacon start(LongSupplier clock, ValidatorSet validators) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
                Thread t = new Thread(r, "simulated-beacon");
                t.setDaemon(true);
                return t;
            });
            SimulatedBeacon beacon = new SimulatedBeacon(server, executor, clock, validators);
            server.createContext("/", beacon::handle);
            server.setExecutor(executor);
            server.start();
            return beacon;
        } catch (IOException e) {
            throw new DevchainException("cannot start the simulated beacon node: " + e.getMessage());
        }
    }

    /** The validator set this node serves. */
    public ValidatorSet validators() {
        return validators;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The sum of the active validators' balances the node reports at {@code slot}, in gwei. */
    public static BigInteger totalStakedGwei(long slot) {
        return REFERENCE_GWEI.add(GROWTH_GWEI_PER_SLOT.multiply(BigInteger.valueOf(slot - REFERENCE_SLOT)));
    }

    /** Whether the node serves a state at {@code slot} (at or before {@code currentSlot}, and not missed). */
    public static boolean served(long slot, long currentSlot) {
        return slot >= 0 && slot <= currentSlot && slot % 20 != 19;
    }

    public static long slotAt(long timestamp) {
        return (timestamp - GENESIS_TIME) / SECONDS_PER_SLOT;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!"GET".equals(exchange.getRequestMethod())) {
                respond(exchange, 405, "{\"code\":405,\"message\":\"only GET\"}");
            } else if ("/eth/v1/beacon/genesis".equals(path)) {
                respond(exchange, 200, "{\"data\":{\"genesis_time\":\"" + GENESIS_TIME + "\","
                        + "\"genesis_validators_root\":\"0x4b363db94e286120d76eb905340fdd4e54bfe9f06bf33ff6cf5ad27f511bfe95\","
                        + "\"genesis_fork_version\":\"0x00000000\"}}");
            } else if ("/eth/v1/beacon/headers/finalized".equals(path)) {
                respond(exchange, 200, "{\"execution_optimistic\":false,\"finalized\":true,\"data\":{\"root\":\"0x"
                        + "00".repeat(32) + "\",\"canonical\":true,\"header\":{\"message\":{\"slot\":\""
                        + finalizedSlot(slotAt(clock.getAsLong())) + "\",\"proposer_index\":\"0\"}}}}");
            } else if (BLINDED_BLOCK.matcher(path).matches()) {
                Matcher b = BLINDED_BLOCK.matcher(path);
                b.matches();
                blindedBlock(exchange, b.group(1));
            } else {
                Matcher m = STATE.matcher(path);
                if (!m.matches()) {
                    respond(exchange, 404, "{\"code\":404,\"message\":\"no route " + path + "\"}");
                    return;
                }
                validators(exchange, m.group(1), exchange.getRequestURI().getQuery());
            }
        }
    }

    /** The first slot of the epoch {@link #FINALITY_LAG_EPOCHS} before the current slot's. */
    public static long finalizedSlot(long currentSlot) {
        return Math.max(0, (currentSlot / ValidatorSet.SLOTS_PER_EPOCH - FINALITY_LAG_EPOCHS))
                * ValidatorSet.SLOTS_PER_EPOCH;
    }

    /**
     * A blinded block as beacon-APIs gives it (the fields a reader of proposers needs, among others it must skip):
     * the {@link Proposals} model's proposer and graffiti; 404 for a missed slot (one the node has no state for)
     * and for the future.
     */
    private void blindedBlock(HttpExchange exchange, String blockId) throws IOException {
        long slot;
        try {
            slot = Long.parseLong(blockId);
        } catch (NumberFormatException e) {
            respond(exchange, 400, "{\"code\":400,\"message\":\"Invalid block ID: " + blockId + "\"}");
            return;
        }
        if (!served(slot, slotAt(clock.getAsLong()))) {
            respond(exchange, 404, "{\"code\":404,\"message\":\"NOT_FOUND: beacon block at slot " + slot + "\"}");
            return;
        }
        Proposals.Block block = proposals.block(slot);
        byte[] graffiti = java.util.Arrays.copyOf(block.graffiti().getBytes(StandardCharsets.UTF_8), 32);
        respond(exchange, 200, "{\"version\":\"electra\",\"execution_optimistic\":false,\"finalized\":true,"
                + "\"data\":{\"message\":{\"slot\":\"" + slot + "\",\"proposer_index\":\"" + block.proposerIndex()
                + "\",\"parent_root\":\"0x" + "00".repeat(32) + "\",\"state_root\":\"0x" + "00".repeat(32)
                + "\",\"body\":{\"randao_reveal\":\"0x" + "00".repeat(96) + "\",\"eth1_data\":{\"deposit_root\":\"0x"
                + "00".repeat(32) + "\",\"deposit_count\":\"0\",\"block_hash\":\"0x" + "00".repeat(32)
                + "\"},\"graffiti\":\"0x" + java.util.HexFormat.of().formatHex(graffiti)
                + "\",\"proposer_slashings\":[],\"attester_slashings\":[],\"attestations\":[],\"deposits\":[],"
                + "\"voluntary_exits\":[],\"execution_payload_header\":{\"block_number\":\"0\"}}},"
                + "\"signature\":\"0x" + "00".repeat(96) + "\"}}");
    }

    private void validators(HttpExchange exchange, String stateId, String query) throws IOException {
        long current = slotAt(clock.getAsLong());
        long slot;
        if ("head".equals(stateId)) {
            slot = current;
            while (!served(slot, current)) {
                slot--;
            }
        } else {
            try {
                slot = Long.parseLong(stateId);
            } catch (NumberFormatException e) {
                respond(exchange, 400, "{\"code\":400,\"message\":\"Invalid state ID: " + stateId + "\"}");
                return;
            }
        }
        if (!served(slot, current)) {
            respond(exchange, 404, "{\"code\":404,\"message\":\"State not found\"}");
            return;
        }
        StatusFilter filter;
        try {
            filter = StatusFilter.of(query);
        } catch (IllegalArgumentException e) {
            respond(exchange, 400, "{\"code\":400,\"message\":\"" + e.getMessage() + "\"}");
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = new BufferedOutputStream(exchange.getResponseBody(), 1 << 16)) {
            writeValidators(validators, slot, filter, out);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * The standard answer for the set at {@code slot}, every field of ethereum/beacon-APIs' validator response,
     * written validator by validator (the set is generated on the fly, never held). The answer is ASCII, so
     * each entry is built as bytes in one reused buffer: an answer of 1.1 million validators is half a gigabyte.
     */
    public static void writeValidators(ValidatorSet set, long slot, StatusFilter filter, OutputStream out)
            throws IOException {
        out.write("{\"execution_optimistic\":false,\"finalized\":false,\"data\":[".getBytes(StandardCharsets.US_ASCII));
        AsciiEntry entry = new AsciiEntry();
        boolean[] first = {true};
        set.forEach(slot, v -> {
            if (!filter.matches(v.status())) {
                return;
            }
            entry.clear();
            if (!first[0]) {
                entry.append(",");
            }
            first[0] = false;
            entry.append("{\"index\":\"").append(v.index())
                    .append("\",\"balance\":\"").append(v.balanceGwei())
                    .append("\",\"status\":\"").append(v.status())
                    .append("\",\"validator\":{\"pubkey\":\"").append(v.pubkey())
                    .append("\",\"withdrawal_credentials\":\"").append(v.withdrawalCredentials())
                    .append("\",\"effective_balance\":\"").append(v.effectiveBalanceGwei())
                    .append(v.slashed() ? "\",\"slashed\":true" : "\",\"slashed\":false")
                    .append(",\"activation_eligibility_epoch\":\"").appendEpoch(v.activationEligibilityEpoch())
                    .append("\",\"activation_epoch\":\"").appendEpoch(v.activationEpoch())
                    .append("\",\"exit_epoch\":\"").appendEpoch(v.exitEpoch())
                    .append("\",\"withdrawable_epoch\":\"").appendEpoch(v.withdrawableEpoch())
                    .append("\"}}");
            try {
                entry.writeTo(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        out.write("]}".getBytes(StandardCharsets.US_ASCII));
    }

    /** One validator's JSON as ASCII bytes, in a buffer reused from entry to entry. */
    private static final class AsciiEntry {
        private static final byte[] FAR_FUTURE = Long.toUnsignedString(ValidatorSet.FAR_FUTURE_EPOCH)
                .getBytes(StandardCharsets.US_ASCII);
        private byte[] bytes = new byte[1024];
        private int length;

        void clear() {
            length = 0;
        }

        AsciiEntry append(String text) {
            ensure(text.length());
            text.getBytes(0, text.length(), bytes, length); // ASCII only: the deprecated overload copies low bytes
            length += text.length();
            return this;
        }

        AsciiEntry append(long value) {
            return append(Long.toString(value));
        }

        AsciiEntry appendEpoch(long epoch) {
            if (epoch == ValidatorSet.FAR_FUTURE_EPOCH) {
                ensure(FAR_FUTURE.length);
                System.arraycopy(FAR_FUTURE, 0, bytes, length, FAR_FUTURE.length);
                length += FAR_FUTURE.length;
                return this;
            }
            return append(epoch);
        }

        void writeTo(OutputStream out) throws IOException {
            out.write(bytes, 0, length);
        }

        private void ensure(int more) {
            if (length + more > bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
            }
        }
    }

    /**
     * The {@code status} query parameter of the standard API: repeated or comma-separated, each a validator
     * status (active_ongoing) or a top-level one (pending, active, exited, withdrawal) standing for all of its
     * kind. Without it, every validator.
     */
    public record StatusFilter(Set<String> statuses) {
        private static final Set<String> KNOWN = Set.of("pending_initialized", "pending_queued",
                "active_ongoing", "active_exiting", "active_slashed", "exited_unslashed", "exited_slashed",
                "withdrawal_possible", "withdrawal_done", "pending", "active", "exited", "withdrawal");
        public static final StatusFilter ALL = new StatusFilter(Set.of());

        public StatusFilter {
            statuses = Set.copyOf(statuses);
        }

        static StatusFilter of(String query) {
            Set<String> statuses = new HashSet<>();
            if (query != null) {
                for (String pair : query.split("&")) {
                    if (pair.startsWith("status=")) {
                        for (String status : pair.substring("status=".length()).split(",|%2C|%2c")) {
                            if (!KNOWN.contains(status)) {
                                throw new IllegalArgumentException("Invalid validator status: " + status);
                            }
                            statuses.add(status);
                        }
                    }
                }
            }
            return new StatusFilter(statuses);
        }

        boolean matches(String status) {
            return statuses.isEmpty() || statuses.contains(status)
                    || statuses.contains(status.substring(0, status.indexOf('_')));
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Slot now, by the devchain's clock. */
    public long currentSlot() {
        return slotAt(clock.getAsLong());
    }

    /** For tests and docs: when {@code slot} starts. */
    public static Instant slotStart(long slot) {
        return Instant.ofEpochSecond(GENESIS_TIME + slot * SECONDS_PER_SLOT);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
