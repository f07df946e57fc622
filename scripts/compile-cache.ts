/**
 * Preloaded by the npm scripts (`node --import=./scripts/compile-cache.ts …`): keeps V8's compiled code of the modules a
 * script loads, TypeScript stripped, in node_modules/.cache/tongbao-node-compile/, so that the next run does not
 * strip and compile them again. Loading the pipeline took 0.3 s of a one-report rebuild, 0.17 s with the cache.
 * Node checks each entry against the module's source, and a cache that cannot be written is only a slower start.
 */
import { enableCompileCache } from "node:module";
import { fileURLToPath } from "node:url";

enableCompileCache(fileURLToPath(new URL("../node_modules/.cache/tongbao-node-compile", import.meta.url)));
