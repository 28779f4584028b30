package io.lsttracker.api;

import io.micronaut.http.HttpStatus;

/** A request the API refuses, with the status and the message the client gets. */
public class ApiException extends RuntimeException {
    private final HttpStatus status;
    private final String code;

    public ApiException(HttpStatus status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public static ApiException badParameter(String parameter, String problem) {
        return new ApiException(HttpStatus.BAD_REQUEST, "bad_request", "parameter '" + parameter + "': " + problem);
    }

    public static ApiException notFound(String message) {
        return new ApiException(HttpStatus.NOT_FOUND, "not_found", message);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }
}
