// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "../SimOperated.sol";

/// Simulated Lido Community Staking Module (CSModule, 0xdA7dE2ECdDfccC6c3AF10108Db212ACBBf9EA83F): the three view
/// functions the tracker reads, with CSModule's signatures (IStakingModule's getNodeOperatorsCount and
/// getNodeOperatorSummary; v2's getNodeOperatorManagementProperties). Operators are numbered from 0 in the order
/// they are added; an unknown id reverts, as CSModule's _onlyExistingNodeOperator does.
contract SimLidoCSModule is SimOperated {
    struct Operator {
        address managerAddress;
        address rewardAddress;
        uint32 exited;
        uint32 deposited;
    }

    struct NodeOperatorManagementProperties {
        address managerAddress;
        address rewardAddress;
        bool extendedManagerPermissions;
    }

    Operator[] private operators;

    function simAddOperator(address managerAddress, address rewardAddress, uint256 deposited, uint256 exited)
        external
        onlySimOperator
    {
        require(exited <= deposited, "exited above deposited");
        operators.push(Operator(managerAddress, rewardAddress, uint32(exited), uint32(deposited)));
    }

    /// Deposits and exits of one operator: the new totals (both only ever grow on mainnet).
    function simSetValidators(uint256 id, uint256 deposited, uint256 exited) external onlySimOperator {
        require(id < operators.length, "NodeOperatorDoesNotExist");
        require(exited <= deposited, "exited above deposited");
        operators[id].deposited = uint32(deposited);
        operators[id].exited = uint32(exited);
    }

    function getNodeOperatorsCount() external view returns (uint256) {
        return operators.length;
    }

    function getNodeOperatorSummary(uint256 nodeOperatorId)
        external
        view
        returns (
            uint256 targetLimitMode,
            uint256 targetValidatorsCount,
            uint256 stuckValidatorsCount,
            uint256 refundedValidatorsCount,
            uint256 stuckPenaltyEndTimestamp,
            uint256 totalExitedValidators,
            uint256 totalDepositedValidators,
            uint256 depositableValidatorsCount
        )
    {
        require(nodeOperatorId < operators.length, "NodeOperatorDoesNotExist");
        Operator storage op = operators[nodeOperatorId];
        // no target limit, nothing stuck or refunded; a few keys ready for deposit
        return (0, 0, 0, 0, 0, op.exited, op.deposited, 3);
    }

    function getNodeOperatorManagementProperties(uint256 nodeOperatorId)
        external
        view
        returns (NodeOperatorManagementProperties memory)
    {
        require(nodeOperatorId < operators.length, "NodeOperatorDoesNotExist");
        Operator storage op = operators[nodeOperatorId];
        return NodeOperatorManagementProperties(op.managerAddress, op.rewardAddress, false);
    }
}
