// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "../SimOperated.sol";

/// Simulated Stader node registry (PermissionlessNodeRegistry and PermissionedNodeRegistry of stader-labs/ethx share
/// these views): nextValidatorId (ids start at 1) and the public validatorRegistry mapping's getter, whose struct
/// (INodeRegistry.Validator) comes back member by member. Each validator has its own withdraw vault; the devchain
/// has no VaultFactory, so vault i of a registry is the low 20 bytes of
/// keccak256(abi.encodePacked("sim stader vault", registry, i)), as the devchain's model derives it.
contract SimStaderNodeRegistry is SimOperated {
    uint256 public nextValidatorId;

    function simSetNextValidatorId(uint256 next) external onlySimOperator {
        nextValidatorId = next;
    }

    function validatorRegistry(uint256 id)
        external
        view
        returns (
            uint8 status,
            bytes memory pubkey,
            bytes memory preDepositSignature,
            bytes memory depositSignature,
            address withdrawVaultAddress,
            uint256 operatorId,
            uint256 depositBlock,
            uint256 withdrawnBlock
        )
    {
        if (id == 0 || id >= nextValidatorId) {
            return (0, "", "", "", address(0), 0, 0, 0); // an unset mapping entry
        }
        withdrawVaultAddress = address(uint160(uint256(keccak256(abi.encodePacked("sim stader vault", address(this), id)))));
        return (4, "", "", "", withdrawVaultAddress, 1, 0, 0); // 4: DEPOSITED
    }
}
