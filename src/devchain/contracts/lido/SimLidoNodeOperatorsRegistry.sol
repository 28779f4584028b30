// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "../SimOperated.sol";

/// Simulated Lido NodeOperatorsRegistry, the contract of the Curated module (0x55032650b14df07b85bF18A3a3eC8E0Af2e028d5)
/// and of SimpleDVT (0xaE7B191A31f627b4eB1d4DaC64eaB9976995b433): the two view functions the tracker reads, with
/// Lido's signatures. Operators are numbered from 0 in the order they are added; an unknown id reverts, as
/// Lido's _onlyExistedNodeOperator does; the name is returned only when _fullInfo is true.
contract SimLidoNodeOperatorsRegistry is SimOperated {
    struct Operator {
        bool active;
        string name;
        address rewardAddress;
        uint64 exited;
        uint64 deposited;
    }

    Operator[] private operators;

    function simAddOperator(string calldata name, address rewardAddress, uint256 deposited, uint256 exited, uint256 active)
        external
        onlySimOperator
    {
        require(exited <= deposited, "exited above deposited");
        operators.push(Operator(active != 0, name, rewardAddress, uint64(exited), uint64(deposited)));
    }

    /// Deposits and exits of one operator: the new totals (both only ever grow on mainnet).
    function simSetValidators(uint256 id, uint256 deposited, uint256 exited) external onlySimOperator {
        require(id < operators.length, "OUT_OF_RANGE");
        require(exited <= deposited, "exited above deposited");
        operators[id].deposited = uint64(deposited);
        operators[id].exited = uint64(exited);
    }

    function getNodeOperatorsCount() external view returns (uint256) {
        return operators.length;
    }

    function getNodeOperator(uint256 _nodeOperatorId, bool _fullInfo)
        external
        view
        returns (
            bool active,
            string memory name,
            address rewardAddress,
            uint64 totalVettedValidators,
            uint64 totalExitedValidators,
            uint64 totalAddedValidators,
            uint64 totalDepositedValidators
        )
    {
        require(_nodeOperatorId < operators.length, "OUT_OF_RANGE");
        Operator storage op = operators[_nodeOperatorId];
        // vetted and added keys: a few keys above the deposited ones, as a module keeps some ready
        return (op.active, _fullInfo ? op.name : "", op.rewardAddress, op.deposited + 50, op.exited,
            op.deposited + 80, op.deposited);
    }
}
