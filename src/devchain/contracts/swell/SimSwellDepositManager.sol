// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// Simulated Swell DepositManager (SwellNetwork/v3-core-public contracts/lst/contracts/implementations/DepositManager.sol):
/// getWithdrawalCredentials() is 0x01, 11 zero bytes and the DepositManager's own address, the credentials of every
/// validator its setupValidators deposits.
contract SimSwellDepositManager {
    function getWithdrawalCredentials() external view returns (bytes memory) {
        return abi.encodePacked(bytes1(0x01), bytes11(0), address(this));
    }
}
