/**
 * The organization tree: the root organization, internal departments (split into teams when
 * large) and external grantee organizations (a few with sub-organizations). Ids follow creation
 * order, as they do in a real instance, so a low id means an old record.
 */
import type { Category, Company } from '../model';
import { DEPARTMENTS, type DepartmentSpec } from './catalogue';
import { DAY_MS, type GenContext, phoneNumber, slug, YEAR_MS } from './context';
import { FOUNDATION_NAMES, ORG_KINDS, ORG_PLACES, ORG_THEMES, TEAM_NAMES } from './vocabulary';

export const CATEGORIES: readonly Category[] = [
  { id: 201, name: 'Nonprofit' },
  { id: 202, name: 'University' },
  { id: 203, name: 'Government Agency' },
  { id: 204, name: 'Foundation' },
  { id: 205, name: 'Community Group' },
  { id: 206, name: 'Vendor' },
];
const CATEGORY_WEIGHTS = [60, 10, 8, 6, 14, 2];

export interface Department {
  spec: DepartmentSpec;
  company: Company;
  teams: Company[];
}

export interface ExternalOrg {
  company: Company;
  domain: string;
  officeIp: number | null;
}

export interface Organizations {
  foundationName: string;
  alias: string;
  internalDomain: string;
  root: Company;
  departments: Department[];
  externals: ExternalOrg[];
  all: Company[];
}

/** Staff and external-organization counts for an instance of `people`. */
export function sizing(people: number): {
  staff: number;
  departments: number;
  externalOrgs: number;
  duplicates: number;
} {
  const staff = Math.round(Math.min(people * 0.4, 10 + people * 0.05));
  return {
    staff,
    departments: Math.min(DEPARTMENTS.length, Math.max(4, 4 + Math.floor(staff / 40))),
    externalOrgs: Math.min(5000, Math.max(3, Math.round(people / 20))),
    duplicates: Math.min(200, Math.max(2, Math.round(people * 0.002))),
  };
}

function blankCompany(
  name: string,
  isExternal: boolean,
  created: number,
  rng: { int(a: number, b: number): number },
): Company {
  return {
    id: 0,
    name,
    parentId: null,
    isExternal,
    status: 'Active',
    categoryIds: [],
    phone: '',
    website: '',
    created,
    createdBy: 0,
    lastUpdated: created + rng.int(0, 400) * DAY_MS,
    updatedBy: 0,
    deleted: false,
  };
}

export function buildOrganizations(ctx: GenContext, memberCounts: (departmentIndex: number) => number): Organizations {
  const rng = ctx.rng('organizations');
  const { people } = ctx.options;
  const size = sizing(people);
  const word = rng.pick(FOUNDATION_NAMES);
  const foundationName = `${word} Community Foundation`;
  const alias = slug(word);
  const internalDomain = `${slug(word)}foundation.org`;
  const founded = ctx.now - 12 * YEAR_MS;
  const root = blankCompany(foundationName, false, founded, rng);
  root.website = `https://www.${internalDomain}`;
  root.phone = phoneNumber(rng);

  // Internal: departments soon after founding; teams over the years.
  const parents = new Map<Company, Company>();
  const departments: Department[] = DEPARTMENTS.slice(0, size.departments).map((spec, i) => {
    const company = blankCompany(spec.name, false, founded + (i + 1) * DAY_MS, rng);
    company.phone = phoneNumber(rng);
    parents.set(company, root);
    const members = memberCounts(i);
    const teamCount = members > 25 ? Math.ceil(members / 20) : 0;
    const teams = Array.from({ length: teamCount }, (_, k) => {
      const teamName = `${spec.name} - ${TEAM_NAMES[k % TEAM_NAMES.length]}${k >= TEAM_NAMES.length ? ` ${Math.floor(k / TEAM_NAMES.length) + 1}` : ''}`;
      const team = blankCompany(teamName, false, founded + rng.int(30, 3600) * DAY_MS, rng);
      parents.set(team, company);
      return team;
    });
    return { spec, company, teams };
  });

  // External: grantees registering over eight years; one in ten is a chapter of an older one.
  const usedNames = new Set<string>();
  const usedDomains = new Set<string>([internalDomain]);
  const createdTimes = Array.from({ length: size.externalOrgs }, () => ctx.now - rng.int(20, 8 * 365) * DAY_MS).sort(
    (a, b) => a - b,
  );
  const externals: ExternalOrg[] = [];
  const topLevel: ExternalOrg[] = [];
  for (const created of createdTimes) {
    const chapterOf = topLevel.length >= 5 && rng.chance(0.1) ? rng.pick(topLevel) : null;
    let name = '';
    let domainBase = '';
    for (let attempt = 0; attempt < 50 && (name === '' || usedNames.has(name)); attempt++) {
      const place = rng.pick(ORG_PLACES);
      if (chapterOf) {
        name = `${chapterOf.company.name} - ${place} Chapter`;
        domainBase = `${slug(place)}.${chapterOf.domain}`;
      } else {
        const theme = rng.pick(ORG_THEMES);
        name = `${place} ${theme} ${rng.pick(ORG_KINDS)}`;
        domainBase = `${slug(place)}${slug(theme)}.org`;
      }
    }
    if (usedNames.has(name)) name = `${name} ${externals.length + 1}`;
    usedNames.add(name);
    let domain = domainBase;
    for (let n = 2; usedDomains.has(domain); n++) domain = domainBase.replace(/\.org$/, `${n}.org`);
    usedDomains.add(domain);
    const company = blankCompany(name, true, created, rng);
    company.categoryIds = [CATEGORIES[rng.weighted(CATEGORY_WEIGHTS)]?.id ?? 201];
    company.phone = phoneNumber(rng);
    company.website = `https://www.${domain}`;
    company.status = rng.chance(0.03) ? 'Inactive' : 'Active';
    parents.set(company, chapterOf ? chapterOf.company : root);
    const org = { company, domain, officeIp: null };
    externals.push(org);
    if (!chapterOf) topLevel.push(org);
  }

  // Ids in creation order; the root first.
  const all = [root, ...departments.flatMap((d) => [d.company, ...d.teams]), ...externals.map((o) => o.company)];
  const ordered = [root, ...all.slice(1).sort((a, b) => a.created - b.created)];
  let id = 810_000 + rng.int(0, 79_999);
  for (const company of ordered) {
    company.id = id;
    id += rng.int(1, 25);
  }
  for (const company of ordered) {
    const parent = parents.get(company);
    company.parentId = parent ? parent.id : null;
    if (company.lastUpdated > ctx.now) company.lastUpdated = ctx.now - rng.int(1, 30) * DAY_MS;
  }
  return { foundationName, alias, internalDomain, root, departments, externals, all: ordered };
}

/** First id after the generated companies, for creates. */
export function nextCompanyId(all: readonly Company[]): number {
  return all.reduce((max, c) => Math.max(max, c.id), 0) + 17;
}
