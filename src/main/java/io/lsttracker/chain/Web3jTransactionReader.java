package io.lsttracker.chain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.methods.response.EthTransaction;
import org.web3j.protocol.core.methods.response.Transaction;

/** {@link TransactionReader} over JSON-RPC: every hash asked at once in one batch (split by {@link JsonRpcBatch}). */
public final class Web3jTransactionReader implements TransactionReader {
    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");

    private final RpcConnection rpc;

    public Web3jTransactionReader(RpcConnection rpc) {
        this.rpc = rpc;
    }

    @Override
    public List<Parties> parties(List<String> hashes) {
        if (hashes.isEmpty()) {
            return List.of();
        }
        List<Request<?, EthTransaction>> requests = new ArrayList<>();
        for (String hash : hashes) {
            requests.add(rpc.web3j().ethGetTransactionByHash(hash));
        }
        List<EthTransaction> answers = JsonRpcBatch.send(rpc, "eth_getTransactionByHash of " + hashes.size()
                + " transactions", requests, i -> "eth_getTransactionByHash(" + hashes.get(i) + ")");
        List<Parties> parties = new ArrayList<>(hashes.size());
        for (int i = 0; i < hashes.size(); i++) {
            Transaction tx = answers.get(i).getTransaction().orElseThrow(() -> new ChainReadException(rpc.url()
                    + " does not know a transaction that emitted a log it returned"));
            String from = tx.getFrom();
            String to = tx.getTo();
            if (from == null || !ADDRESS.matcher(from).matches() || to != null && !ADDRESS.matcher(to).matches()) {
                throw new ChainReadException(rpc.url() + " answered eth_getTransactionByHash(" + hashes.get(i)
                        + ") with from '" + from + "' and to '" + to + "', not addresses");
            }
            parties.add(new Parties(hashes.get(i), from.toLowerCase(Locale.ROOT),
                    to == null ? null : to.toLowerCase(Locale.ROOT)));
        }
        return parties;
    }
}
