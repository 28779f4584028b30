// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// Base of the devchain's simulated protocol contracts.
/// The devchain installs runtime code with anvil_setCode, so no constructor ever runs: the first
/// account that calls `simClaim` becomes the operator, and only it may move the simulated state.
abstract contract SimOperated {
    address public simOperator;

    modifier onlySimOperator() {
        require(msg.sender == simOperator, "SimOperated: not the operator");
        _;
    }

    function simClaim() external {
        require(simOperator == address(0), "SimOperated: already claimed");
        simOperator = msg.sender;
    }
}
