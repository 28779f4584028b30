package io.lsttracker.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The admin endpoints' guard: off (404) unless {@code tracker.admin.token} (LST_ADMIN_TOKEN) is set; then a
 * request needs "Authorization: Bearer TOKEN". The comparison is of SHA-256 digests with
 * MessageDigest.isEqual, which takes the same time wherever the first difference is, and hashing first hides
 * the token's length too.
 */
@Singleton
public class AdminToken {
    private final byte[] expected;

    public AdminToken(ApiSettings settings) {
        String token = settings.admin().token();
        this.expected = token == null || token.isBlank() ? null : sha256(token.trim());
    }

    public void check(@Nullable String authorization) {
        if (expected == null) {
            throw ApiException.notFound("the admin endpoints are off: set tracker.admin.token (LST_ADMIN_TOKEN) "
                    + "to turn them on");
        }
        String prefix = "Bearer ";
        if (authorization == null || !authorization.regionMatches(true, 0, prefix, 0, prefix.length())) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "unauthorized",
                    "the admin endpoints need the header 'Authorization: Bearer <tracker.admin.token>'");
        }
        if (!MessageDigest.isEqual(expected, sha256(authorization.substring(prefix.length()).trim()))) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "unauthorized", "the admin token is wrong");
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
