package io.lsttracker.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON body of an event per webhook format. Generic: every field, amounts as decimal strings. Slack
 * (incoming webhooks take {"text"}) and Discord (execute-webhook takes {"content"}): one line of text that ends
 * with the event id, since neither drops duplicates by itself.
 */
final class WebhookBodies {
    private static final ObjectMapper JSON = new ObjectMapper();

    private WebhookBodies() {
    }

    static String body(Webhook.Format format, AlertEvent e) {
        Map<String, Object> body = new LinkedHashMap<>();
        switch (format) {
            case GENERIC -> {
                body.put("id", e.id());
                body.put("kind", e.kind().name().toLowerCase());
                body.put("rule", e.ruleId());
                body.put("metric", e.metric().configName());
                body.put("subject", e.subject());
                body.put("value", e.value().toPlainString());
                body.put("threshold", e.threshold().toPlainString());
                body.put("direction", e.direction().configName());
                body.put("time", e.occurredAt().toString());
                body.put("blockNumber", e.blockNumber().orElse(null));
                body.put("message", e.message());
            }
            case SLACK -> body.put("text", line(e));
            case DISCORD -> body.put("content", line(e));
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("alert event is not serializable", ex);
        }
    }

    private static String line(AlertEvent e) {
        return (e.kind() == AlertTransition.Kind.FIRING ? "FIRING: " : "RESOLVED: ") + e.message() + " at "
                + e.occurredAt() + " [event " + e.id() + "]";
    }
}
