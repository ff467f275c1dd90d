import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const REPO_ROOT = root;
export const RENDERER_DIR = path.join(root, 'out/renderer');
export const BRIDGE_FILE = path.join(root, 'out/harness/bridge.js');
