// See README "Benchmarks". Run: npm run bench:intake [-- --quick] (flags in bench/lib/options.js)
import { main } from './lib/main.js';

await main('intake');
