package io.lsttracker.api;

import io.lsttracker.store.StoreException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.exceptions.HttpStatusException;
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

    @Error(global = true, exception = StoreException.class)
    public HttpResponse<ApiError> store(StoreException e) {
        LOG.error("database error: {}", e.getMessage());
        return respond(HttpStatus.SERVICE_UNAVAILABLE, "database_unavailable", "the database did not answer");
    }

    @Error(global = true, exception = Throwable.class)
    public HttpResponse<ApiError> unexpected(HttpRequest<?> request, Throwable e) {
        LOG.error("unexpected error on {} {}", request.getMethod(), request.getPath(), e);
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", "unexpected error; see the tracker's log");
    }

    private static MutableHttpResponse<ApiError> respond(HttpStatus status, String code, String message) {
        return HttpResponse.<ApiError>status(status).body(new ApiError(code, message));
    }
}
