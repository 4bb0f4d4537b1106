// See README "Benchmarks". Run: npm run bench:one [-- --quick]: intake, then actions at shares of the intake just measured.
import { main } from './lib/main.js';

await main('bench');
