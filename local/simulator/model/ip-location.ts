/**
 * A tiny, deterministic IP -> location table so audit events carry a `location` the
 * `location` filter of `GET /v1/orgs/{orgId}/events` can match. The prefixes are the
 * documentation ranges (RFC 5737), so no real address is ever implied.
 */
export interface IpLocation {
  ip: string;
  city?: string;
  regionName?: string;
  countryName?: string;
}

const KNOWN_PREFIXES: ReadonlyArray<{ prefix: string; city: string; regionName: string; countryName: string }> = [
  { prefix: '203.0.113.', city: 'Sydney', regionName: 'New South Wales', countryName: 'Australia' },
  { prefix: '198.51.100.', city: 'Austin', regionName: 'Texas', countryName: 'United States' },
  { prefix: '192.0.2.', city: 'Amsterdam', regionName: 'North Holland', countryName: 'Netherlands' },
];

/** The address an event gets when the caller did not say where it came from. */
export const DEFAULT_EVENT_IP = '203.0.113.10';

/** Looks up the city / region / country of an IP; unknown addresses get the IP alone. */
export function locateIp(ip: string): IpLocation {
  const known = KNOWN_PREFIXES.find((entry) => ip.startsWith(entry.prefix));
  if (!known) return { ip };
  return { ip, city: known.city, regionName: known.regionName, countryName: known.countryName };
}
