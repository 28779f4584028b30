package io.lsttracker.entity;

/** Which rule attributed a validator (docs/ENTITIES.md), in the order they are tried. */
public enum Rule {
    /** Rule 1: its withdrawal credentials are named by a protocol's own contracts. */
    CREDENTIALS("credentials"),
    /** Rule 2: its first deposit's transaction was sent by a labelled address. */
    DEPOSIT_SENDER("deposit-sender"),
    /** Rule 2: its first deposit's transaction targeted a labelled address (a deposit contract). */
    DEPOSIT_TARGET("deposit-target"),
    /** No rule: unidentified. */
    NONE("none");

    private final String apiName;

    Rule(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }
}
