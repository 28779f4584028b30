package io.lsttracker.alert;

import java.util.List;

/** The alert rules and the webhooks of config/alerts.yml, as loaded and checked by {@link AlertConfigLoader}. */
public record AlertConfig(String source, List<AlertRule> rules, List<Webhook> webhooks) {
    public AlertConfig {
        rules = List.copyOf(rules);
        webhooks = List.copyOf(webhooks);
    }
}
