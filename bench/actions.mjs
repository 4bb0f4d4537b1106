// See README "Benchmarks". Run: npm run bench:actions [-- --quick] (flags in bench/lib/options.js)
import { main } from './lib/main.js';

await main('actions');
