/** Investigation: findings and their status, scans, detector settings and rules, risk, timelines, plans from findings. */
import type { Services } from './services';
import type { Handlers } from './dispatch';

type InvestigateChannel = Extract<keyof Handlers, `investigate:${string}`>;

export function investigateHandlers({ investigate }: Services): Pick<Handlers, InvestigateChannel> {
  return {
    'investigate:findings': (input) => investigate.findings(input),
    'investigate:finding': (input) => investigate.finding(input),
    'investigate:setStatus': (input) => investigate.setStatus(input),
    'investigate:scan': (input) => investigate.scan(input),
    'investigate:status': ({ instanceId }) => investigate.status(instanceId),
    'investigate:settings': ({ instanceId }) => investigate.settings(instanceId),
    'investigate:updateSettings': (input) => investigate.updateSettings(input),
    'investigate:addSodRule': (input) => investigate.addSodRule(input),
    'investigate:removeSodRule': (input) => investigate.removeSodRule(input),
    'investigate:risk': (input) => investigate.risk(input),
    'investigate:timeline': (input) => investigate.timeline(input),
    'investigate:makePlan': (input) => investigate.makePlan(input),
  };
}
