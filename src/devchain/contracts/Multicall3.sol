// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// The subset of Multicall3 the tracker uses, with the canonical interface of the contract deployed at
/// 0xcA11bde05977b3631167028862bE2a173976CA11 on mainnet: aggregate3 runs each call as a static-like
/// call from this contract and, where allowFailure is set, reports a failing call instead of reverting.
contract Multicall3 {
    struct Call3 {
        address target;
        bool allowFailure;
        bytes callData;
    }

    struct Result {
        bool success;
        bytes returnData;
    }

    function aggregate3(Call3[] calldata calls) public payable returns (Result[] memory returnData) {
        uint256 length = calls.length;
        returnData = new Result[](length);
        for (uint256 i = 0; i < length; i++) {
            Call3 calldata call = calls[i];
            (bool success, bytes memory ret) = call.target.call(call.callData);
            require(success || call.allowFailure, "Multicall3: call failed");
            returnData[i] = Result(success, ret);
        }
    }

    function getBlockNumber() public view returns (uint256) {
        return block.number;
    }

    function getCurrentBlockTimestamp() public view returns (uint256) {
        return block.timestamp;
    }
}
