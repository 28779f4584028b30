package io.lsttracker.api;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import org.reactivestreams.Publisher;

/**
 * TRACE is answered 405 everywhere: the static dashboard's route would otherwise answer it with the page, and a
 * TRACE that echoes is a tool of cross-site tracing. The API's routes answer only the methods they declare.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
final class TraceRefused implements HttpServerFilter {
    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        if (request.getMethod() == HttpMethod.TRACE) {
            return Publishers.just(HttpResponse.status(HttpStatus.METHOD_NOT_ALLOWED)
                    .body(new ApiError("method_not_allowed", "TRACE is not allowed on " + request.getPath())));
        }
        return chain.proceed(request);
    }
}
