/**
 * Run by scans.test.ts in a child process with block-network.mjs preloaded and a working folder of
 * its own: reads one scanned image through the intake service (worker thread, tesseract worker),
 * prints the fields as JSON, then tries the network once on purpose to show the blocker works.
 */
import fs from 'node:fs';
import { createIntakeService } from '../intake-service';

const [image] = process.argv.slice(2);
const intake = createIntakeService({ db: null, blobDir: null });
const read = await intake.read({ name: 'scan.png', bytes: new Uint8Array(fs.readFileSync(image!)) });
await intake.close();
let probe = 'not blocked';
try {
  await fetch('http://127.0.0.1:9/');
} catch (e) {
  probe = (e as Error).message;
}
process.stdout.write(JSON.stringify({ fields: read.fields, ocr: read.pages[0]?.ocr, probe }));
