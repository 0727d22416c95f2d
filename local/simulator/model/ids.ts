/**
 * Stable identifiers derived from a seed and a name, so the demo org's account ids, group ids
 * and site ids are the same on every run (example configs and docs can quote them) and do not
 * depend on the order in which things are generated. A fast 128-bit non-cryptographic hash
 * (cyrb128) keeps 100,000-user orgs quick to generate; these ids are not secrets.
 */
export function stableUuid(seed: string, name: string): string {
  const [a, b, c, d] = cyrb128(`${seed}\u0000${name}`);
  const hex = hex8(a) + hex8(b) + hex8(c) + hex8(d);
  // Shaped like an RFC 4122 v4 UUID: Atlassian ids for orgs, groups and directories are UUIDs.
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

const HEX_BYTES = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

function hex8(value: number): string {
  return HEX_BYTES[(value >>> 24) & 0xff] + HEX_BYTES[(value >>> 16) & 0xff] + HEX_BYTES[(value >>> 8) & 0xff] + HEX_BYTES[value & 0xff];
}

function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703, h2 = 3144134277, h3 = 1013904242, h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1, h2, h3, h4];
}
