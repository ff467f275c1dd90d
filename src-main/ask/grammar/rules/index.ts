/**
 * The grammar's rules in the order they run: what the answer is first (a count, groups, the top
 * N), then changes, where people are, roles, logins, and the person's own record. A rule that
 * reads more words runs before one that reads a part of them.
 */
import { CHANGE_RULES } from './changes';
import { LOGIN_RULES } from './logins';
import { OUTPUT_RULES } from './output';
import { PEOPLE_RULES } from './people';
import { PLACE_RULES } from './places';
import { LONE_ROLE_RULE, ROLE_RULES } from './roles';
import type { Rule } from './rule';

export const RULES: Rule[] = [
  ...OUTPUT_RULES,
  ...CHANGE_RULES,
  ...PLACE_RULES,
  ...ROLE_RULES,
  ...LOGIN_RULES,
  ...PEOPLE_RULES,
  LONE_ROLE_RULE,
];
