package io.lsttracker.beacon;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Reads total ETH staked from a beacon node's standard REST API (ethereum/beacon-APIs):
 * GET /eth/v1/beacon/genesis for genesis_time, then GET /eth/v1/beacon/states/{slot}/validators?status=active
 * and the sum of the {@code balance} (gwei) of every validator whose status is active_* (active_ongoing,
 * active_exiting, active_slashed). Not validator count x 32 (since Electra a validator holds up to 2,048 ETH)
 * and not the deposit contract's balance (withdrawals never debit it): docs/CONCENTRATION.md. The same pass sums
 * the exit queue ({@link TotalStaked.ExitQueue}): the {@code effective_balance} of the validators active_exiting or
 * active_slashed, and of all active validators (the exit churn's input).
 *
 * <p>The slot of a block is (timestamp - genesis_time) / 12 (SECONDS_PER_SLOT = 12 on mainnet, consensus
 * specs phase0). A slot whose state the node does not serve (404: a missed slot, a pruned state) is replaced by
 * the nearest slot before it, up to {@link #MAX_SLOTS_BACK} slots back. On mainnet the answer lists about a
 * million validators, so it is parsed as a stream and never held whole; a past slot needs a node that keeps
 * historical states.
 */
public final class BeaconClient {
    /** Consensus specs, phase0 mainnet preset: SECONDS_PER_SLOT. */
    public static final long SECONDS_PER_SLOT = 12;
    /** Two epochs: further back than any run of missed slots a healthy chain has. */
    static final int MAX_SLOTS_BACK = 64;
    private static final BigInteger GWEI = BigInteger.TEN.pow(9);
    /** The genesis answer is a few hundred bytes; 64 KiB is generous. */
    static final long MAX_GENESIS_BYTES = 64 * 1024;
    /** Mainnet's active validators, about a million at some 400 bytes each, are under 0.5 GB; 2 GiB is the limit. */
    static final long MAX_VALIDATORS_BYTES = 2L * 1024 * 1024 * 1024;
    /** A blinded block holds attestations and the payload's header, not its transactions: a few hundred KB. */
    static final long MAX_BLOCK_BYTES = 8L * 1024 * 1024;
    static final JsonFactory JSON_FACTORY = new JsonFactory();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final Duration timeout;
    private final HttpClient http;
    private final AtomicLong genesisTime = new AtomicLong(-1);

    public BeaconClient(String url, Duration timeout) {
        String trimmed = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.base = URI.create(trimmed + "/");
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** The node as messages show it: scheme, host and port only (see {@link io.lsttracker.chain.RedactedUrl}). */
    public String url() {
        return io.lsttracker.chain.RedactedUrl.of(base.toString());
    }

    /** The beacon chain's genesis time, read once and kept. */
    public long genesisTime() {
        long known = genesisTime.get();
        if (known >= 0) {
            return known;
        }
        String path = "eth/v1/beacon/genesis";
        JsonNode answer = get(path, MAX_GENESIS_BYTES, JSON::readTree).orElseThrow(() -> new BeaconReadException(
                describe(path) + " answered HTTP 404"));
        JsonNode time = answer.path("data").path("genesis_time");
        if (!time.isTextual() && !time.isNumber()) {
            throw new BeaconReadException(describe(path) + " gave no data.genesis_time");
        }
        long value = uint64(time.asText(), path, "data.genesis_time");
        genesisTime.set(value);
        return value;
    }

    /** The slot a block with this timestamp belongs to. */
    public long slotAt(Instant blockTime) {
        long genesis = genesisTime();
        long seconds = blockTime.getEpochSecond() - genesis;
        if (seconds < 0) {
            throw new BeaconReadException("block time " + blockTime + " is before the beacon chain's genesis "
                    + Instant.ofEpochSecond(genesis) + " (" + describe("eth/v1/beacon/genesis") + ")");
        }
        return seconds / SECONDS_PER_SLOT;
    }

    /** Total staked at the slot of {@code blockTime}, or at the nearest slot before it that the node serves. */
    public TotalStaked totalStakedAt(Instant blockTime) {
        long slot = slotAt(blockTime);
        for (long s = slot; s >= 0 && s > slot - MAX_SLOTS_BACK; s--) {
            TotalStaked total = totalStakedAtSlot(s);
            if (total != null) {
                return total;
            }
        }
        throw new BeaconReadException(url() + " has no state for slot " + slot + " nor for the "
                + (MAX_SLOTS_BACK - 1) + " slots before it (does it keep historical states?)");
    }

    /**
     * Streams every validator of the state at {@code slot} (all statuses: exits and pending ones too) to
     * {@code each}, in the order the node lists them, or of the nearest slot before it that the node serves (as
     * {@link #totalStakedAt}). The answer is parsed as a stream and never held whole. Every field is checked: a
     * validator whose index, pubkey, credentials, status, balance, effective balance or slashed flag is missing
     * or malformed, or whose index does not follow the one before it, ends the read with a
     * {@link BeaconReadException} naming the validator and the field. {@code each} may then have seen part of
     * the set: a caller keeps what it gathers only when this returns.
     *
     * @return the slot whose state was read
     */
    public long validators(long slot, Consumer<Validator> each) {
        if (slot < 0) {
            throw new IllegalArgumentException("slot " + slot + " is negative");
        }
        for (long s = slot; s >= 0 && s > slot - MAX_SLOTS_BACK; s--) {
            if (validatorsAtSlot(s, each)) {
                return s;
            }
        }
        throw new BeaconReadException(url() + " has no state for slot " + slot + " nor for the "
                + (MAX_SLOTS_BACK - 1) + " slots before it (does it keep historical states?)");
    }

    /** Streams the validators at exactly {@code slot}; false when the node has no state for it (404). */
    private boolean validatorsAtSlot(long slot, Consumer<Validator> each) {
        String path = "eth/v1/beacon/states/" + slot + "/validators";
        return get(path, MAX_VALIDATORS_BYTES, body -> {
            new ValidatorStream(describe(path)).read(body, each);
            return Boolean.TRUE;
        }).isPresent();
    }

    /** The total at exactly {@code slot}, or null when the node has no state for it (404). */
    private TotalStaked totalStakedAtSlot(long slot) {
        String path = "eth/v1/beacon/states/" + slot + "/validators?status=active";
        return get(path, MAX_VALIDATORS_BYTES, body -> sumActive(slot, body, path)).orElse(null);
    }

    /**
     * The active validators' balances, and in the same pass the exit queue's figures: the effective balances of
     * the validators active_exiting or active_slashed (their exit epoch is set and not reached), and of all active
     * validators (the churn limit's input). Effective balances are read from each validator object with the same
     * checks as balances; a validator that is not active is skipped unchecked, as before.
     */
    private TotalStaked sumActive(long slot, InputStream body, String path) throws IOException {
        BigInteger gwei = BigInteger.ZERO;
        BigInteger effectiveGwei = BigInteger.ZERO;
        BigInteger exitingGwei = BigInteger.ZERO;
        long active = 0;
        long exiting = 0;
        boolean sawData = false;
        try (JsonParser p = JSON_FACTORY.createParser(body)) {
            expect(p.nextToken() == JsonToken.START_OBJECT, path, "is not a JSON object");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (!"data".equals(field)) {
                    p.skipChildren();
                    continue;
                }
                expect(value == JsonToken.START_ARRAY, path, "has no data array");
                sawData = true;
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    String status = null;
                    String balance = null;
                    String index = null;
                    String effective = null;
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String name = p.currentName();
                        JsonToken token = p.nextToken();
                        switch (name) {
                            case "status" -> status = p.getValueAsString();
                            case "balance" -> balance = p.getValueAsString();
                            case "index" -> index = p.getValueAsString();
                            case "validator" -> effective = token == JsonToken.START_OBJECT
                                    ? effectiveBalanceOf(p) : skipped(p);
                            default -> p.skipChildren();
                        }
                    }
                    if (status != null && status.startsWith("active")) {
                        gwei = gwei.add(gwei(balance, index, "balance", path));
                        BigInteger validatorEffective = gwei(effective, index, "effective_balance", path);
                        effectiveGwei = effectiveGwei.add(validatorEffective);
                        active++;
                        if (EXIT_QUEUE_STATUSES.contains(status)) {
                            exitingGwei = exitingGwei.add(validatorEffective);
                            exiting++;
                        }
                    }
                }
            }
        }
        expect(sawData, path, "has no data array");
        return new TotalStaked(slot, gwei.multiply(GWEI), active, java.util.Optional.of(new TotalStaked.ExitQueue(
                exiting, exitingGwei.multiply(GWEI), effectiveGwei.multiply(GWEI))));
    }

    /**
     * The statuses of validators in the exit queue (ethereum/beacon-APIs, validator status: active_exiting and
     * active_slashed are active with an exit epoch set, which a slashing sets too).
     */
    static final java.util.Set<String> EXIT_QUEUE_STATUSES = java.util.Set.of("active_exiting", "active_slashed");

    /** The effective_balance of the validator object the parser is inside of; the rest of it is skipped. */
    private static String effectiveBalanceOf(JsonParser p) throws IOException {
        String effective = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken token = p.nextToken();
            if ("effective_balance".equals(name) && token.isScalarValue()) {
                effective = p.getValueAsString();
            } else {
                p.skipChildren();
            }
        }
        return effective;
    }

    /** Skips a value that is not what was expected, so that the check below reports the field as missing. */
    private static String skipped(JsonParser p) throws IOException {
        p.skipChildren();
        return null;
    }

    private BigInteger gwei(String text, String index, String field, String path) {
        // A balance is a uint64 of gwei (beacon-APIs), at most 20 digits: anything longer is refused unparsed,
        // quoted by its start only (a 15-million-digit string would pin a core in BigInteger and flood the log).
        if (text != null && text.length() > 20) {
            throw new BeaconReadException(describe(path) + ": validator " + index + " has a" + ("balance".equals(field)
                    ? " " : "n ") + field + " of " + text.length() + " characters ('" + text.substring(0, 20)
                    + "…'), not a uint64 of gwei");
        }
        try {
            BigInteger value = new BigInteger(text == null ? "" : text);
            if (value.signum() >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the validator's index
        }
        throw new BeaconReadException(describe(path) + ": validator " + index + " has " + field + " "
                + (text == null ? "(missing)" : "'" + text + "'") + ", not a non-negative number of gwei");
    }

    /**
     * The newest finalized slot (GET /eth/v1/beacon/headers/finalized): blocks up to it can no longer change, so a
     * slot without a block there is missed for good.
     */
    public long finalizedSlot() {
        String path = "eth/v1/beacon/headers/finalized";
        JsonNode answer = get(path, MAX_GENESIS_BYTES, JSON::readTree).orElseThrow(() -> new BeaconReadException(describe(path)
                + " answered 404: the node knows no finalized block"));
        JsonNode slot = answer.path("data").path("header").path("message").path("slot");
        return uint64(slot.isValueNode() ? slot.asText() : null, path, "data.header.message.slot");
    }

    /**
     * The block proposed at {@code slot}, or empty when the slot has none (404: a missed slot). Read from the blinded
     * block (GET /eth/v1/beacon/blinded_blocks/{slot}), which carries the execution payload's header instead of its
     * transactions, parsed as a stream that keeps only the slot, the proposer and the graffiti. An answer for another
     * slot, or with a field missing or malformed, is refused with a {@link BeaconReadException} naming the field.
     */
    public java.util.Optional<BlockProposal> proposal(long slot) {
        if (slot < 0) {
            throw new IllegalArgumentException("slot " + slot + " is negative");
        }
        String path = "eth/v1/beacon/blinded_blocks/" + slot;
        java.util.Optional<BlockProposal> proposal = get(path, MAX_BLOCK_BYTES, body -> readProposal(body, path));
        if (proposal.isPresent() && proposal.get().slot() != slot) {
            throw new BeaconReadException(describe(path) + ": the answer is the block of slot "
                    + proposal.get().slot() + ", not of slot " + slot);
        }
        return proposal;
    }

    /** data.message.{slot, proposer_index, body.graffiti}; everything else is skipped unread. */
    private BlockProposal readProposal(InputStream body, String path) throws IOException {
        String slot = null;
        String proposer = null;
        String graffiti = null;
        try (JsonParser p = JSON_FACTORY.createParser(body)) {
            expect(p.nextToken() == JsonToken.START_OBJECT, path, "is not a JSON object");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (!"data".equals(field) || value != JsonToken.START_OBJECT) {
                    p.skipChildren();
                    continue;
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String dataField = p.currentName();
                    JsonToken dataValue = p.nextToken();
                    if (!"message".equals(dataField) || dataValue != JsonToken.START_OBJECT) {
                        p.skipChildren();
                        continue;
                    }
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String name = p.currentName();
                        JsonToken token = p.nextToken();
                        switch (name) {
                            case "slot" -> slot = token.isScalarValue() ? p.getValueAsString() : null;
                            case "proposer_index" -> proposer = token.isScalarValue() ? p.getValueAsString() : null;
                            case "body" -> graffiti = token == JsonToken.START_OBJECT ? graffitiOf(p) : null;
                            default -> p.skipChildren();
                        }
                    }
                }
            }
        }
        long slotNumber = uint64(slot, path, "data.message.slot");
        long proposerIndex = uint64(proposer, path, "data.message.proposer_index");
        if (graffiti == null || !graffiti.matches("0x[0-9a-fA-F]{64}")) {
            throw new BeaconReadException(describe(path) + ": data.message.body.graffiti is "
                    + (graffiti == null ? "missing" : "'" + abbreviate(graffiti) + "'") + ", not 32 bytes of hex");
        }
        return new BlockProposal(slotNumber, proposerIndex, java.util.HexFormat.of().parseHex(graffiti.substring(2)));
    }

    /** The graffiti field of a block body the parser is inside of; the rest of the body is skipped. */
    private static String graffitiOf(JsonParser p) throws IOException {
        String graffiti = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken token = p.nextToken();
            if ("graffiti".equals(name) && token.isScalarValue()) {
                graffiti = p.getValueAsString();
            } else {
                p.skipChildren();
            }
        }
        return graffiti;
    }

    private long uint64(String text, String path, String field) {
        if (text != null && text.length() <= 19 && text.matches("[0-9]+")) {
            return Long.parseLong(text);
        }
        throw new BeaconReadException(describe(path) + ": " + field + " is "
                + (text == null ? "missing" : "'" + abbreviate(text) + "'") + ", not a number");
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }

    /** Reads one body; {@link #get} bounds it and turns what goes wrong into a {@link BeaconReadException}. */
    @FunctionalInterface
    private interface BodyReader<T> {
        T read(InputStream body) throws IOException;
    }

    /**
     * One GET: the answer's body read by {@code reader} within the timeout and {@code maxBytes} (see
     * {@link BoundedBody}); empty on 404 (no such state or block); any other status but 200, a body that is not
     * JSON, an I/O failure or an interruption is a {@link BeaconReadException} naming the request.
     */
    private <T> java.util.Optional<T> get(String path, long maxBytes, BodyReader<T> reader) {
        try {
            HttpResponse<InputStream> response = http.send(request(path), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = bounded(response.body(), maxBytes)) {
                if (response.statusCode() == 404) {
                    return java.util.Optional.empty();
                }
                if (response.statusCode() != 200) {
                    throw new BeaconReadException(describe(path) + " answered HTTP " + response.statusCode());
                }
                return java.util.Optional.of(reader.read(body));
            }
        } catch (JsonParseException e) {
            throw new BeaconReadException(describe(path) + ": the answer is not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new BeaconReadException(describe(path) + " failed: " + reason(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BeaconReadException(describe(path) + " was interrupted", e);
        }
    }

    private static String reason(Exception e) {
        // A refused connection carries no message: say what it was.
        return e.getMessage() == null ? e.getClass().getSimpleName() + " (is the beacon node running?)" : e.getMessage();
    }

    private void expect(boolean condition, String path, String problem) {
        if (!condition) {
            throw new BeaconReadException(describe(path) + ": the answer " + problem);
        }
    }

    /** A body read within the timeout and the size given (see {@link BoundedBody}). */
    private InputStream bounded(InputStream body, long maxBytes) {
        return new BoundedBody(body, maxBytes, timeout.toMillis());
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).header("Accept", "application/json").GET()
                .build();
    }

    private String describe(String path) {
        // The path is ours (the standard beacon API); the base may carry a key, so only its host is shown.
        return "beacon node " + url() + " GET /" + path;
    }
}
