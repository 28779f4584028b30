package io.lsttracker.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random requests for the fuzz run, all drawn from one seeded {@link Random} so a failing seed replays the
 * same requests. Each starts from a route of openapi.yml and bends one or more parts: path segments (known and
 * unknown ids, unicode, broken percent-encoding, traversal, very long), query parameters (the route's own
 * and unknown ones, with dates, numbers, unicode, encoded and oversized values, repeated), the method, the
 * headers (Accept, Content-Type, Authorization, very large ones) and the body (valid, malformed and truncated
 * JSON, wrong types, deep nesting, binary, a few megabytes).
 */
final class FuzzRequests {
    record Request(String route, String method, String target, Map<String, String> headers, byte[] body) {
        /** False when the request line itself is not HTTP: a raw space, control or non-ASCII character in it. */
        boolean wellFormed() {
            return target.chars().allMatch(c -> c > 0x20 && c < 0x7f);
        }

        String describe() {
            String b = body == null ? "" : " body[" + body.length + "]="
                    + abbreviate(new String(body, StandardCharsets.UTF_8), 120);
            return method + " " + abbreviate(target, 300) + " " + abbreviate(headers.toString(), 300) + b;
        }
    }

    private static final String[] METHODS = {"GET", "GET", "GET", "GET", "GET", "GET", "POST", "POST", "PUT",
        "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE", "FOO", "get"};
    private static final String[] PARAMS = {"from", "to", "interval", "format", "state", "limit", "id", "x", "",
        "from[]", "%66rom", "FROM", "interval\u00e9"};
    private static final String[] ACCEPT = {"application/json", "text/csv", "*/*", "text/html", "application/yaml",
        "text/csv;q=0.5, application/json", "application/xml", "garbage", "", "text/*", "application/json; charset=x",
        ";;;", "image/png", "text/plain"};
    private static final String[] CONTENT_TYPES = {"application/json", "text/plain", "application/xml",
        "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=utf-16",
        "garbage", "", "text/csv", "application/octet-stream", "application/json; charset=nope"};

    private final Random random;
    private final List<String> routes;
    private final List<String> poolIds;
    private final String adminToken;

    FuzzRequests(long seed, List<String> routes, List<String> poolIds, String adminToken) {
        this.random = new Random(seed);
        this.routes = routes;
        this.poolIds = poolIds;
        this.adminToken = adminToken;
    }

    List<Request> take(int count) {
        List<Request> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            requests.add(next());
        }
        return requests;
    }

    Request next() {
        boolean anywhere = random.nextInt(12) == 0;
        String route = anywhere ? "(random path)" : pick(routes);
        if (!anywhere && random.nextInt(10) == 0) {
            // One request in ten is well formed, so that every route is seen working however many routes there are
            // (a 2xx from the admin route otherwise needs a rare draw of token, method, body and path at once).
            return wellFormed(route);
        }
        String path = anywhere ? randomPath() : bendPath(route);
        String query = random.nextInt(3) == 0 ? "" : query();
        String method = random.nextInt(3) == 0 ? pick(METHODS) : (route.equals("/api/admin/backfill") ? "POST" : "GET");
        Map<String, String> headers = headers();
        byte[] body = null;
        if (method.equals("POST") || method.equals("PUT") || method.equals("PATCH") || random.nextInt(20) == 0) {
            body = body();
        }
        return new Request(route, method, path + query, headers, body);
    }

    private Request wellFormed(String route) {
        boolean admin = route.equals("/api/admin/backfill");
        String known = route.startsWith("/api/admin") ? poolIds.get(poolIds.size() - 1) : pick(poolIds);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        if (admin) {
            headers.put("Authorization", "Bearer " + adminToken);
            headers.put("Content-Type", "application/json");
        }
        byte[] body = admin ? "{\"from\":\"2026-11-01\",\"to\":\"2026-11-02\",\"interval\":\"1d\"}"
                .getBytes(StandardCharsets.UTF_8) : null;
        return new Request(route, admin ? "POST" : "GET", route.replace("{id}", known), headers, body);
    }

    private String bendPath(String route) {
        // the admin route's ids are backfill jobs: the last known id is one
        String known = route.startsWith("/api/admin") ? poolIds.get(poolIds.size() - 1) : pick(poolIds);
        String path = route.replace("{id}", random.nextInt(2) == 0 ? known : segment());
        switch (random.nextInt(10)) {
            case 0:
                return path + "/" + segment();
            case 1:
                return path + "/";
            case 2:
                return path.replaceFirst("/", "//");
            case 3:
                return path.toUpperCase();
            case 4:
                return path + "/../../" + segment();
            default:
                return path;
        }
    }

    private String randomPath() {
        StringBuilder path = new StringBuilder(random.nextBoolean() ? "/api" : "");
        int segments = 1 + random.nextInt(5);
        for (int i = 0; i < segments; i++) {
            path.append('/').append(segment());
        }
        return path.toString();
    }

    /** A path segment: an id that looks right, or one that is wrong in a way a parser can trip on. */
    private String segment() {
        return switch (random.nextInt(14)) {
            case 0 -> pick(poolIds).toUpperCase();
            case 1 -> "";
            case 2 -> "..";
            case 3 -> "%2e%2e%2f" + word(4);
            case 4 -> "%zz" + word(3);
            case 5 -> "%";
            case 6 -> "%00" + word(2);
            case 7 -> encode(unicode(1 + random.nextInt(8)));
            case 8 -> unicode(1 + random.nextInt(4));
            case 9 -> word(2000 + random.nextInt(4000));
            case 10 -> "%F0%9F%92%A5" + word(3);
            case 11 -> "%C3%28";
            case 12 -> "{id}";
            default -> word(1 + random.nextInt(20));
        };
    }

    private String query() {
        StringBuilder q = new StringBuilder("?");
        int n = 1 + random.nextInt(5);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                q.append(random.nextInt(10) == 0 ? "&&" : "&");
            }
            q.append(pick(PARAMS));
            if (random.nextInt(8) != 0) {
                q.append('=').append(value());
            }
        }
        return q.toString();
    }

    /** A query value: right, nearly right, out of range, or not a value at all. */
    private String value() {
        return switch (random.nextInt(26)) {
            case 0 -> "2026-11-" + (10 + random.nextInt(20));
            case 1 -> "2026-11-20T12:00:00Z";
            case 2 -> "1970-01-01";
            case 3 -> "+999999999-12-31T23:59:59Z";
            case 4 -> "-999999999-01-01T00:00:00Z";
            case 5 -> "2026-02-30";
            case 6 -> "0000-00-00";
            case 7 -> (1 + random.nextInt(999)) + pick(new String[] {"s", "m", "h", "d", "w", "y", "", "M"});
            case 8 -> "999999d";
            case 9 -> "9999999999999999999999";
            case 10 -> "-" + random.nextInt(100);
            case 11 -> pick(new String[] {"csv", "json", "CSV", "xml", "firing", "resolved", "all"});
            case 12 -> encode(unicode(1 + random.nextInt(10)));
            case 13 -> unicode(1 + random.nextInt(5));
            case 14 -> word(3000 + random.nextInt(3000));
            case 15 -> "%";
            case 16 -> "%zz";
            case 17 -> "%00";
            case 18 -> "";
            case 19 -> "%20%20";
            case 20 -> "1e309";
            case 21 -> "NaN";
            case 22 -> "0x" + Long.toHexString(random.nextLong());
            case 23 -> "<script>alert(1)</script>";
            case 24 -> "' OR 1=1 --";
            default -> Integer.toString(random.nextInt(2000) - 500);
        };
    }

    private Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        if (random.nextInt(3) != 0) {
            headers.put("Accept", pick(ACCEPT));
        }
        if (random.nextInt(4) == 0) {
            headers.put("Content-Type", pick(CONTENT_TYPES));
        }
        switch (random.nextInt(6)) {
            case 0, 3 -> headers.put("Authorization", "Bearer " + adminToken);
            case 1 -> headers.put("Authorization", "Bearer " + word(1 + random.nextInt(40)));
            case 2 -> headers.put("Authorization", pick(new String[] {"Basic YWRtaW46YWRtaW4=", "Bearer", "Bearer ",
                "bearer " + adminToken, "", "Token " + adminToken}));
            default -> {
            }
        }
        if (random.nextInt(40) == 0) {
            headers.put("X-Fuzz", word(9000 + random.nextInt(4000)));
        }
        if (random.nextInt(20) == 0) {
            headers.put(pick(new String[] {"Origin", "X-Forwarded-For", "If-None-Match", "Range", "Accept-Encoding",
                "Accept-Language", "Cookie"}), pick(new String[] {"http://evil.example", "bytes=0-1", "gzip, br",
                "*", "1.2.3.4, ::1", "x=" + word(10), "\u00e9t\u00e9"}));
        }
        return headers;
    }

    private byte[] body() {
        String json = switch (random.nextInt(16)) {
            case 0 -> "{\"from\":\"2026-11-01\",\"to\":\"2026-11-02\",\"interval\":\"1d\"}";
            case 1 -> "{\"from\":\"" + value() + "\",\"to\":\"" + value() + "\",\"interval\":\"" + value() + "\"}";
            case 2 -> "{\"from\":" + random.nextInt() + ",\"to\":[1,2],\"interval\":{}}";
            case 3 -> "{\"from\":\"2026-11-01\"";
            case 4 -> "{\"from\": tru";
            case 5 -> "[]";
            case 6 -> "null";
            case 7 -> "\"just a string\"";
            case 8 -> "[".repeat(2000 + random.nextInt(20000));
            case 9 -> "{\"a\":".repeat(1500) + "1" + "}".repeat(1500);
            case 10 -> "";
            case 11 -> "{\"from\":\"" + word(random.nextInt(10) == 0 ? 11_000_000 : 1_000_000 + random.nextInt(1_000_000))
                    + "\"}";
            case 12 -> "{\"from\":\"\\ud800\",\"to\":\"\\u0000\",\"unknown\":1e999999}";
            case 13 -> "from=2026-01-01&to=2026-02-01";
            case 14 -> null;
            default -> "{\"from\":\"" + unicode(5) + "\",\"to\":null,\"interval\":\"" + word(5) + "\",\"x\":1}";
        };
        if (json == null) {
            byte[] bytes = new byte[random.nextInt(4096)];
            random.nextBytes(bytes);
            return bytes;
        }
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(6) == 0 && bytes.length > 1) {
            // truncated: the body ends part way, but Content-Length says what was sent
            bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
        }
        return bytes;
    }

    private String word(int length) {
        StringBuilder w = new StringBuilder(length);
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789-_.~";
        for (int i = 0; i < length; i++) {
            w.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return w.toString();
    }

    /** Letters from several scripts, an emoji, a right-to-left mark and a combining accent. */
    private String unicode(int length) {
        String[] pieces = {"\u00e9", "\u00df", "\u4e2d", "\u0416", "\u05d0", "\u200f", "\u0301", "\ud83d\udca5",
            "\u00a0", "\u2028", "\ufeff", "\u0131"};
        StringBuilder u = new StringBuilder();
        for (int i = 0; i < length; i++) {
            u.append(pick(pieces));
        }
        return u.toString();
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }

    private String pick(List<String> options) {
        return options.get(random.nextInt(options.size()));
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "...(" + text.length() + " chars)";
    }
}
