package io.lsttracker.domain;

/**
 * How a token passes staking rewards to its holder: a rebasing token (stETH) keeps 1 token = 1 ETH and
 * grows the holder's balance; a value-accruing token (rETH, wstETH) keeps the balance and grows the ETH
 * each token is worth.
 */
public enum TokenKind {
    REBASING,
    VALUE_ACCRUING
}
