package io.lsttracker.api;

import io.micronaut.http.HttpRequest;

/** The media type a series is answered in: the {@code format} parameter (json, csv), else the Accept header. */
final class Formats {
    private Formats() {
    }

    static boolean wantsCsv(HttpRequest<?> request, String format) {
        if (format != null) {
            switch (format) {
                case "csv":
                    return true;
                case "json":
                    return false;
                default:
                    throw ApiException.badParameter("format", "'" + format + "' is not one of json, csv");
            }
        }
        return request.accept().stream().anyMatch(type -> "text/csv".equals(type.getName()));
    }
}
