// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// Lido's WithdrawalQueueERC721 as the liquidity tests read it (the view functions of lidofinance/core
/// contracts/0.8.9/WithdrawalQueueBase.sol and WithdrawalQueue.sol): 31,337.5 stETH unfinalized in requests 501 to
/// 512. Each request answers as made an hour before the block it is read at, so a reader that asks again at a later
/// block sees a different time: the tests show the tracker keeps the first one it read.
contract TestWithdrawalQueue {
    struct WithdrawalRequestStatus {
        uint256 amountOfStETH;
        uint256 amountOfShares;
        address owner;
        uint256 timestamp;
        bool isFinalized;
        bool isClaimed;
    }

    function unfinalizedStETH() external pure returns (uint256) {
        return 31337.5 ether;
    }

    function getLastRequestId() external pure returns (uint256) {
        return 512;
    }

    function getLastFinalizedRequestId() external pure returns (uint256) {
        return 500;
    }

    function getWithdrawalStatus(uint256[] calldata _requestIds)
        external
        view
        returns (WithdrawalRequestStatus[] memory statuses)
    {
        statuses = new WithdrawalRequestStatus[](_requestIds.length);
        for (uint256 i = 0; i < _requestIds.length; ++i) {
            statuses[i] = WithdrawalRequestStatus(1 ether, 1 ether, address(0xBEEF), block.timestamp - 3600,
                _requestIds[i] <= 500, false);
        }
    }
}
