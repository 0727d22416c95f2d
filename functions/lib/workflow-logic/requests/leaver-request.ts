import type { LeaverInput } from '../../../../workflows/inputs/leaver.input.js';
import type { JmlConfig } from '../../config/jml-config-schema.js';
import { requestBasics, userLookup, type RequestBasics, type UserLookup } from './request-basics.js';

/** The leaver's `$.request`. */
export interface LeaverRequest extends RequestBasics, UserLookup {
  workflow: 'leaver';
  /** Days and seconds between suspension and removal. */
  graceDays: number;
  graceSeconds: number;
  /** Go ahead although the org-wide daily brake is engaged (a person decided so after review). */
  overrideLimits: boolean;
}

/** Fills in the grace period from the config; effectiveAt plus grace must fit in a Standard execution. */
export function prepareLeaverRequest(data: LeaverInput, config: JmlConfig, now: Date): LeaverRequest {
  const graceDays = data.graceDays ?? config.leaver.graceDays;
  return { workflow: 'leaver', ...requestBasics('leaver', data, now, graceDays), ...userLookup(data), graceDays, graceSeconds: graceDays * 86_400, overrideLimits: data.overrideLimits === true };
}
