// See README "Benchmarks". Run: npm run bench [-- --quick]: the intake and actions bench (bench/all.mjs, same
// flags) on the dev server, one real Temporal server node and a two-node cluster in turn, then one table side by side.
import { root } from './lib/main.js';
import { runTopologies } from './lib/topologies.js';

process.exitCode = await runTopologies(root, process.argv.slice(2));
