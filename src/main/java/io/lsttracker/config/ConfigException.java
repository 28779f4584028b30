package io.lsttracker.config;

/** Configuration that cannot be used. The message names the offending key, so start-up can stop with it. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
