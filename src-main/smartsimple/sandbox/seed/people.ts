/**
 * People: internal staff by department (heads, team leads, members with titles and managers),
 * external contacts of the grantee organizations, the API service account, and the planted
 * near-duplicate contacts. Names are unique enough inside each e-mail domain that the planted
 * duplicates are the only pairs there within two typos of each other.
 */
import { ACCESS_TYPES, USER_TYPES } from '../../protocol';
import { blankPerson, type Company, type LoginHabits, type Person } from '../model';
import { ipFromOctets } from '../log-store';
import { API_USER_TITLE, type DepartmentSpec, type TitleTemplate } from './catalogue';
import { DAY_MS, type GenContext, phoneNumber } from './context';
import type { Organizations } from './organizations';
import { type Rng, WeightedPicker } from './prng';
import { editDistance, emailLocalPart, fullNameKey, nearWords, typo } from './text-distance';
import { EXTERNAL_TITLES, FIRST_NAMES, HOME_OCTETS, LAST_NAMES, TIME_ZONES, USER_AGENTS } from './vocabulary';

/** Where a person's role template comes from (internal title or external title). */
export interface PersonPlan {
  person: Person;
  template: TitleTemplate | null;
  externalTitle: string | null;
}

export interface PeopleResult {
  people: Person[];
  plans: Map<Person, PersonPlan>;
  ceo: Person;
  apiUser: Person;
  /** Staff allowed to change access: local and global user administrators with access. */
  admins: Person[];
  duplicates: Array<{ original: Person; duplicate: Person }>;
}

const NEAR_FIRST = nearWords(FIRST_NAMES);
const TIME_ZONE_PICKER = new WeightedPicker(TIME_ZONES.map((z) => z.weight));
const NEAR_LAST = nearWords(LAST_NAMES);

/** Names of one e-mail domain; a new name may not be within two edits of one already there. */
class NamePool {
  readonly keys = new Set<string>();
  readonly fullNames: string[] = [];
  add(first: string, last: string): void {
    this.keys.add(`${first.toLowerCase()}|${last.toLowerCase()}`);
    this.fullNames.push(fullNameKey(first, last));
  }
  /** Fast check for vocabulary names: only near-neighbour combinations can be too close. */
  clashesVocabulary(first: string, last: string): boolean {
    const full = fullNameKey(first, last);
    for (const f of NEAR_FIRST.get(first.toLowerCase()) ?? [first.toLowerCase()]) {
      for (const l of NEAR_LAST.get(last.toLowerCase()) ?? [last.toLowerCase()]) {
        if (this.keys.has(`${f}|${l}`) && editDistance(full, `${f} ${l}`, 2) <= 2) return true;
      }
    }
    return false;
  }
  /** Exhaustive check, for names off the word lists (double-barrelled, typos). */
  clashesAny(first: string, last: string, except?: string): boolean {
    const full = fullNameKey(first, last);
    return this.fullNames.some((other) => other !== except && editDistance(full, other, 2) <= 2);
  }
}

function pickName(rng: Rng, pool: NamePool): [string, string] {
  for (let attempt = 0; attempt < 40; attempt++) {
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    if (!pool.clashesVocabulary(first, last)) return [first, last];
  }
  // A crowded domain: double-barrelled surnames are far from every listed one.
  for (;;) {
    const first = rng.pick(FIRST_NAMES);
    const last = `${rng.pick(LAST_NAMES)}-${rng.pick(LAST_NAMES)}`;
    if (!pool.clashesAny(first, last)) return [first, last];
  }
}

/** Members per department (heads and the API user not counted), GM kept big enough for peers. */
export function allocateStaff(staff: number, departments: readonly DepartmentSpec[]): number[] {
  const remaining = Math.max(0, staff - departments.length - 1);
  const total = departments.reduce((s, d) => s + d.weight, 0);
  const exact = departments.map((d) => (remaining * d.weight) / total);
  const counts = exact.map(Math.floor);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0; counts.reduce((s, c) => s + c, 0) < remaining; k++) counts[order[k % order.length]![1]]! += 1;
  // Grants Management (index 1) needs a peer group of at least five for planted outliers.
  for (let i = counts.length - 1; i >= 0 && (counts[1] ?? 0) < 5; i--) {
    while (i !== 1 && (counts[i] ?? 0) > 0 && (counts[1] ?? 0) < 5) {
      counts[i]! -= 1;
      counts[1]! += 1;
    }
  }
  return counts;
}

function randomIp(rng: Rng): number {
  return ipFromOctets(rng.pick(HOME_OCTETS), rng.int(0, 255), rng.int(0, 255), rng.int(1, 254));
}

export class PeopleBuilder {
  private readonly rng: Rng;
  private readonly pools = new Map<string, NamePool>();
  private readonly people: Person[] = [];
  private readonly plans = new Map<Person, PersonPlan>();
  private readonly homeTz: number;
  private readonly officeIps: number[];
  /** Manager references until ids exist. */
  private readonly managers = new Map<Person, Person | null>();
  private readonly emails = new Set<string>();

  constructor(
    private readonly ctx: GenContext,
    private readonly orgs: Organizations,
  ) {
    this.rng = ctx.rng('people');
    this.homeTz = TIME_ZONES[this.rng.weighted(TIME_ZONES.map((z) => z.weight))]?.offset ?? -300;
    this.officeIps = [randomIp(this.rng), randomIp(this.rng)];
    for (const org of orgs.externals) org.officeIp = randomIp(this.rng);
  }

  private pool(domain: string): NamePool {
    let pool = this.pools.get(domain);
    if (!pool) this.pools.set(domain, (pool = new NamePool()));
    return pool;
  }

  private habits(internal: boolean, officeIp: number | null): LoginHabits {
    const rng = this.rng;
    const tzOffsetMin =
      internal && rng.chance(0.85) ? this.homeTz : (TIME_ZONES[TIME_ZONE_PICKER.pick(rng)]?.offset ?? -300);
    const workStart = internal ? rng.int(7, 10) : rng.int(7, 11);
    const workEnd = Math.min(internal ? 20 : 22, workStart + (internal ? rng.int(8, 10) : rng.int(8, 12)));
    const ips = [officeIp ?? randomIp(rng), randomIp(rng)];
    if (rng.chance(0.3)) ips.push(randomIp(rng));
    if (!internal && rng.chance(0.4)) ips.reverse();
    return {
      tzOffsetMin,
      workStart,
      workEnd,
      weekdaysOnly: internal ? rng.chance(0.95) : rng.chance(0.6),
      ips,
      ua: rng.int(0, USER_AGENTS.length - 1),
    };
  }

  private add(
    companyId: number,
    domain: string,
    title: string,
    created: number,
    internal: boolean,
    officeIp: number | null,
    names?: [string, string],
    email?: string,
  ): Person {
    const [firstName, lastName] = names ?? pickName(this.rng, this.pool(domain));
    this.pool(domain).add(firstName, lastName);
    const person: Person = {
      ...blankPerson(),
      firstName,
      lastName,
      email: email ?? `${emailLocalPart(firstName, lastName)}@${domain}`,
      title,
      phone: phoneNumber(this.rng),
      companyId,
      isExternal: !internal,
      accessType: ACCESS_TYPES.user,
      created,
      lastUpdated: created,
      habits: this.habits(internal, officeIp),
    };
    this.people.push(person);
    this.emails.add(person.email);
    return person;
  }

  private staffMember(
    company: Company,
    spec: DepartmentSpec,
    template: TitleTemplate,
    created: number,
    manager: Person | null,
  ): Person {
    const person = this.add(
      company.id,
      this.orgs.internalDomain,
      template.title,
      created,
      true,
      this.rng.pick(this.officeIps),
    );
    person.department = spec.name;
    this.plans.set(person, { person, template, externalTitle: null });
    this.managers.set(person, manager);
    return person;
  }

  build(memberCounts: readonly number[], externalCount: number, duplicateCount: number): PeopleResult {
    const rng = this.rng;
    const now = this.ctx.now;
    // Staff records are made in office hours (13:00-21:00 UTC is a North American working day).
    const officeHour = (): number => rng.int(13 * 3600, 21 * 3600) * 1000;
    const staffCreated = (minDays: number): number =>
      Math.floor(now / DAY_MS - rng.int(minDays, 10 * 365)) * DAY_MS + officeHour();
    const heads: Person[] = [];
    this.orgs.departments.forEach((dept, i) => {
      const head = this.staffMember(dept.company, dept.spec, dept.spec.head, staffCreated(3 * 365), heads[0] ?? null);
      heads.push(head);
      const members = memberCounts[i] ?? 0;
      const titleOf = (): TitleTemplate =>
        members < 8
          ? (dept.spec.members[0] ?? dept.spec.lead)
          : (dept.spec.members[rng.weighted(dept.spec.members.map((m) => m.weight))] ?? dept.spec.lead);
      if (dept.teams.length === 0) {
        for (let k = 0; k < members; k++) this.staffMember(dept.company, dept.spec, titleOf(), staffCreated(14), head);
        return;
      }
      const perTeam = Math.ceil(members / dept.teams.length);
      dept.teams.forEach((team, t) => {
        const inTeam = Math.min(perTeam, members - t * perTeam);
        if (inTeam <= 0) return;
        const lead = this.staffMember(team, dept.spec, dept.spec.lead, staffCreated(400), head);
        for (let k = 1; k < inTeam; k++) this.staffMember(team, dept.spec, titleOf(), staffCreated(14), lead);
      });
    });
    const ceo = heads[0]!;
    const it = this.orgs.departments.find((d) => d.spec.name === 'Information Technology')!;
    const apiUser = this.add(
      it.company.id,
      this.orgs.internalDomain,
      API_USER_TITLE,
      staffCreated(400),
      true,
      this.officeIps[0] ?? null,
      ['API', 'Integration'],
    );
    apiUser.department = it.spec.name;
    apiUser.accessType = ACCESS_TYPES.api;
    this.managers.set(apiUser, heads[this.orgs.departments.indexOf(it)] ?? ceo);
    this.assignStaffAccess(heads, ceo, apiUser);

    this.buildExternals(externalCount);
    const duplicates = this.plantDuplicates(duplicateCount, apiUser);

    // Ids follow creation time, like a real instance's.
    this.people.sort((a, b) => a.created - b.created);
    let id = 1_200_000 + rng.int(0, 99_999);
    let employee = 10_000 + rng.int(0, 500);
    for (const person of this.people) {
      person.id = id;
      id += rng.int(1, 9);
      if (!person.isExternal) person.employeeNumber = `E${employee++}`;
    }
    for (const person of this.people) person.managerId = this.managers.get(person)?.id ?? null;
    const admins = this.people.filter(
      (p) =>
        !p.isExternal && p.userType !== USER_TYPES.user && p.accessType === ACCESS_TYPES.user && p.status === 'Active',
    );
    this.stampAuthors(admins);
    return { people: this.people, plans: this.plans, ceo, apiUser, admins, duplicates };
  }

  /** Admin types and leavers among the staff. */
  private assignStaffAccess(heads: Person[], ceo: Person, apiUser: Person): void {
    const rng = this.rng;
    for (const person of this.plans.keys()) {
      if (person.isExternal) continue;
      if (
        person === ceo ||
        (heads.includes(person) && person.department === 'Information Technology') ||
        person.title === 'Systems Administrator'
      )
        person.userType = USER_TYPES.globalAdmin;
      else if (heads.includes(person) || (person.title.endsWith('Manager') && rng.chance(0.5)))
        person.userType = USER_TYPES.localAdmin;
      else if (person !== apiUser && rng.chance(0.04)) {
        person.accessType = ACCESS_TYPES.none;
        person.status = 'Inactive';
      }
    }
  }

  private buildExternals(count: number): void {
    const rng = this.rng;
    const now = this.ctx.now;
    const orgs = this.orgs.externals;
    // Every organization gets one contact, the rest go by a skewed size (a few big grantees).
    const sizes = new WeightedPicker(orgs.map(() => Math.exp(rng.next() * 2.5)));
    const assignment = orgs.map((_, i) => i).slice(0, count);
    for (let k = assignment.length; k < count; k++) assignment.push(sizes.pick(rng));
    const titles = new WeightedPicker(EXTERNAL_TITLES.map((x) => x.weight));
    for (const orgIndex of assignment) {
      const org = orgs[orgIndex]!;
      const title = EXTERNAL_TITLES[titles.pick(rng)]?.title ?? 'Program Coordinator';
      const created = org.company.created + Math.floor(rng.next() * (now - DAY_MS - org.company.created));
      const person = this.add(org.company.id, org.domain, title, created, false, org.officeIp);
      this.plans.set(person, { person, template: null, externalTitle: title });
      const kind = rng.next();
      if (kind < 0.14) person.accessType = ACCESS_TYPES.none;
      else if (kind < 0.17) {
        person.status = 'Pending';
        person.created = Math.max(org.company.created, now - rng.int(1, 30) * DAY_MS);
      } else if (kind < 0.2) {
        person.accessType = ACCESS_TYPES.none;
        person.status = 'Inactive';
      } else if (kind < 0.26) {
        // Term-limited access (reviewers, fellows): a third of them already expired.
        person.accessExpiry = rng.chance(0.33) ? now - rng.int(1, 150) * DAY_MS : now + rng.int(20, 400) * DAY_MS;
      }
    }
  }

  /** The same person registered twice: a name typo (e-mail from it) or an e-mail typo. */
  private plantDuplicates(count: number, apiUser: Person): Array<{ original: Person; duplicate: Person }> {
    const rng = this.rng;
    const now = this.ctx.now;
    const candidates = this.people.filter(
      (p) =>
        p !== apiUser && p.status === 'Active' && p.created < now - 60 * DAY_MS && p.accessType !== ACCESS_TYPES.none,
    );
    const pairs: Array<{ original: Person; duplicate: Person }> = [];
    const used = new Set<Person>();
    for (let attempt = 0; pairs.length < count && attempt < count * 20; attempt++) {
      const original = rng.pick(candidates);
      if (used.has(original)) continue;
      const domain = original.email.slice(original.email.indexOf('@') + 1);
      const pool = this.pool(domain);
      let first = original.firstName;
      let last = original.lastName;
      let local = emailLocalPart(first, last);
      if (rng.chance(0.5)) {
        if (rng.chance(0.5)) first = typo(first, rng);
        else last = typo(last, rng);
        local = emailLocalPart(first, last);
      } else local = typo(local, rng);
      const originalFull = fullNameKey(original.firstName, original.lastName);
      const email = `${local}@${domain}`;
      const emailDistance = editDistance(email, original.email, 3);
      if (
        emailDistance === 0 ||
        emailDistance > 2 ||
        local.includes('..') ||
        local.startsWith('.') ||
        local.endsWith('.')
      )
        continue;
      if (pool.clashesAny(first, last, originalFull) || this.emails.has(email)) continue;
      const created = Math.min(now - DAY_MS, original.created + rng.int(30, 700) * DAY_MS);
      const duplicate = this.add(
        original.companyId,
        domain,
        original.title,
        created,
        !original.isExternal,
        original.habits.ips[0] ?? null,
        [first, last],
        email,
      );
      duplicate.department = original.department;
      const plan = this.plans.get(original);
      this.plans.set(duplicate, {
        person: duplicate,
        template: plan?.template ? { ...plan.template, core: [], optional: [] } : null,
        externalTitle: plan?.externalTitle ?? null,
      });
      this.managers.set(duplicate, this.managers.get(original) ?? null);
      used.add(original).add(duplicate);
      pairs.push({ original, duplicate });
    }
    return pairs;
  }

  /** Who created and last updated each record: staff by admins, external people by themselves. */
  private stampAuthors(admins: Person[]): void {
    const rng = this.rng;
    for (const person of this.people) {
      const admin = admins.length > 0 ? rng.pick(admins) : person;
      person.createdBy = person.isExternal ? person.id : admin.id;
      person.lastUpdated = Math.min(this.ctx.now - 3_600_000, person.created + rng.int(0, 500) * DAY_MS);
      if (person.lastUpdated < person.created) person.lastUpdated = person.created;
      person.updatedBy = person.isExternal && rng.chance(0.6) ? person.id : admin.id;
    }
  }
}
