package io.lsttracker.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** Asks one endpoint eth_chainId (EIP-695), outside the failover and the request counts. */
final class ChainIdProbe {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType TYPE = MediaType.get("application/json");
    private static final String BODY = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}";

    private ChainIdProbe() {
    }

    /** The chain id the endpoint serves, or null when it cannot be had now (unreachable, an error, not JSON). */
    static Long ask(OkHttpClient client, HttpUrl url) {
        Request request = new Request.Builder().url(url).post(RequestBody.create(BODY, TYPE)).build();
        try (Response response = client.newCall(request).execute()) {
            if (!response.isSuccessful() || response.body() == null) {
                return null;
            }
            JsonNode result = JSON.readTree(response.body().bytes()).path("result");
            String hex = result.isTextual() ? result.asText() : "";
            if (!hex.startsWith("0x") || hex.length() < 3) {
                return null;
            }
            return new BigInteger(hex.substring(2), 16).longValueExact();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static String mismatch(HttpUrl url, long served, long expected) {
        return "RPC endpoint " + io.lsttracker.chain.RedactedUrl.of(url.toString()) + " serves chain id " + served + ", but tracker.chain.chain-id (LST_CHAIN_ID) is "
                + expected + ": refusing to read another chain";
    }
}
