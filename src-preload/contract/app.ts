/** The app itself: what it is, where it keeps its data, and the administrator's settings. */
import { z } from 'zod';
import { llmSettingsSchema } from './ai';
import { channel, noInput } from './wire';

/** A person's name as the trail records it. */
export const administratorNameSchema = z
  .string()
  .trim()
  .min(2, 'Enter at least two characters.')
  .max(80, 'A name is limited to 80 characters.')
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  .regex(/^[^\u0000-\u001f]+$/, 'A name cannot contain control characters.');

/** Sync on a schedule while the app is open: off by default, every 5 minutes to once a day. */
export const autoSyncSchema = z
  .object({
    enabled: z.boolean(),
    everyMinutes: z
      .number({ error: 'Enter the minutes between syncs as a whole number from 5 to 1440.' })
      .int('Enter the minutes between syncs as a whole number from 5 to 1440.')
      .min(5, 'Sync at most every 5 minutes: enter 5 or more.')
      .max(1440, 'Sync at least once a day: enter 1440 minutes or fewer.'),
  })
  .strict();
export type AutoSync = z.infer<typeof autoSyncSchema>;

export const themeSchema = z.enum(['light', 'dark', 'auto']);
export const settingsSchema = z
  .object({
    theme: themeSchema,
    /** The instance the screens show; null until one exists. */
    activeInstanceId: z.string().max(64).nullable(),
    /** Records per List call when syncing (SmartConnect allows up to 10,000). */
    syncPageSize: z.number().int().min(10).max(10_000),
    /** The opt-in LLM engine's endpoint (its key is in the keychain). Changed through ai:configureLlm. */
    llm: llmSettingsSchema,
    /**
     * Four-eyes: a privileged operation is approved by a second administrator (a name other than
     * the plan's builder and this computer's administrator), with a reason. On by default.
     */
    fourEyes: z.boolean(),
    /** The administrator's own name on this computer, recorded on plans and approvals (not the OS login). */
    administratorName: administratorNameSchema.nullable(),
    /** Sync the active instance every N minutes while Admin Desk is open (skipped while a sync or apply runs). */
    autoSync: autoSyncSchema,
  })
  .strict();
export type Settings = z.infer<typeof settingsSchema>;

export interface AppInfo {
  name: string;
  version: string;
  /** 'electron' in the desktop app, 'harness' in the browser harness. */
  shell: 'electron' | 'harness' | 'cli';
  dataDir: string;
  schemaVersion: number;
  platform: string;
}

export const appChannels = {
  /** What the app is and where it keeps its data. */
  'app:info': channel<AppInfo>()({ input: noInput }),

  /** All settings. */
  'settings:get': channel<Settings>()({ input: noInput, reads: ['settings'] }),
  /** Change some settings; returns all of them. */
  'settings:update': channel<Settings>()({
    input: settingsSchema.omit({ llm: true }).partial().strict(),
    writes: ['settings', 'audit'],
  }),
} as const;
