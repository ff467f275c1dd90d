/** The app itself: what it is, where it keeps its data, and the administrator's settings. */
import { z } from 'zod';
import { llmSettingsSchema } from './ai';
import { channel, noInput } from './wire';

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
    writes: ['settings'],
  }),
} as const;
