package io.lsttracker.bench;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;

/**
 * The dashboard benchmark's baseline: a minimal HTML page from the same server, so the difference from the
 * dashboard is what the dashboard itself weighs and costs to render. Only in the "bench" environment.
 */
@Controller("/bench")
@Requires(env = "bench")
public class BlankPageController {
    private static final String PAGE = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<title>baseline</title></head><body><h1>lst-tracker</h1><p>baseline page</p>"
            + "<script>performance.mark('lst-rendered');</script></body></html>";

    @Get("/page")
    @Produces(MediaType.TEXT_HTML)
    public String page() {
        return PAGE;
    }
}
