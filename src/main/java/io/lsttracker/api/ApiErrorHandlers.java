package io.lsttracker.api;

import io.lsttracker.db.DatabaseName;
import io.lsttracker.db.StoreException;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.exceptions.BufferLengthExceededException;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.server.netty.configuration.NettyHttpServerConfiguration;
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.netty.handler.codec.TooLongFrameException;
import java.net.URISyntaxException;
import io.micronaut.json.JsonSyntaxException;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every error of the HTTP API as {@code {error, message}}: bad input is a 400 or 404 that names the
 * parameter, never a 500 and never a stack trace. A failure of our own is a 500 with a generic message (the
 * details go to the log, not to the client).
 */
@Controller
public class ApiErrorHandlers {
    private static final Logger LOG = LoggerFactory.getLogger(ApiErrorHandlers.class);
    private final NettyHttpServerConfiguration limits;
    private final String database;

    public ApiErrorHandlers(NettyHttpServerConfiguration limits, @Value("${datasources.default.url:}") String jdbcUrl) {
        this.limits = limits;
        this.database = DatabaseName.of(jdbcUrl);
    }

    @Error(global = true, exception = ApiException.class)
    public HttpResponse<ApiError> api(ApiException e) {
        return respond(e.status(), e.code(), e.getMessage());
    }

    @Error(global = true, exception = UnsatisfiedRouteException.class)
    public HttpResponse<ApiError> unsatisfied(UnsatisfiedRouteException e) {
        return respond(HttpStatus.BAD_REQUEST, "bad_request", "parameter '" + e.getArgument().getName() + "' is required");
    }

    @Error(global = true, exception = ConversionErrorException.class)
    public HttpResponse<ApiError> conversion(ConversionErrorException e) {
        return respond(HttpStatus.BAD_REQUEST, "bad_request", "parameter '" + e.getArgument().getName()
                + "' has an invalid value");
    }

    @Error(global = true, exception = JsonSyntaxException.class)
    public HttpResponse<ApiError> badJson(JsonSyntaxException e) {
        return respond(HttpStatus.BAD_REQUEST, "bad_request", "the request body is not valid JSON");
    }

    @Error(global = true, status = HttpStatus.NOT_FOUND)
    public HttpResponse<ApiError> notFound(HttpRequest<?> request) {
        return respond(HttpStatus.NOT_FOUND, "not_found", "no resource at " + request.getPath());
    }

    @Error(global = true, status = HttpStatus.METHOD_NOT_ALLOWED)
    public HttpResponse<ApiError> methodNotAllowed(HttpRequest<?> request) {
        return respond(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed",
                request.getMethod() + " is not allowed on " + request.getPath());
    }

    @Error(global = true, status = HttpStatus.UNSUPPORTED_MEDIA_TYPE)
    public HttpResponse<ApiError> unsupportedMediaType(HttpRequest<?> request) {
        return respond(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                "content type " + request.getContentType().map(Object::toString).orElse("(none)") + " is not accepted");
    }

    @Error(global = true, status = HttpStatus.NOT_ACCEPTABLE)
    public HttpResponse<ApiError> notAcceptable(HttpRequest<?> request) {
        return respond(HttpStatus.NOT_ACCEPTABLE, "not_acceptable", "no representation matches the Accept header");
    }

    @Error(global = true, exception = HttpStatusException.class)
    public HttpResponse<ApiError> status(HttpStatusException e) {
        HttpStatus status = e.getStatus();
        return respond(status, status.getReason().toLowerCase().replace(' ', '_'), e.getMessage());
    }

    /**
     * A path or query Java's URI parser refuses (a stray '%', '%zz', a raw space or control character): the
     * request never reached a route, so it is the client's, not ours.
     */
    @Error(global = true, exception = URISyntaxException.class)
    public HttpResponse<ApiError> badUri(URISyntaxException e) {
        return closing(respond(HttpStatus.BAD_REQUEST, "bad_request",
                "the request path or query is not a valid URI: " + e.getReason() + " at index " + e.getIndex()
                        + " (percent-encode reserved and non-ASCII characters)"));
    }

    /**
     * Netty refuses a request line, the headers or a body over the server's limits before any route runs; the
     * status is 413 for all three (Micronaut's mapping of TooLongFrameException), so the message names them.
     */
    @Error(global = true, status = HttpStatus.REQUEST_ENTITY_TOO_LARGE)
    public HttpResponse<ApiError> tooLarge(HttpRequest<?> request) {
        return closing(respond(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "request_too_large",
                tooLargeMessage()));
    }

    @Error(global = true, exception = ContentLengthExceededException.class)
    public HttpResponse<ApiError> bodyTooLarge(ContentLengthExceededException e) {
        return closing(respond(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "request_too_large", tooLargeMessage()));
    }

    @Error(global = true, exception = BufferLengthExceededException.class)
    public HttpResponse<ApiError> bufferTooLarge(BufferLengthExceededException e) {
        return closing(respond(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "request_too_large", tooLargeMessage()));
    }

    private String tooLargeMessage() {
        return "the request is too large: at most " + limits.getMaxInitialLineLength()
                + " bytes of request line (method, path and query), " + limits.getMaxHeaderSize()
                + " bytes of headers and " + limits.getMaxRequestSize() + " bytes of body";
    }

    @Error(global = true, exception = StoreException.class)
    public HttpResponse<ApiError> store(StoreException e) {
        LOG.error("database error: {}", e.getMessage());
        return respond(HttpStatus.SERVICE_UNAVAILABLE, "database_unavailable", "the database (" + database
                + ") did not answer; the stored history is served again once it does");
    }

    /** A request line or header over Netty's limits (max-initial-line-length, max-header-size). */
    @Error(global = true, exception = TooLongFrameException.class)
    public HttpResponse<ApiError> tooLong(TooLongFrameException e) {
        return closing(respond(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "request_too_large",
                tooLargeMessage()));
    }

    @Error(global = true, exception = Throwable.class)
    public HttpResponse<ApiError> unexpected(HttpRequest<?> request, Throwable e) {
        if (undecodable(request)) {
            // Netty could not decode the request (e.g. a raw space in the path splits the request line): the
            // exception is its parser's, and the fault the client's.
            return closing(respond(HttpStatus.BAD_REQUEST, "bad_request",
                    "the request is not well-formed HTTP"));
        }
        LOG.error("unexpected error on {} {}", request.getMethod(), request.getPath(), e);
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", "unexpected error; see the tracker's log");
    }

    private static boolean undecodable(HttpRequest<?> request) {
        return request instanceof NettyHttpRequest<?> netty && netty.getNativeRequest().decoderResult().isFailure();
    }

    /**
     * Answers to a request that never became a routable request (a bad URI, a line or header over Netty's
     * limits, a line that is not HTTP) close the connection: Netty's decoder may have failed on it and then
     * discards the rest of the connection's input, so a kept-alive client would wait for answers that never
     * come (the fuzz run saw it after a bad URI with a 9 kB header, where the URI error is the one reported).
     */
    private static MutableHttpResponse<ApiError> closing(MutableHttpResponse<ApiError> response) {
        return response.header(HttpHeaders.CONNECTION, "close");
    }

    private static MutableHttpResponse<ApiError> respond(HttpStatus status, String code, String message) {
        return HttpResponse.<ApiError>status(status).body(new ApiError(code, message));
    }
}
