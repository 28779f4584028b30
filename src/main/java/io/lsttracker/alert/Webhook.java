package io.lsttracker.alert;

import java.net.URI;
import java.util.Locale;

/** A webhook from config/alerts.yml: where events are POSTed, and in which body format. */
public record Webhook(String name, URI url, Format format) {

    /** generic: our JSON event; slack: {"text"} (incoming webhooks); discord: {"content"} (execute webhook). */
    public enum Format {
        GENERIC, SLACK, DISCORD;

        public String configName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
