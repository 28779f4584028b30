package io.lsttracker.entity;

/**
 * Rule 2 of attribution: an address whose deposits to the beacon deposit contract are an entity's.
 *
 * @param address 0x and 40 lower-case hex digits
 * @param source  where the label comes from (config/entities.yml)
 */
public record Depositor(String address, String source) {
}
