// Starts intake-worker.ts from source (tests, benchmarks, tsx): registers the TypeScript loader in
// this thread, then loads the worker module. A built app points at the compiled worker instead.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
