/// <reference types="vite/client" />
/**
 * The renderer's view of the preload bridge. Only the type crosses: the object itself is built in
 * the preload (or by the browser harness) and is the renderer's one door into main.
 */
import type { Api } from '../src-preload/api';

declare global {
  interface Window {
    readonly api: Api;
  }
}

export {};
