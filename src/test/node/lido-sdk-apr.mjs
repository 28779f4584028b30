// Lido's own figures, computed by Lido's SDK (@lidofinance/lido-ethereum-sdk, pinned in package.json) against a
// JSON-RPC node: what a user of the SDK would get from the same chain the tracker reads. Prints one JSON line.
//
//   node src/test/node/lido-sdk-apr.mjs http://127.0.0.1:8545
//
// smaApr7 is statistics.apr.getSmaApr({ days: 7 }) and lastApr statistics.apr.getLastApr(), both in percent as
// the SDK returns them; first and last are the TokenRebased events the 7-day figure runs between, found the way
// getSmaApr finds them (events.stethEvents.getLastRebaseEvent, then getFirstRebaseEvent({ days: 7 }) from the
// last one's block).
import { LidoSDK } from '@lidofinance/lido-ethereum-sdk';

const rpc = process.argv[2];
if (!rpc) {
  console.error('usage: node lido-sdk-apr.mjs RPC_URL');
  process.exit(2);
}
const sdk = new LidoSDK({ chainId: 1, rpcUrls: [rpc], logMode: 'none' });

function event(e) {
  return {
    block: e.blockNumber.toString(),
    reportTimestamp: e.args.reportTimestamp.toString(),
    timeElapsed: e.args.timeElapsed.toString(),
  };
}

try {
  const last = await sdk.events.stethEvents.getLastRebaseEvent();
  const first = await sdk.events.stethEvents.getFirstRebaseEvent({ days: 7, fromBlockNumber: last.blockNumber });
  const smaApr7 = await sdk.statistics.apr.getSmaApr({ days: 7 });
  const lastApr = await sdk.statistics.apr.getLastApr();
  // Numbers print in JavaScript's shortest round-trip form: the SDK's value is an integer count of 1e-4 percent
  // divided by 1e4, so that form is its exact decimal.
  console.log(JSON.stringify({ smaApr7, lastApr, first: event(first), last: event(last) }));
} catch (e) {
  console.error(`Lido's SDK failed: ${e?.message ?? e}`);
  process.exit(1);
}
