// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// Simulated beacon chain deposit contract, installed at mainnet's 0x00000000219ab540356cBB839Cbe05303d7705Fa.
/// It emits DepositEvent with the deployed contract's layout (ethereum/consensus-specs,
/// solidity_deposit_contract/deposit_contract.sol): five unindexed `bytes` fields, the amount in gwei and the
/// deposit's index each as 8 bytes little-endian, so the tracker reads its logs as it reads mainnet's.
///
/// The simulation needs many deposits placed cheaply, so instead of mainnet's one-deposit `deposit` (which
/// also checks a deposit data root) it offers `simBatchDeposit`: one transaction, from the depositing
/// address, makes many deposits. Signatures are 96 zero bytes: nothing on the devchain verifies BLS.
contract SimDepositContract {
    event DepositEvent(bytes pubkey, bytes withdrawal_credentials, bytes amount, bytes signature, bytes index);

    uint256 private constant PUBKEY_LENGTH = 48;
    uint256 private constant CREDENTIALS_LENGTH = 32;
    uint64 private depositCount;

    /// As mainnet's: the number of deposits so far, 8 bytes little-endian.
    function get_deposit_count() external view returns (bytes memory) {
        return littleEndian64(depositCount);
    }

    /// Deposits `amountsGwei.length` validators: pubkeys and withdrawal credentials concatenated in that
    /// order (48 and 32 bytes each); the value sent must be the amounts' sum, each at least 1 ETH as mainnet
    /// requires.
    function simBatchDeposit(bytes calldata pubkeys, bytes calldata withdrawalCredentials,
            uint64[] calldata amountsGwei) external payable {
        uint256 n = amountsGwei.length;
        require(pubkeys.length == n * PUBKEY_LENGTH, "SimDepositContract: pubkeys must be 48 bytes each");
        require(withdrawalCredentials.length == n * CREDENTIALS_LENGTH,
            "SimDepositContract: withdrawal credentials must be 32 bytes each");
        bytes memory signature = new bytes(96);
        uint256 totalGwei;
        uint64 count = depositCount;
        for (uint256 i = 0; i < n; i++) {
            uint64 amount = amountsGwei[i];
            require(amount >= 1 ether / 1 gwei, "SimDepositContract: deposit value too low");
            totalGwei += amount;
            emit DepositEvent(
                pubkeys[i * PUBKEY_LENGTH:(i + 1) * PUBKEY_LENGTH],
                withdrawalCredentials[i * CREDENTIALS_LENGTH:(i + 1) * CREDENTIALS_LENGTH],
                littleEndian64(amount),
                signature,
                littleEndian64(count));
            count++;
        }
        require(msg.value == totalGwei * 1 gwei, "SimDepositContract: value must be the deposits' sum");
        depositCount = count;
    }

    function littleEndian64(uint64 value) private pure returns (bytes memory out) {
        out = new bytes(8);
        for (uint256 i = 0; i < 8; i++) {
            out[i] = bytes1(uint8(value >> (8 * i)));
        }
    }
}
