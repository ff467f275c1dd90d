/** `npm run bench`: every benchmark, printed. Not a test: it asserts nothing about speed. */
import { benchStartup } from './startup';

await benchStartup();
