// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "../SimOperated.sol";

/// Simulated Lido WithdrawalQueueERC721 at 0x889edC2eDab5f40e902b864aD4d7AdE8E412F9B1: the queue's views with the
/// signatures and the struct layout of lidofinance/lido-dao contracts/0.8.9/WithdrawalQueueBase.sol and
/// WithdrawalQueue.sol (abi/SOURCES.md). As there, requests are numbered from 1, each stores the cumulative stETH
/// and shares of the queue up to it and the block time it was made at, the unfinalized stETH is the cumulative
/// figure of the last request less that of the last finalized one, and an id of 0 or past the last request is
/// rejected with InvalidRequestId. The devchain's operator makes the requests (standing for stakers) and finalizes
/// them (standing for the accounting oracle's report); claims are not simulated.
contract SimLidoWithdrawalQueue is SimOperated {
    struct WithdrawalRequest {
        uint128 cumulativeStETH;
        uint128 cumulativeShares;
        address owner;
        uint64 timestamp;
        bool claimed;
    }

    /// getWithdrawalStatus's element, field for field as in Lido's WithdrawalQueueBase.
    struct WithdrawalRequestStatus {
        uint256 amountOfStETH;
        uint256 amountOfShares;
        address owner;
        uint256 timestamp;
        bool isFinalized;
        bool isClaimed;
    }

    mapping(uint256 => WithdrawalRequest) private queue;
    uint256 private lastRequestId;
    uint256 private lastFinalizedRequestId;

    event WithdrawalRequested(
        uint256 indexed requestId, address indexed requestor, address indexed owner, uint256 amountOfStETH,
        uint256 amountOfShares
    );
    error InvalidRequestId(uint256 _requestId);

    /// A staker's request, timestamped with the block it is mined in.
    function simRequest(uint256 amountOfStETH, uint256 amountOfShares, address owner) external onlySimOperator {
        WithdrawalRequest memory last = queue[lastRequestId];
        lastRequestId += 1;
        queue[lastRequestId] = WithdrawalRequest(
            last.cumulativeStETH + uint128(amountOfStETH), last.cumulativeShares + uint128(amountOfShares), owner,
            uint64(block.timestamp), false
        );
        emit WithdrawalRequested(lastRequestId, owner, owner, amountOfStETH, amountOfShares);
    }

    /// The oracle report's finalization of every request up to `toRequestId`, at face value (no discount).
    function simFinalize(uint256 toRequestId) external onlySimOperator {
        if (toRequestId <= lastFinalizedRequestId || toRequestId > lastRequestId) revert InvalidRequestId(toRequestId);
        lastFinalizedRequestId = toRequestId;
    }

    function getLastRequestId() external view returns (uint256) {
        return lastRequestId;
    }

    function getLastFinalizedRequestId() external view returns (uint256) {
        return lastFinalizedRequestId;
    }

    function unfinalizedRequestNumber() external view returns (uint256) {
        return lastRequestId - lastFinalizedRequestId;
    }

    function unfinalizedStETH() external view returns (uint256) {
        return queue[lastRequestId].cumulativeStETH - queue[lastFinalizedRequestId].cumulativeStETH;
    }

    function getWithdrawalStatus(uint256[] calldata _requestIds)
        external
        view
        returns (WithdrawalRequestStatus[] memory statuses)
    {
        statuses = new WithdrawalRequestStatus[](_requestIds.length);
        for (uint256 i = 0; i < _requestIds.length; ++i) {
            uint256 id = _requestIds[i];
            if (id == 0 || id > lastRequestId) revert InvalidRequestId(id);
            WithdrawalRequest memory request = queue[id];
            WithdrawalRequest memory previous = queue[id - 1];
            statuses[i] = WithdrawalRequestStatus(
                request.cumulativeStETH - previous.cumulativeStETH, request.cumulativeShares - previous.cumulativeShares,
                request.owner, request.timestamp, id <= lastFinalizedRequestId, request.claimed
            );
        }
    }
}
