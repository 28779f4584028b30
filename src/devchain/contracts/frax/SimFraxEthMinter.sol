// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "../SimOperated.sol";

/// Simulated frxETHMinter at 0xbAFA44EFE7901E04E39Dad13167D089C559c1138: the DepositSent(bytes indexed pubKey,
/// bytes withdrawalCredential) event that FraxFinance/frxETH-public src/frxETHMinter.sol depositEther emits for each
/// validator it funds. Its credentials (OperatorRegistry's curr_withdrawal_pubkey) have no getter, so the logs are
/// what names them. The deposits themselves are in the deposit contract; here the operator emits their events.
contract SimFraxEthMinter is SimOperated {
    event DepositSent(bytes indexed pubKey, bytes withdrawalCredential);

    /// One event per 48-byte key of `pubkeys`, all with `credentials`.
    function simDepositsSent(bytes calldata pubkeys, bytes calldata credentials) external onlySimOperator {
        require(pubkeys.length % 48 == 0, "SimFraxEthMinter: pubkeys are 48 bytes each");
        for (uint256 i = 0; i < pubkeys.length; i += 48) {
            emit DepositSent(pubkeys[i:i + 48], credentials);
        }
    }
}
