#!/usr/bin/env node
// Prints the closing "N passed, N failed" line from the vitest and playwright JSON reports.
import fs from 'node:fs';

const read = (f) => (fs.existsSync(f) ? JSON.parse(fs.readFileSync(f, 'utf8')) : null);
const vitest = read('test-results/vitest.json');
const pw = read('test-results/playwright.json');
let passed = 0;
let failed = 0;
let skipped = 0;
if (vitest) {
  passed += vitest.numPassedTests ?? 0;
  failed += (vitest.numFailedTests ?? 0) + (vitest.numRuntimeErrorTestSuites ?? 0);
  skipped += (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0);
  // Unhandled errors fail the run without failing a test: count them, or the line would lie.
  if (vitest.success === false && failed === 0) failed += 1;
} else failed += 1;
if (pw) {
  passed += pw.stats?.expected ?? 0;
  failed += pw.stats?.unexpected ?? 0;
  skipped += pw.stats?.skipped ?? 0;
} else failed += 1;
console.log(`\nvitest: ${vitest?.numPassedTests ?? 0} passed; playwright: ${pw?.stats?.expected ?? 0} passed`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
