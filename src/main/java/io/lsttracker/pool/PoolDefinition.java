package io.lsttracker.pool;

import io.lsttracker.domain.PoolId;
import io.lsttracker.domain.Protocol;
import io.lsttracker.domain.TokenKind;
import java.util.Map;
import org.web3j.abi.datatypes.Address;

/**
 * One pool of the registry: which protocol reads it, its token, and its contracts by role (the roles each
 * protocol needs are listed in {@link Protocol#addressRoles()}).
 */
public record PoolDefinition(PoolId id, String name, Protocol protocol, String token, Map<String, Address> addresses) {
    public PoolDefinition {
        addresses = Map.copyOf(addresses);
    }

    public Address address(String role) {
        Address address = addresses.get(role);
        if (address == null) {
            throw new IllegalStateException("pool " + id + " has no '" + role + "' address");
        }
        return address;
    }

    /** An address the protocol may be given but can do without (see {@link Protocol#optionalAddressRoles()}). */
    public java.util.Optional<Address> optionalAddress(String role) {
        return java.util.Optional.ofNullable(addresses.get(role));
    }

    public TokenKind tokenKind() {
        return protocol.tokenKind();
    }
}
