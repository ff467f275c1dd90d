/**
 * Entity resolution for people and organizations: deduplication within a set, linkage between two
 * sets, and one incoming record against a prebuilt index of the mirror. No labels at run time: the
 * Fellegi-Sunter model is estimated from each run's own data by EM.
 */
export { dedupe, link } from './resolve';
export { buildIndex, matchOne, outcomeOf, type Candidate, type MirrorIndex, type IndexOptions } from './mirror-index';
export { readRecordsCsv, parseRecordsCsv, type CsvRecords } from './read-csv';
export { mapColumns, type ColumnMapping, type MappingOptions } from './column-mapping';
export * from './types';
