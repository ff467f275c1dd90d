import type { Migration } from './index';

/**
 * Version 9 is reserved for the investigation branch (findings), which is built in parallel; the
 * runner needs versions 1..n without gaps, so this branch holds the number with a migration that
 * changes nothing. The merge replaces this file with the real 0009.
 */
export const m0009Reserved: Migration = {
  version: 9,
  name: 'reserved',
  up() {},
};
