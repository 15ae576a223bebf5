// Runs a TypeScript worker entry under tsx (tests and `tsx` runs only; the built app starts its
// compiled .js worker directly). On Node 20 a worker's `--import tsx` does not reach its entry.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.tsEntry);
