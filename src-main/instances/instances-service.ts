/**
 * Instances and the app's settings: the SmartSimple instances this desk knows (their settings
 * that are not secret) and the one active among them. Every capability that takes an instance id
 * from the renderer asks `get` first, so an unknown id is NOT_FOUND rather than an empty answer.
 */
import type { Instance, InstanceInput, Settings } from '../../src-preload/contract';
import type { DB } from '../db/open';
import { createInstance, getInstance, listInstances, renameInstance } from './instances-store';
import { getSettings, updateSettings } from './settings-store';

export interface InstancesService {
  list(): Instance[];
  /** The instance, or NOT_FOUND. */
  get(instanceId: string): Instance;
  /** A new instance; it becomes the active one when none is. */
  create(input: InstanceInput): Instance;
  rename(instanceId: string, name: string): Instance;
  settings(): Settings;
  /** Changes some settings (an active instance must exist); returns all of them. */
  updateSettings(patch: Partial<Settings>): Settings;
}

/** Settings that change who approves what: each change is an administrator decision the trail keeps. */
export const POLICY_SETTINGS = ['fourEyes', 'administratorName'] as const;
export type PolicySettingChange = {
  setting: (typeof POLICY_SETTINGS)[number];
  from: unknown;
  to: unknown;
};

export interface InstancesServiceDeps {
  db: DB;
  /** Called inside the settings transaction when a policy setting changes (the trail records it). */
  onPolicySettingsChanged?: (changes: PolicySettingChange[], after: Settings) => void;
}

export function createInstancesService({ db, onPolicySettingsChanged }: InstancesServiceDeps): InstancesService {
  return {
    list: () => listInstances(db),
    get: (instanceId) => getInstance(db, instanceId),
    create(input) {
      const created = createInstance(db, input);
      if (!getSettings(db).activeInstanceId) updateSettings(db, { activeInstanceId: created.id });
      return created;
    },
    rename: (instanceId, name) => renameInstance(db, instanceId, name),
    settings: () => getSettings(db),
    updateSettings(patch) {
      if (patch.activeInstanceId) getInstance(db, patch.activeInstanceId);
      return db.transaction(() => {
        const before = getSettings(db);
        const after = updateSettings(db, patch);
        const changes = POLICY_SETTINGS.filter((k) => before[k] !== after[k]).map((setting) => ({
          setting,
          from: before[setting],
          to: after[setting],
        }));
        if (changes.length > 0) onPolicySettingsChanged?.(changes, after);
        return after;
      })();
    },
  };
}
