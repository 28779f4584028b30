package io.lsttracker.api;

/** The body of every 4xx/5xx answer of the API: a stable code and a message that names what was wrong. */
public record ApiError(String error, String message) {
}
