import { createHash } from 'node:crypto';

/**
 * Stable identifiers derived from a seed and a name, so the demo org's account ids, group ids
 * and site ids are the same on every run (example configs and docs can quote them) and do not
 * depend on the order in which things are generated.
 */
export function stableUuid(seed: string, name: string): string {
  const hex = createHash('sha256').update(`${seed}\u0000${name}`).digest('hex');
  // Shape it like an RFC 4122 v4 UUID: Atlassian ids for orgs, groups and directories are UUIDs.
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The stable account id of the user with `email` in an org generated from `seed`. */
export function accountIdFor(seed: string, email: string): string {
  return stableUuid(seed, `user:${email.toLowerCase()}`);
}

/** The stable id of the group named `name` in an org generated from `seed`. */
export function groupIdFor(seed: string, name: string): string {
  return stableUuid(seed, `group:${name.toLowerCase()}`);
}
