/** The offline browse screens read the mirror through these. */
import type { Services } from './services';
import type { Handlers } from './dispatch';

type BrowseChannels =
  | 'people:search'
  | 'people:get'
  | 'people:exportCsv'
  | 'organizations:tree'
  | 'roles:list'
  | 'roles:get'
  | 'roles:setPrivileged'
  | 'roles:suggestPrivileged'
  | 'programs:list'
  | 'departments:list'
  | 'programs:assignments';

export function browseHandlers({ mirror }: Services): Pick<Handlers, BrowseChannels> {
  return {
    'people:search': ({ instanceId, ...input }) => mirror.searchPeople(instanceId, input),
    'people:get': ({ instanceId, personId }) => mirror.getPerson(instanceId, personId),
    'people:exportCsv': ({ instanceId, ...input }) => mirror.exportPeopleCsv(instanceId, input),
    'organizations:tree': ({ instanceId }) => mirror.organizationsTree(instanceId),
    'roles:list': ({ instanceId }) => mirror.listRoles(instanceId),
    'roles:get': ({ instanceId, roleId }) => mirror.getRole(instanceId, roleId),
    'roles:setPrivileged': ({ instanceId, roleId, privileged }) =>
      mirror.setRolePrivileged(instanceId, roleId, privileged),
    'roles:suggestPrivileged': ({ instanceId }) => mirror.suggestPrivileged(instanceId),
    'programs:list': ({ instanceId }) => mirror.listPrograms(instanceId),
    'departments:list': ({ instanceId }) => mirror.listDepartments(instanceId),
    'programs:assignments': ({ instanceId, programId }) => mirror.programAssignments(instanceId, programId),
  };
}
