// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "../SimOperated.sol";

/// Simulated Lido stETH at 0xae7ab96520DE3A18E5e111B5EaAb095312D7fE84: the view functions the tracker
/// reads and the TokenRebased event of Lido's accounting oracle report, with the same signatures and
/// the same share arithmetic (pooled ether per share = totalPooledEther / totalShares, rounded down).
/// The devchain computes each report off chain and applies it here.
contract SimLidoStETH is SimOperated {
    uint256 private totalPooledEther;
    uint256 private totalShares;
    uint256 private depositedValidators;
    uint256 private beaconValidators;
    uint256 private beaconBalance;
    /// Lido's withdrawal credentials as on mainnet: 0x01, 11 zero bytes, the withdrawal vault
    /// 0xB9D7934878B5FB9610B3fE8A5e441e8fad7E293f; the devchain's Lido validators carry them.
    bytes32 private constant WITHDRAWAL_CREDENTIALS =
        0x010000000000000000000000b9d7934878b5fb9610b3fe8a5e441e8fad7e293f;

    event TokenRebased(
        uint256 indexed reportTimestamp,
        uint256 timeElapsed,
        uint256 preTotalShares,
        uint256 preTotalEther,
        uint256 postTotalShares,
        uint256 postTotalEther,
        uint256 sharesMintedAsFees
    );

    /// Deposits and withdrawals between reports: they move shares and ether at the current share rate.
    function simSetTotals(uint256 pooledEther, uint256 shares, uint256 deposited) external onlySimOperator {
        totalPooledEther = pooledEther;
        totalShares = shares;
        depositedValidators = deposited;
    }

    /// An accounting oracle report: rewards (or a loss) change the pooled ether, fees mint shares.
    function simReport(
        uint256 reportTimestamp,
        uint256 timeElapsed,
        uint256 postTotalEther,
        uint256 postTotalShares,
        uint256 sharesMintedAsFees,
        uint256 newBeaconValidators,
        uint256 newBeaconBalance
    ) external onlySimOperator {
        uint256 preTotalShares = totalShares;
        uint256 preTotalEther = totalPooledEther;
        totalPooledEther = postTotalEther;
        totalShares = postTotalShares;
        beaconValidators = newBeaconValidators;
        beaconBalance = newBeaconBalance;
        emit TokenRebased(
            reportTimestamp, timeElapsed, preTotalShares, preTotalEther, postTotalShares, postTotalEther, sharesMintedAsFees
        );
    }

    function getPooledEthByShares(uint256 _sharesAmount) public view returns (uint256) {
        return _sharesAmount * totalPooledEther / totalShares;
    }

    function getTotalPooledEther() external view returns (uint256) {
        return totalPooledEther;
    }

    function getTotalShares() external view returns (uint256) {
        return totalShares;
    }

    function totalSupply() external view returns (uint256) {
        return totalPooledEther;
    }

    function getBeaconStat()
        external
        view
        returns (uint256 _depositedValidators, uint256 _beaconValidators, uint256 _beaconBalance)
    {
        return (depositedValidators, beaconValidators, beaconBalance);
    }

    /// Lido's signature (Lido.sol): the credentials every Lido validator is deposited with.
    function getWithdrawalCredentials() external pure returns (bytes32) {
        return WITHDRAWAL_CREDENTIALS;
    }
}
