package io.lsttracker.entity;

import io.lsttracker.beacon.Validator;
import java.util.Map;
import java.util.Optional;

/**
 * Attributes one validator to an entity by the rules of docs/ENTITIES.md: rule 1 (credentials named by a
 * protocol's contracts), then rule 2 (the first deposit's sender, then its target), else unidentified. A later
 * rule that names another entity is kept as a conflict. Pure: what the chain says comes in as arguments.
 */
public final class Attribution {
    private final EntityRegistry registry;
    private final Map<String, CredentialSource> credentialAddresses;

    /**
     * @param credentialAddresses the execution addresses (0x and 40 lower-case hex digits) that rule 1's sources
     *                            name, each with its source: Lido's vault, Rocket Pool's minipools, StakeWise's vaults
     */
    public Attribution(EntityRegistry registry, Map<String, CredentialSource> credentialAddresses) {
        this.registry = registry;
        this.credentialAddresses = credentialAddresses;
    }

    /**
     * One validator's attribution.
     *
     * @param entity   the entity's id, or {@link Entity#UNIDENTIFIED}
     * @param rule     the rule that attributed it
     * @param evidence what matched: the credential source's name for rule 1, the labelled address for rule 2
     * @param conflict a later rule that named another entity, if any
     */
    public record Attributed(String entity, Rule rule, String evidence, Optional<Conflict> conflict) {
    }

    /** A rule that named another entity than the one that won. */
    public record Conflict(String entity, Rule rule, String evidence) {
    }

    /**
     * @param deposit the validator's first deposit, or null if the index has none for its pubkey
     */
    public Attributed attribute(Validator validator, FirstDeposit deposit) {
        Attributed byCredentials = byCredentials(validator);
        Attributed bySender = deposit == null ? null : byAddress(deposit.from(), Rule.DEPOSIT_SENDER);
        Attributed byTarget = deposit == null || deposit.to() == null ? null
                : byAddress(deposit.to(), Rule.DEPOSIT_TARGET);
        Attributed winner = null;
        Optional<Conflict> conflict = Optional.empty();
        for (Attributed candidate : new Attributed[] {byCredentials, bySender, byTarget}) {
            if (candidate == null) {
                continue;
            }
            if (winner == null) {
                winner = candidate;
            } else if (conflict.isEmpty() && !candidate.entity().equals(winner.entity())) {
                conflict = Optional.of(new Conflict(candidate.entity(), candidate.rule(), candidate.evidence()));
            }
        }
        if (winner == null) {
            return new Attributed(Entity.UNIDENTIFIED, Rule.NONE, "", Optional.empty());
        }
        return new Attributed(winner.entity(), winner.rule(), winner.evidence(), conflict);
    }

    /**
     * The credentials in force (the beacon state's, so a 0x00 validator that changed to 0x01 is read by its new
     * address). 0x01 and 0x02 (compounding) credentials carry the same execution address in their last 20 bytes;
     * 0x00 ones carry a hash of a BLS key, which no contract names.
     */
    private Attributed byCredentials(Validator validator) {
        String type = validator.credentialsType();
        if (!type.equals("01") && !type.equals("02")) {
            return null;
        }
        String address = "0x" + validator.withdrawalCredentials().substring(26);
        CredentialSource source = credentialAddresses.get(address);
        if (source == null) {
            return null;
        }
        return registry.byCredentials(source)
                .map(e -> new Attributed(e.id(), Rule.CREDENTIALS, source.configName(), Optional.empty()))
                .orElse(null);
    }

    private Attributed byAddress(String address, Rule rule) {
        return registry.byDepositor(address)
                .map(e -> new Attributed(e.id(), rule, address, Optional.empty()))
                .orElse(null);
    }
}
