package io.lsttracker.chain;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.BatchResponse;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.EthChainId;

/**
 * Sends requests of one kind as ONE JSON-RPC batch (one HTTP request; JSON-RPC 2.0 section 6) and gives the
 * answers back in the order of the requests. A node may answer a batch in any order (the specification
 * says so), so answers are matched by id, not by position as web3j does.
 */
final class JsonRpcBatch {
    /**
     * Most bytes of JSON in one batch request. Nodes refuse larger bodies (anvil answers "Invalid request" to a
     * body over 2 MiB, and hosted providers cap batches too), so a batch is split into requests under this.
     */
    static final int MAX_BATCH_BYTES = 1 << 20;

    private JsonRpcBatch() {
    }

    static <T extends Response<?>> List<T> send(RpcConnection rpc, String what, List<? extends Request<?, T>> requests,
            IntFunction<String> describe) {
        return send(rpc, what, requests, describe, false, false);
    }

    /**
     * {@link #send}, but an answer that is a JSON-RPC error is returned as it is (its {@code hasError()} is true) for
     * the caller to judge, instead of failing the whole batch.
     */
    static <T extends Response<?>> List<T> sendKeepingErrors(RpcConnection rpc, String what,
            List<? extends Request<?, T>> requests, IntFunction<String> describe) {
        return send(rpc, what, requests, describe, true, false);
    }

    /**
     * {@link #sendKeepingErrors} for reads of state: when the connection checks the chain id, each batch request also
     * asks eth_chainId (in the same HTTP request, so at no extra round trip), and an answer from another chain fails
     * the read ({@link WrongChainException}) before any of it is used. A node switched to another chain in place
     * (anvil_setChainId, or another node behind the same URL) is caught at the first read after the switch, not at
     * the next periodic check of the chain id.
     */
    static <T extends Response<?>> List<T> sendReads(RpcConnection rpc, String what,
            List<? extends Request<?, T>> requests, IntFunction<String> describe) {
        return send(rpc, what, requests, describe, true, rpc.expectedChainId().isPresent());
    }

    private static <T extends Response<?>> List<T> send(RpcConnection rpc, String what,
            List<? extends Request<?, T>> requests, IntFunction<String> describe, boolean keepErrors,
            boolean withChainId) {
        List<T> answers = new ArrayList<>(requests.size());
        int start = 0;
        long bytes = 0;
        for (int i = 0; i < requests.size(); i++) {
            long size = size(requests.get(i));
            if (i > start && bytes + size > MAX_BATCH_BYTES) {
                int offset = start;
                answers.addAll(sendOne(rpc, what, requests.subList(start, i), j -> describe.apply(offset + j),
                        keepErrors, withChainId));
                start = i;
                bytes = 0;
            }
            bytes += size;
        }
        if (start < requests.size()) {
            int offset = start;
            answers.addAll(sendOne(rpc, what, requests.subList(start, requests.size()), j -> describe.apply(offset + j),
                    keepErrors, withChainId));
        }
        return answers;
    }

    private static long size(Request<?, ?> request) {
        try {
            return org.web3j.protocol.ObjectMapperFactory.getObjectMapper().writeValueAsBytes(request).length + 1;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a JSON-RPC request", e);
        }
    }

    private static <T extends Response<?>> List<T> sendOne(RpcConnection rpc, String what,
            List<? extends Request<?, T>> requests, IntFunction<String> describe, boolean keepErrors,
            boolean withChainId) {
        if (requests.isEmpty()) {
            return List.of();
        }
        BatchRequest batch = rpc.web3j().newBatch();
        requests.forEach(batch::add);
        Request<?, EthChainId> chainId = withChainId ? rpc.web3j().ethChainId() : null;
        if (chainId != null) {
            batch.add(chainId);
        }
        BatchResponse answer;
        try {
            answer = batch.send();
        } catch (IOException e) {
            throw rpc.unreachable(what, e);
        } catch (WrongChainException e) {
            throw e; // raised by the failover: it says which endpoint serves which chain
        } catch (RuntimeException e) {
            throw new ChainReadException(rpc.url() + " answered " + what + " (a batch of " + requests.size()
                    + " requests) with something that is not a JSON-RPC batch answer (a node that refuses a whole batch "
                    + "answers one error object): " + e.getMessage(), e);
        }
        Map<Long, Response<?>> byId = new HashMap<>();
        for (Response<?> response : answer.getResponses()) {
            byId.put(response.getId(), response);
        }
        if (chainId != null) {
            requireChainId(rpc, what, byId.get(chainId.getId()));
        }
        List<T> ordered = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            Response<?> response = byId.get(requests.get(i).getId());
            if (response == null) {
                throw new ChainReadException(rpc.url() + " left " + describe.apply(i) + " unanswered in a batch of "
                        + requests.size() + " (" + what + ")");
            }
            if (response.hasError() && !keepErrors) {
                throw failure(rpc, describe.apply(i), response.getError());
            }
            @SuppressWarnings("unchecked")
            T typed = (T) response;
            ordered.add(typed);
        }
        return ordered;
    }

    /**
     * The batch's eth_chainId answer names the expected chain, or the read it came with fails. Read from the answer
     * with its id as a plain quantity: web3j types a batch's answers by position, and a node may answer in any order.
     */
    private static void requireChainId(RpcConnection rpc, String what, Response<?> answer) {
        if (answer == null) {
            throw new ChainReadException(rpc.url() + " left eth_chainId unanswered in the batch of " + what);
        }
        if (answer.hasError()) {
            throw failure(rpc, "eth_chainId (in the batch of " + what + ")", answer.getError());
        }
        Object result = answer.getResult();
        String text = result == null ? "" : result.toString();
        if (!text.matches("0x[0-9a-fA-F]{1,15}")) {
            throw new ChainReadException(rpc.url() + " answered eth_chainId with '"
                    + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "', not a chain id (in the batch of "
                    + what + ")");
        }
        rpc.requireChainId(Long.parseLong(text.substring(2), 16), what);
    }

    /** The error a node answered, as an exception that says what was asked; pruned state gets its own. */
    static ChainReadException failure(RpcConnection rpc, String what, Response.Error error) {
        String text = what + " failed at " + rpc.url() + ": " + error.getMessage() + " (code " + error.getCode() + ")";
        if (ArchiveNodeRequiredException.isMissingState(error.getMessage())) {
            return new ArchiveNodeRequiredException(text + ". The node does not keep the state of past blocks: "
                    + "reading history needs an archive node (point LST_RPC_URL or --rpc at one)");
        }
        return new ChainReadException(text);
    }
}
