// Compiles the devchain's Solidity contracts (src/devchain/contracts/: the shared bases at the top, a folder per
// protocol) with the solc-js version pinned in package-lock.json and writes src/devchain/contracts/artifacts.json
// (ABI and runtime bytecode of each contract, which the devchain installs with anvil_setCode by name, so
// contract names must be unique across folders).
//
//   node src/devchain/compile-contracts.mjs          write the artifacts
//   node src/devchain/compile-contracts.mjs --check  exit 1 if the committed artifacts differ from a fresh compile
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, dirname, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const solc = require('solc');

const sourceDir = join(dirname(fileURLToPath(import.meta.url)), 'contracts');
const artifactsPath = join(sourceDir, 'artifacts.json');

// Source units are named by their path below contracts/ with '/' (e.g. lido/SimLidoStETH.sol), so that
// relative imports ("../SimOperated.sol") resolve among them and the names do not depend on the OS.
function solidityFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return solidityFiles(path);
    return entry.name.endsWith('.sol') ? [relative(sourceDir, path).split(sep).join('/')] : [];
  });
}

const sources = {};
for (const file of solidityFiles(sourceDir).sort()) {
  sources[file] = { content: readFileSync(join(sourceDir, file), 'utf8') };
}

const settings = {
  evmVersion: 'cancun',
  optimizer: { enabled: true, runs: 200 },
  outputSelection: { '*': { '*': ['abi', 'evm.deployedBytecode.object'] } },
};
const output = JSON.parse(solc.compile(JSON.stringify({ language: 'Solidity', sources, settings })));
const errors = (output.errors || []).filter((e) => e.severity === 'error');
if (errors.length > 0) {
  for (const e of errors) console.error(e.formattedMessage);
  process.exit(2);
}

const contracts = {};
for (const file of Object.keys(output.contracts).sort()) {
  for (const [name, c] of Object.entries(output.contracts[file])) {
    if (c.evm.deployedBytecode.object.length === 0) continue; // abstract contracts and interfaces
    if (contracts[name]) {
      console.error(`contract ${name} is defined in both ${contracts[name].source} and ${file}: names must be unique`);
      process.exit(2);
    }
    contracts[name] = { source: file, abi: c.abi, deployedBytecode: '0x' + c.evm.deployedBytecode.object };
  }
}
const sourcesSha256 = Object.fromEntries(
  Object.entries(sources).map(([f, s]) => [f, createHash('sha256').update(s.content).digest('hex')]),
);
const artifacts = { compiler: 'solc-js ' + solc.version(), settings, sourcesSha256, contracts };
const text = JSON.stringify(artifacts, null, 2) + '\n';

if (process.argv.includes('--check')) {
  const committed = existsSync(artifactsPath) ? readFileSync(artifactsPath, 'utf8') : '';
  if (committed !== text) {
    console.error('src/devchain/contracts/artifacts.json does not match src/devchain/contracts/**/*.sol compiled with '
      + solc.version() + ': run node src/devchain/compile-contracts.mjs and commit the result');
    process.exit(1);
  }
  console.log('artifacts match ' + Object.keys(sources).length + ' sources (' + solc.version() + ')');
} else {
  writeFileSync(artifactsPath, text);
  console.log('wrote ' + artifactsPath + ' (' + Object.keys(contracts).join(', ') + ')');
}
