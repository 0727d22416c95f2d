import type { MoverInput } from '../../../../workflows/inputs/mover.input.js';
import { givenAttributes, requestBasics, userLookup, type RequestBasics, type UserLookup } from './request-basics.js';

/** The mover's `$.request`. */
export interface MoverRequest extends RequestBasics, UserLookup {
  workflow: 'mover';
  /** The new HR attributes; left-out ones keep the directory's values. */
  attributes: { department?: string; jobTitle?: string; location?: string };
}

export function prepareMoverRequest(data: MoverInput, now: Date): MoverRequest {
  return { workflow: 'mover', ...requestBasics('mover', data, now), ...userLookup(data), attributes: givenAttributes(data) };
}
