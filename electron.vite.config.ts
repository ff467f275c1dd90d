import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { CONTENT_SECURITY_POLICY_META } from './src-main/security';

const root = dirname(fileURLToPath(import.meta.url));
// tesseract.js starts its own worker from a file of its package; @napi-rs/canvas is native.
const external = ['better-sqlite3', 'keytar', 'electron', 'tesseract.js', '@napi-rs/canvas'];

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(root, 'src-main/index.ts'),
          // The sync's page writer runs in a worker thread; it finds write-worker.js beside index.js.
          'write-worker': resolve(root, 'src-main/sync/write-worker.ts'),
          // Questions run in a child process of their own (src-main/ask/runner.ts finds it beside index.js).
          'ask-runner': resolve(root, 'src-main/ask/runner-store.ts'),
          // The detectors' scans run in a worker thread (src-main/investigate/scan/run-in-worker.ts finds it beside index.js).
          'scan-worker': resolve(root, 'src-main/investigate/scan/scan-worker.ts'),
          // OCR and page pictures run in a worker thread (src-main/intake/worker/worker-client.ts finds it beside index.js).
          'intake-worker': resolve(root, 'src-main/intake/worker/intake-worker.ts'),
        },
        external,
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(root, 'src-preload/index.ts') },
        external: ['electron'],
        // A sandboxed preload must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src-renderer'),
    // Relative asset paths: the app loads from file:// in Electron.
    base: './',
    plugins: [
      react(),
      {
        name: 'admin-desk-csp',
        transformIndexHtml: (html: string) => html.replace('%CONTENT_SECURITY_POLICY%', CONTENT_SECURITY_POLICY_META),
      },
    ],
    build: {
      outDir: resolve(root, 'out/renderer'),
      rollupOptions: { input: { index: resolve(root, 'src-renderer/index.html') } },
    },
  },
});
