package io.lsttracker.chain;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * What may be shown of a configured URL in logs, error messages and API answers: its scheme, host and port.
 * Providers put the API key in the path or the query (Alchemy's https://eth-mainnet.g.alchemy.com/v2/KEY,
 * Infura's https://mainnet.infura.io/v3/KEY), basic auth puts a password before the host, and a Slack webhook is
 * itself a secret (https://hooks.slack.com/services/T/B/SECRET): the path, query, fragment and user info go.
 */
public final class RedactedUrl {
    private RedactedUrl() {
    }

    /** {@code scheme://host[:port]}, with "/…" when something was left out; "(not a URL)" if it cannot be read. */
    public static String of(String url) {
        if (url == null) {
            return "(none)";
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            return "(not a URL)";
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            return "(not a URL)";
        }
        String shown = uri.getScheme() + "://" + uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
        boolean hidden = uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null
                || (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/"));
        return hidden ? shown + "/…" : shown;
    }
}
