package io.lsttracker.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The staking protocols the tracker knows how to read. Each pool in config/pools.yml names one, and the
 * protocol fixes which contract addresses the pool must give (its address roles) and the token's kind.
 */
public enum Protocol {
    /**
     * curated and simpledvt: Lido's NodeOperatorsRegistry modules; csm: its Community Staking Module; all read
     * for the operator concentration. withdrawalqueue: WithdrawalQueueERC721, read for the exits (liquidity).
     */
    LIDO(TokenKind.REBASING, List.of("steth", "wsteth"), List.of("curated", "simpledvt", "csm", "withdrawalqueue")),
    ROCKETPOOL(TokenKind.VALUE_ACCRUING, List.of("reth", "storage")),
    COINBASE(TokenKind.VALUE_ACCRUING, List.of("cbeth")),
    BINANCE(TokenKind.VALUE_ACCRUING, List.of("wbeth")),
    FRAX(TokenKind.VALUE_ACCRUING, List.of("sfrxeth")),
    MANTLE(TokenKind.VALUE_ACCRUING, List.of("meth", "staking")),
    STAKEWISE(TokenKind.VALUE_ACCRUING, List.of("oseth", "controller")),
    ETHERFI(TokenKind.REBASING, List.of("eeth", "weeth", "liquiditypool")),
    STADER(TokenKind.VALUE_ACCRUING, List.of("ethx", "manager")),
    SWELL(TokenKind.VALUE_ACCRUING, List.of("sweth")),
    ANKR(TokenKind.VALUE_ACCRUING, List.of("ankreth"));

    private final TokenKind tokenKind;
    private final List<String> addressRoles;
    private final List<String> optionalAddressRoles;

    Protocol(TokenKind tokenKind, List<String> addressRoles) {
        this(tokenKind, addressRoles, List.of());
    }

    Protocol(TokenKind tokenKind, List<String> addressRoles, List<String> optionalAddressRoles) {
        this.tokenKind = tokenKind;
        this.addressRoles = addressRoles;
        this.optionalAddressRoles = optionalAddressRoles;
    }

    public TokenKind tokenKind() {
        return tokenKind;
    }

    /** The keys a pool of this protocol must have under {@code addresses}, and may not exceed. */
    public List<String> addressRoles() {
        return addressRoles;
    }

    /** Keys a pool of this protocol may have under {@code addresses} in addition; without them it reads less. */
    public List<String> optionalAddressRoles() {
        return optionalAddressRoles;
    }

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Protocol> fromConfigName(String name) {
        return Arrays.stream(values()).filter(p -> p.configName().equals(name)).findFirst();
    }
}
