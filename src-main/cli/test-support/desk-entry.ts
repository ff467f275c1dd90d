/** `desk` as the test bundle's entry (see test-support/bundle.ts): runs main on the process arguments. */
import { main } from '../desk';

process.exitCode = await main(process.argv.slice(2));
