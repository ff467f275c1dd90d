/**
 * Every channel (`domain:verb`) in one table, merged from the domain files in the order the app
 * grew, and the types derived from it. Main registers handlers only by iterating `channels`, and
 * validates every input with its schema before a handler runs; a channel missing its handler does
 * not type-check.
 */
import type { z } from 'zod';
import { aiChannels } from './ai';
import { askChannels } from './ask';
import { appChannels } from './app';
import { auditChannels } from './audit';
import { evidenceChannels } from './evidence';
import { connectChannels } from './connect';
import { helpdeskChannels } from './helpdesk';
import { intakeChannels } from './intake';
import { investigateChannels } from './investigate';
import { jobsChannels } from './jobs';
import { jumpChannels } from './jump';
import { licensesChannels } from './licenses';
import { lifecycleChannels } from './lifecycle';
import { lifecycleTemplatesChannels } from './lifecycle-templates';
import { mirrorChannels } from './mirror';
import { onboardingChannels } from './onboarding';
import { plansChannels } from './plans';
import { reviewsChannels } from './reviews';
import { syncChannels } from './sync';
import { viewsChannels } from './views';

export const channels = {
  ...appChannels,
  ...connectChannels,
  ...syncChannels,
  ...mirrorChannels,
  ...plansChannels,
  ...auditChannels,
  ...jobsChannels,
  ...aiChannels,
  ...askChannels,
  ...evidenceChannels,
  ...onboardingChannels,
  ...intakeChannels,
  ...investigateChannels,
  ...viewsChannels,
  ...jumpChannels,
  ...helpdeskChannels,
  ...reviewsChannels,
  ...licensesChannels,
  ...lifecycleChannels,
  ...lifecycleTemplatesChannels,
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type InputOf<C extends ChannelName> = z.input<Channels[C]['input']>;
export type ParsedInputOf<C extends ChannelName> = z.output<Channels[C]['input']>;
export type ResultOf<C extends ChannelName> = NonNullable<Channels[C]['result']>;

export const CHANNEL_NAMES = Object.keys(channels) as ChannelName[];
export function isChannelName(value: unknown): value is ChannelName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(channels, value);
}
