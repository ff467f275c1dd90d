/**
 * What the LLM is told about the query object, besides its JSON schema: what each field means.
 * Nothing here comes from the mirror (no names, no counts), and it is written in lower case so
 * the pseudonymizer's capitalized-run rule leaves it alone.
 */
export const ASK_LLM_SCHEMA = `the query object selects people of one smartsimple instance and says what to answer.
people: conditions on a person, all must hold:
- role {roles, mode}: holds the named profile roles; mode any (one of them), all (each of them), none (none of them).
- roleCount {op, n}: the number of profile roles held compared with n (op one of > >= < <= =).
- privileged {value}: holds a role the administrator marked privileged (or none).
- department / organization / title {values, negate}: the person's department, organization or job title is one of values (negate: is not).
- program {program, role, negate}: has a program assignment, on the named program (null: any) as the named program role (null: any).
- external {value}: true for external people (grantees), false for internal staff.
- status {values, negate}: active, inactive or pending (capitalized as the instance writes them).
- accessType {values}: none (cannot log in), user (portal access), api.
- userType {values}: user, localAdmin, globalAdmin.
- expiry {state, window}: expired, notExpired, none (no expiry date), set, or window (the expiry date falls in the window).
- lastLogin {state, window}: never, window (the last login falls in the window), notWindow (no login since window.from).
- created {window}: the account was created in the window.
- name {text}: the person's full name.
activity (or null): sessions (logins), changes (access changes made to the person) or changesMade (made by the person),
  in a window, at utc hours {from, to} (from > to wraps midnight), on weekdays (0 sunday .. 6 saturday),
  with actions (role_added, role_removed, activated, deactivated, password_reset), a role named in the change,
  an ip address, and person: the other person of a change by name;
  measure count, distinctIp, distinctAgent or distinctDays compared with n by op; negate: the person has no such activity.
  the plain "has some" activity is measure count, op >=, n 1.
actor: conditions on the person who made the changes (for changes answers).
output: list (the people), count (how many people), eventCount {of} (how many sessions or changes),
  group {by, limit, order, measure} (counts per department, organization, role, title, status, accessType, userType,
  external, program, hour, weekday, day, month or action; measure people, sessions or changes; limit keeps the first
  groups by order most or fewest), top {n, measure} (the n people with the most sessions, changes, changesMade, roles
  or distinctIp), changes (the access changes as rows), sessions (the logins as rows).
a window is {from, to}: utc stamps "yyyy-mm-dd hh:mm:ss", from inclusive, to exclusive, either may be null.
every field must be present; use null where a field does not apply.`;
