/**
 * The allow-listed read-only view of one instance's mirror that questions (and edited SQL) read:
 * TEMP views on the runner's read-only connection, one instance each, with plain names and words
 * for codes (access type none/user/api, user type user/localAdmin/globalAdmin). Edited SQL may
 * name these views and nothing else.
 */
export const ASK_VIEWS = [
  'people',
  'roles',
  'role_holdings',
  'organizations',
  'programs',
  'assignments',
  'sessions',
  'changes',
] as const;

/** The CREATE TEMP VIEW statements for an instance (its id is checked to be a plain id first). */
export function viewStatements(instanceId: string): string[] {
  if (!/^[A-Za-z0-9-]{1,64}$/.test(instanceId)) throw new Error('Not an instance id.');
  const i = `'${instanceId}'`;
  return [
    `CREATE TEMP VIEW people AS SELECT p.id, p.first_name || ' ' || p.last_name AS name, p.first_name, p.last_name,
      p.email, nullif(p.title, '') AS title, p.company_id AS organization_id, o.name AS organization, p.is_external,
      CASE p.access_type WHEN '0' THEN 'none' WHEN '1' THEN 'user' WHEN '5' THEN 'api' ELSE p.access_type END AS access_type,
      CASE p.user_type WHEN '10' THEN 'user' WHEN '30' THEN 'localAdmin' WHEN '40' THEN 'globalAdmin' ELSE p.user_type END AS user_type,
      nullif(p.status, '') AS status, nullif(p.access_expiry, '') AS access_expiry, nullif(p.department, '') AS department,
      p.manager_id, nullif(p.last_login, '') AS last_login, nullif(p.created, '') AS created, p.key
      FROM main.mirror_people p LEFT JOIN main.mirror_organizations o ON o.instance_id = p.instance_id AND o.id = p.company_id
      WHERE p.instance_id = ${i} AND p.deleted_at IS NULL`,
    `CREATE TEMP VIEW roles AS SELECT id, name, description, uta_only, privileged FROM main.mirror_roles
      WHERE instance_id = ${i} AND deleted_at IS NULL`,
    `CREATE TEMP VIEW role_holdings AS SELECT role_id, person_id FROM main.mirror_role_holdings WHERE instance_id = ${i}`,
    `CREATE TEMP VIEW organizations AS SELECT id, parent_id, name, is_external, status FROM main.mirror_organizations
      WHERE instance_id = ${i} AND deleted_at IS NULL`,
    `CREATE TEMP VIEW programs AS SELECT id, name, status, type, owner_id FROM main.mirror_programs
      WHERE instance_id = ${i} AND deleted_at IS NULL`,
    `CREATE TEMP VIEW assignments AS SELECT association_id, program_id, person_id, role_id, role_name
      FROM main.mirror_program_assignments WHERE instance_id = ${i} AND deleted_at IS NULL`,
    // person_key is the person's row key (people.key): sessions and changes are indexed by it. A
    // person's sessions are found through the per-person copy (mirror_login_sessions_by_user), whose
    // key holds the whole row's place: the log itself has no person index (migration 0018).
    `CREATE TEMP VIEW sessions AS SELECT l.session_id, l.user_id AS person_id, l.started_at, l.ended_at, l.ip,
      l.user_agent, b.user_key AS person_key
      FROM main.mirror_login_sessions l JOIN main.mirror_login_sessions_by_user b
        ON b.user_key = l.user_key AND b.started_at = l.started_at AND b.key = l.key
      WHERE l.instance_id = ${i}`,
    `CREATE TEMP VIEW changes AS SELECT e.event_id, e.user_id AS person_id, e.action, e.detail,
      (SELECT r.name FROM main.mirror_roles r WHERE r.instance_id = e.instance_id
        AND r.id = CAST(substr(e.detail, 2, length(e.detail) - 2) AS INTEGER)
        AND e.detail GLOB ',[0-9]*,' AND e.detail NOT GLOB ',*,*,') AS role_name,
      e.changed_by, e.at, e.user_key AS person_key FROM main.mirror_access_events e WHERE e.instance_id = ${i}`,
  ];
}

/** What each view holds, for the LLM's schema and the SQL editor's help. */
export const VIEW_COLUMNS: Record<(typeof ASK_VIEWS)[number], string> = {
  people:
    'id, name, first_name, last_name, email, title, organization_id, organization, is_external (0/1), access_type (none/user/api), user_type (user/localAdmin/globalAdmin), status, access_expiry (YYYY-MM-DD), department, manager_id, last_login, created, key',
  roles: 'id, name, description, uta_only, privileged',
  role_holdings: 'role_id, person_id',
  organizations: 'id, parent_id, name, is_external, status',
  programs: 'id, name, status, type, owner_id',
  assignments: 'association_id, program_id, person_id, role_id, role_name',
  sessions: 'session_id, person_id, started_at, ended_at, ip, user_agent, person_key (= people.key, indexed)',
  changes: 'event_id, person_id, action, detail, role_name, changed_by, at, person_key (= people.key, indexed)',
};
