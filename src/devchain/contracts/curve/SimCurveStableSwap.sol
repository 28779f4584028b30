// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "../SimOperated.sol";

/// A simulated two-coin Curve StableSwap pool, placed at the address of a real Curve market of a liquid staking
/// token (coin 0 ETH or WETH, coin 1 the token). It answers the pool's views with mainnet's selectors:
/// coins(uint256), balances(uint256), fee(), A(), and get_dy in the two signatures Curve's pools use (the
/// int128 one of the classic and stableswap-ng pools, the uint256 one of the crypto pools), in the contracts below.
///
/// The quote is the StableSwap invariant (Egorov, "StableSwap - efficient mechanism for Stablecoin liquidity",
/// 2019) for n = 2 coins, written here from the paper:
///     A n^n sum(x) + D = A D n^n + D^(n+1) / (n^n prod(x))
/// solved by Newton's method for D (given the balances) and for the bought coin's balance y (given D and the sold
/// coin's new balance), in integers with Curve's conventions as in curvefi/curve-contract
/// contracts/pools/steth/StableSwapSTETH.vy (abi/SOURCES.md): the stored amplification is A n^(n-1) scaled by
/// A_PRECISION = 100 (A() answers it unscaled), so Ann = A n; one wei is kept back from the output (xp[j] - y - 1);
/// the fee is in units of 1e10 and taken from the output. An empty pool (a zero balance) reverts, as Curve's does.
///
/// Balances are stored numbers (the simulation holds no coins); the devchain's operator moves them, standing for
/// swaps and deposits. A token that accrues value is priced through a rate oracle, as stableswap-ng pools with an
/// "oracle" asset do: coin 1's balance counts as balance x rate / 1e18 ETH, the rate read at the same block from
/// `rateOracle` with the 4-byte `rateMethod` (inverted, 1e36 / answer, for a token that publishes tokens per ETH).
abstract contract SimCurveStableSwap is SimOperated {
    uint256 private constant N = 2;
    uint256 private constant A_PRECISION = 100;
    uint256 private constant FEE_DENOMINATOR = 1e10;
    uint256 private constant PRECISION = 1e18;

    address[N] private coinAddresses;
    uint256[N] private storedBalances;
    uint256 private amplification; // A n^(n-1) x A_PRECISION
    uint256 private swapFee;
    address private rateOracle;
    bytes4 private rateMethod;
    bool private rateInverted;

    /// The pool's coins and parameters: `amp` as A() answers it, `newFee` in 1e10 units; `oracle` zero for a token
    /// that redeems 1:1, else the contract whose `method` (a selector, right-aligned) answers ETH per token x 1e18, or
    /// tokens per ETH x 1e18 when `inverted` is 1.
    function simSetPool(address coin0, address coin1, uint256 amp, uint256 newFee, address oracle, uint256 method,
        uint256 inverted) external onlySimOperator {
        require(amp > 0, "SimCurveStableSwap: A must be positive");
        coinAddresses = [coin0, coin1];
        amplification = amp * A_PRECISION;
        swapFee = newFee;
        rateOracle = oracle;
        rateMethod = bytes4(uint32(method));
        rateInverted = inverted != 0;
    }

    /// The balances after a swap, deposit or withdrawal: coin 0 in wei, coin 1 in the token's own units.
    function simSetBalances(uint256 balance0, uint256 balance1) external onlySimOperator {
        storedBalances = [balance0, balance1];
    }

    function coins(uint256 i) external view returns (address) {
        return coinAddresses[i];
    }

    function balances(uint256 i) external view returns (uint256) {
        return storedBalances[i];
    }

    function fee() external view returns (uint256) {
        return swapFee;
    }

    function A() external view returns (uint256) {
        return amplification / A_PRECISION;
    }

    function A_precise() external view returns (uint256) {
        return amplification;
    }

    /// ETH per unit of each coin x 1e18: 1e18 for coin 0, the oracle's rate for coin 1.
    function rates() public view returns (uint256[N] memory result) {
        result[0] = PRECISION;
        result[1] = PRECISION;
        if (rateOracle != address(0)) {
            (bool ok, bytes memory answer) = rateOracle.staticcall(abi.encodeWithSelector(rateMethod));
            require(ok && answer.length >= 32, "SimCurveStableSwap: rate oracle failed");
            uint256 rate = abi.decode(answer, (uint256));
            require(rate > 0, "SimCurveStableSwap: rate oracle answered 0");
            result[1] = rateInverted ? 1e36 / rate : rate;
        }
    }

    function quote(uint256 i, uint256 j, uint256 dx) internal view returns (uint256) {
        require(i != j && i < N && j < N, "SimCurveStableSwap: bad coin index");
        uint256[N] memory rate = rates();
        uint256[N] memory xp;
        for (uint256 k = 0; k < N; k++) {
            xp[k] = storedBalances[k] * rate[k] / PRECISION;
        }
        uint256 x = xp[i] + dx * rate[i] / PRECISION;
        uint256 y = newBalance(x, invariant(xp));
        uint256 dy = xp[j] - y - 1; // reverts when the pool cannot pay (an empty pool)
        dy = dy * PRECISION / rate[j];
        return dy - dy * swapFee / FEE_DENOMINATOR;
    }

    /// D for balances xp: Newton's iteration on f(D) = D^(n+1) / (n^n prod(x)) + (Ann - 1) D - Ann sum(x), from D = sum.
    function invariant(uint256[N] memory xp) internal view returns (uint256) {
        uint256 sum = xp[0] + xp[1];
        if (sum == 0) {
            return 0;
        }
        uint256 ann = amplification * N;
        uint256 d = sum;
        for (uint256 round = 0; round < 255; round++) {
            uint256 dP = d * d / (xp[0] * N) * d / (xp[1] * N); // D^(n+1) / (n^n prod(x)); a zero balance reverts
            uint256 previous = d;
            d = (ann * sum / A_PRECISION + dP * N) * d / ((ann - A_PRECISION) * d / A_PRECISION + (N + 1) * dP);
            if (d > previous ? d - previous <= 1 : previous - d <= 1) {
                return d;
            }
        }
        revert("SimCurveStableSwap: D did not converge");
    }

    /// The other coin's balance y when one coin's is x, at invariant D: the invariant is the quadratic
    /// y^2 + (x + D / Ann - D) y = D^(n+1) / (n^(2n) x Ann), solved by Newton's iteration y = (y^2 + c) / (2y + b - D).
    function newBalance(uint256 x, uint256 d) internal view returns (uint256) {
        uint256 ann = amplification * N;
        uint256 c = d * d / (x * N) * d * A_PRECISION / (ann * N);
        uint256 b = x + d * A_PRECISION / ann;
        uint256 y = d;
        for (uint256 round = 0; round < 255; round++) {
            uint256 previous = y;
            y = (y * y + c) / (2 * y + b - d);
            if (y > previous ? y - previous <= 1 : previous - y <= 1) {
                return y;
            }
        }
        revert("SimCurveStableSwap: y did not converge");
    }
}

/// The classic and stableswap-ng pools' quote: get_dy(int128 i, int128 j, uint256 dx), selector 0x5e0d443f.
contract SimCurveStableSwapInt128 is SimCurveStableSwap {
    function get_dy(int128 i, int128 j, uint256 dx) external view returns (uint256) {
        require(i >= 0 && j >= 0, "SimCurveStableSwap: bad coin index");
        return quote(uint256(uint128(i)), uint256(uint128(j)), dx);
    }
}

/// The crypto pools' quote: get_dy(uint256 i, uint256 j, uint256 dx), selector 0x556d6e9f.
contract SimCurveStableSwapUint256 is SimCurveStableSwap {
    function get_dy(uint256 i, uint256 j, uint256 dx) external view returns (uint256) {
        return quote(i, j, dx);
    }
}
