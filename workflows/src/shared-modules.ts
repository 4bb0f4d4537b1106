/**
 * Modules the worker evaluates once in its reusable V8 context and shares among every workflow it caches
 * (`bundlerOptions.preloadModules`). Any other module is evaluated again for each cached workflow: the domain's
 * schemas and rules, zod and luxon cost about 2 MB a case that way (bench/worker-cache.mjs), which bounded how many
 * open cases one worker holds. They hold no per-workflow state: the domain is pure functions and constant schemas,
 * and luxon reads the clock through the sandbox's deterministic `Date` when called. The SDK freezes what they
 * export, so a module that kept state there would fail loudly rather than leak between cases.
 */
export const SHARED_WORKFLOW_MODULES = ['zod', 'luxon', '@whistle/domain'];

/** How the worker bundles the workflow code; replays of saved histories bundle it the same way. */
export const WORKFLOW_BUNDLER_OPTIONS = { preloadModules: SHARED_WORKFLOW_MODULES };
