/** The offline browse screens read the mirror through these. */
import { getInstance } from '../instances/instances-store';
import { getPerson, searchPeople } from '../mirror/people-store';
import { listOrganizationsTree } from '../mirror/organizations-store';
import { listProgramAssignments, listPrograms } from '../mirror/programs-store';
import { getRole, getRoleDepartments, listRoles, setRolePrivileged, suggestPrivileged } from '../mirror/roles-store';
import type { Services } from '../backend/services';
import type { Handlers } from './dispatch';

type BrowseChannels =
  | 'people:search'
  | 'people:get'
  | 'organizations:tree'
  | 'roles:list'
  | 'roles:get'
  | 'roles:setPrivileged'
  | 'roles:suggestPrivileged'
  | 'programs:list'
  | 'programs:assignments';

export function browseHandlers(s: Services): Pick<Handlers, BrowseChannels> {
  /** Every call names an instance; an unknown one is NOT_FOUND rather than an empty answer. */
  const known = (instanceId: string) => {
    getInstance(s.db, instanceId);
    return instanceId;
  };
  return {
    'people:search': ({ instanceId, query, filters, limit, offset }) =>
      searchPeople(s.db, known(instanceId), {
        ...(query !== undefined ? { query } : {}),
        ...(filters ? { filters } : {}),
        ...(limit !== undefined ? { limit } : {}),
        ...(offset !== undefined ? { offset } : {}),
      }),
    'people:get': ({ instanceId, personId }) => getPerson(s.db, known(instanceId), personId),
    'organizations:tree': ({ instanceId }) => listOrganizationsTree(s.db, known(instanceId)),
    'roles:list': ({ instanceId }) => listRoles(s.db, known(instanceId)),
    'roles:get': ({ instanceId, roleId }) => ({
      ...getRole(s.db, known(instanceId), roleId),
      departments: getRoleDepartments(s.db, instanceId, roleId),
    }),
    'roles:setPrivileged': ({ instanceId, roleId, privileged }) =>
      setRolePrivileged(s.db, known(instanceId), roleId, privileged),
    'roles:suggestPrivileged': ({ instanceId }) => suggestPrivileged(s.db, known(instanceId)),
    'programs:list': ({ instanceId }) => listPrograms(s.db, known(instanceId)),
    'programs:assignments': ({ instanceId, programId }) => listProgramAssignments(s.db, known(instanceId), programId),
  };
}
