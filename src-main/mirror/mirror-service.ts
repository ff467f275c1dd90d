/**
 * The mirror, read: people (search, one person, the one people filter), the organization tree,
 * the roles catalogue with the administrator's privileged flags, programs and their assignments.
 * The sync engine writes the mirror; everything else reads it through this service.
 */
import type {
  DownloadText,
  OrganizationNode,
  PeopleColumnId,
  PeopleSort,
  PersonDetail,
  PrivilegeSuggestion,
  ProgramAssignmentRow,
  ProgramRow,
  DepartmentRow,
  RoleDetail,
  RoleRow,
  SearchPeopleResult,
} from '../../src-preload/contract';
import type { DB } from '../db/open';
import { validation } from '../errors/app-error';
import type { InstancesService } from '../instances/instances-service';
import { recordRolePrivileged } from '../audit-trail';
import { listOrganizationsTree } from './organizations-store';
import { selectPeopleIds, type PeopleSelectionFilter, type SearchPeopleInput } from './people-search-store';
import { allPeopleSorted, matchingPeopleIds, searchPeopleSorted } from './people-list-store';
import { peopleCsv } from './people-export';
import {
  getPerson,
  listDepartments,
  listPeopleForMatching,
  searchPeople,
  type PersonForMatching,
} from './people-store';
import { listProgramAssignments, listPrograms } from './programs-store';
import { getRole, getRoleDepartments, listRoles, setRolePrivileged, suggestPrivileged } from './roles-store';

/** A people search as the People list makes it: words, filters, and the order. */
export interface PeopleListInput {
  query?: string | undefined;
  filters?: SearchPeopleInput['filters'];
  sort?: PeopleSort | undefined;
}

export interface MirrorService {
  /** A page of people; without a sort (or by name, A to Z) in the name indexes' own order. */
  searchPeople(instanceId: string, input: SearchPeopleInput & { sort?: PeopleSort | undefined }): SearchPeopleResult;
  /** Every person the search matches, in its order, as a CSV with these columns. */
  exportPeopleCsv(instanceId: string, input: PeopleListInput & { columns: PeopleColumnId[] }): DownloadText;
  getPerson(instanceId: string, personId: number): PersonDetail;
  /**
   * Ids of everyone the filter selects, ascending. More than `max` is VALIDATION (a plan of
   * 10,000 people is a bench, not a click), with a message that says to narrow it.
   */
  selectPeople(instanceId: string, filter: PeopleSelectionFilter, max: number, query?: string): number[];
  organizationsTree(instanceId: string): OrganizationNode[];
  listRoles(instanceId: string): RoleRow[];
  getRole(instanceId: string, roleId: number): RoleDetail;
  setRolePrivileged(instanceId: string, roleId: number, privileged: boolean | null): RoleRow;
  suggestPrivileged(instanceId: string): PrivilegeSuggestion[];
  /** Every live person with the fields entity resolution compares. */
  peopleForMatching(instanceId: string): PersonForMatching[];
  listPrograms(instanceId: string): ProgramRow[];
  listDepartments(instanceId: string): DepartmentRow[];
  programAssignments(instanceId: string, programId: number): ProgramAssignmentRow[];
}

export interface MirrorServiceDeps {
  db: DB;
  instances: InstancesService;
  /** Who decides on this computer (recorded in the trail for a privileged flag). */
  administrator?: (instanceId: string) => string;
}

export function createMirrorService({ db, instances, administrator }: MirrorServiceDeps): MirrorService {
  /** Every call names an instance; an unknown one is NOT_FOUND rather than an empty answer. */
  const known = (instanceId: string) => instances.get(instanceId).id;
  return {
    searchPeople: (instanceId, { sort, ...input }) =>
      sort && !(sort.by === 'name' && sort.dir === 'asc')
        ? searchPeopleSorted(db, known(instanceId), { ...input, sort })
        : searchPeople(db, known(instanceId), input),
    exportPeopleCsv(instanceId, { columns, sort, ...search }) {
      const rows = allPeopleSorted(db, known(instanceId), search, sort ?? { by: 'name', dir: 'asc' });
      return {
        filename: `people-${new Date().toISOString().slice(0, 10)}.csv`,
        mime: 'text/csv',
        text: peopleCsv(rows, columns),
      };
    },
    getPerson: (instanceId, personId) => getPerson(db, known(instanceId), personId),
    selectPeople(instanceId, filter, max, query) {
      const { ids, total } = query?.trim()
        ? matchingPeopleIds(db, known(instanceId), { query, filters: filter }, max)
        : selectPeopleIds(db, known(instanceId), filter, max);
      if (total > max)
        throw validation(`The filter selects ${total} people; a plan from a filter takes at most ${max}. Narrow it.`);
      return ids;
    },
    organizationsTree: (instanceId) => listOrganizationsTree(db, known(instanceId)),
    listRoles: (instanceId) => listRoles(db, known(instanceId)),
    getRole: (instanceId, roleId) => ({
      ...getRole(db, known(instanceId), roleId),
      departments: getRoleDepartments(db, instanceId, roleId),
    }),
    setRolePrivileged: (instanceId, roleId, privileged) =>
      db.transaction(() => {
        const id = known(instanceId);
        const before = getRole(db, id, roleId);
        const after = setRolePrivileged(db, id, roleId, privileged);
        if (before.privileged !== after.privileged)
          recordRolePrivileged(db, {
            actor: administrator?.(id) ?? 'administrator',
            instanceId: id,
            roleId,
            roleName: after.name,
            from: before.privileged,
            to: after.privileged,
          });
        return after;
      })(),
    suggestPrivileged: (instanceId) => suggestPrivileged(db, known(instanceId)),
    peopleForMatching: (instanceId) => listPeopleForMatching(db, known(instanceId)),
    listPrograms: (instanceId) => listPrograms(db, known(instanceId)),
    listDepartments: (instanceId) => listDepartments(db, known(instanceId)),
    programAssignments: (instanceId, programId) => listProgramAssignments(db, known(instanceId), programId),
  };
}
