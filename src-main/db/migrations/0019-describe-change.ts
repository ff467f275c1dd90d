import type { Migration } from './index';
import { widenSuggestionKinds } from './0010-helpdesk';

/**
 * Bulk change planning: `ai_suggestions.kind` gains 'describe_change' (a sentence read into an
 * action and a selection, by the grammar or the LLM), so each such reading is recorded, decided
 * and counted like every other suggestion. The table is rebuilt from its own definition (SQLite
 * cannot widen a CHECK in place), as migration 10 does.
 */
export const m0019DescribeChange: Migration = {
  version: 19,
  name: 'describe-change',
  up(db) {
    widenSuggestionKinds(db, ['describe_change']);
  },
};
