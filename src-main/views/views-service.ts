/**
 * Saved views of the People list (per instance) and the list's layout (columns and sort, kept
 * between visits). Names are unique per instance without regard to case, so "Dormant admins" and
 * "dormant admins" cannot both exist and confuse a pick from the menu.
 */
import crypto from 'node:crypto';
import {
  DEFAULT_PEOPLE_COLUMNS,
  DEFAULT_PEOPLE_SORT,
  type PeopleLayout,
  type PeopleView,
} from '../../src-preload/contract';
import type { DB } from '../db/open';
import { conflict, notFound, validation } from '../errors/app-error';
import type { InstancesService } from '../instances/instances-service';
import { readLayout, readViews, writeLayout, writeViews } from './views-store';

/** A desk keeps a handful of views per instance; more is a list nobody can pick from. */
export const MAX_VIEWS_PER_INSTANCE = 50;

export interface ViewsService {
  list(instanceId: string): PeopleView[];
  create(instanceId: string, view: ParsedView): PeopleView;
  update(instanceId: string, id: string, patch: Partial<ParsedView>): PeopleView;
  remove(instanceId: string, id: string): { deleted: true };
  layout(): PeopleLayout;
  setLayout(layout: PeopleLayout): PeopleLayout;
}

/** What a view holds, as the contract's schema leaves it (the name trimmed). */
type ParsedView = Omit<PeopleView, 'id' | 'createdAt' | 'updatedAt'>;

export interface ViewsServiceDeps {
  db: DB;
  instances: InstancesService;
  now?: () => number;
}

export function createViewsService({ db, instances, now = Date.now }: ViewsServiceDeps): ViewsService {
  const known = (instanceId: string) => instances.get(instanceId).id;
  const stamp = () => new Date(now()).toISOString();
  const nameTaken = (views: PeopleView[], name: string, except?: string) =>
    views.some((v) => v.id !== except && v.name.toLowerCase() === name.toLowerCase());
  const taken = (name: string) =>
    conflict(`A view called "${name}" already exists: choose another name, or save over that view.`);

  return {
    list: (instanceId) =>
      readViews(db, known(instanceId)).sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' })),
    create: (instanceId, input) =>
      db.transaction(() => {
        const id = known(instanceId);
        const views = readViews(db, id);
        if (nameTaken(views, input.name)) throw taken(input.name);
        if (views.length >= MAX_VIEWS_PER_INSTANCE)
          throw validation(`An instance keeps at most ${MAX_VIEWS_PER_INSTANCE} views: delete one you no longer use.`);
        const at = stamp();
        const view: PeopleView = { ...input, id: crypto.randomUUID(), createdAt: at, updatedAt: at };
        writeViews(db, id, [...views, view]);
        return view;
      })(),
    update: (instanceId, viewId, patch) =>
      db.transaction(() => {
        const id = known(instanceId);
        const views = readViews(db, id);
        const current = views.find((v) => v.id === viewId);
        if (!current) throw notFound('The view');
        if (patch.name !== undefined && nameTaken(views, patch.name, viewId)) throw taken(patch.name);
        const next: PeopleView = { ...current, ...patch, updatedAt: stamp() };
        writeViews(
          db,
          id,
          views.map((v) => (v.id === viewId ? next : v)),
        );
        return next;
      })(),
    remove: (instanceId, viewId) =>
      db.transaction(() => {
        const id = known(instanceId);
        const views = readViews(db, id);
        if (!views.some((v) => v.id === viewId)) throw notFound('The view');
        writeViews(
          db,
          id,
          views.filter((v) => v.id !== viewId),
        );
        return { deleted: true as const };
      })(),
    layout: () => readLayout(db) ?? { columns: [...DEFAULT_PEOPLE_COLUMNS], sort: DEFAULT_PEOPLE_SORT },
    setLayout(layout) {
      writeLayout(db, layout);
      return layout;
    },
  };
}
