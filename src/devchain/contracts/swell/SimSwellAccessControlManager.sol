// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// Simulated Swell AccessControlManager (SwellNetwork/v3-core-public contracts/lst, IAccessControlManager):
/// the getter that names the DepositManager. Both sit at addresses of the devchain's own.
contract SimSwellAccessControlManager {
    function DepositManager() external pure returns (address) {
        return 0x0000000000000000000000000000000000051102;
    }
}
