import type { JoinerInput } from '../../../../workflows/inputs/joiner.input.js';
import { givenAttributes, requestBasics, userLookup, type RequestBasics, type UserLookup } from './request-basics.js';

/** The joiner's `$.request`. */
export interface JoinerRequest extends RequestBasics, UserLookup {
  workflow: 'joiner';
  attributes: { department?: string; jobTitle?: string; location?: string };
  /** The invite's display name (given, or derived from the email). */
  displayName: string;
}

/** `jane.doe@x` -> `Jane Doe`: a readable default display name for an invite. */
export function nameFromEmail(email: string): string {
  return email
    .split('@')[0]
    .split(/[._-]+/)
    .filter(Boolean)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join(' ');
}

export function prepareJoinerRequest(data: JoinerInput, now: Date): JoinerRequest {
  return {
    workflow: 'joiner',
    ...requestBasics('joiner', data, now),
    ...userLookup(data),
    attributes: givenAttributes(data),
    displayName: data.name ?? nameFromEmail(data.email),
  };
}
