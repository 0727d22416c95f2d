/**
 * Failures before any byte reached the API: the host name does not resolve, nothing listens on
 * the port, no route, or TLS could not be set up. Retrying does not help (a wrong `--api-url` /
 * `ATLASSIAN_API_BASE_URL` stays wrong), so these become `Atlassian.Unreachable`, not
 * `Atlassian.Transient`. Resets and timeouts after connecting stay transient.
 */

/** What a connect-phase failure means, in an admin's words, keyed by the socket/TLS error code. */
const CONNECT_FAILURES: Record<string, string> = {
  ECONNREFUSED: 'nothing accepts connections at that address and port',
  ENOTFOUND: 'the host name does not resolve',
  EAI_AGAIN: 'the host name could not be resolved (DNS did not answer)',
  EAI_FAIL: 'the host name could not be resolved',
  EHOSTUNREACH: 'there is no route to the host',
  ENETUNREACH: 'the network is unreachable',
  EADDRNOTAVAIL: 'the address is not available from this machine',
  ERR_SSL_WRONG_VERSION_NUMBER: 'the server does not speak TLS on that port; a local simulator takes http://',
  CERT_HAS_EXPIRED: 'its TLS certificate has expired',
  ERR_TLS_CERT_ALTNAME_INVALID: 'its TLS certificate is for another host name',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its TLS certificate is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'its TLS certificate chain is not trusted; behind a TLS-inspecting proxy, set NODE_EXTRA_CA_CERTS',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'its TLS certificate issuer is not trusted; behind a TLS-inspecting proxy, set NODE_EXTRA_CA_CERTS',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its TLS certificate cannot be verified; behind a TLS-inspecting proxy, set NODE_EXTRA_CA_CERTS',
};

export interface ConnectFailure {
  /** The socket or TLS error code, e.g. `ECONNREFUSED` (`bad port` for fetch's blocked ports). */
  code: string;
  /** What it means, e.g. "the host name does not resolve". */
  meaning: string;
}

/** The connect-phase failure behind a `fetch` rejection, or undefined for anything else. */
export function connectFailureOf(cause: unknown): ConnectFailure | undefined {
  if (!(cause instanceof Error)) return undefined;
  const inner = cause.cause as { code?: unknown; message?: unknown; errors?: unknown } | undefined;
  if (!inner) return undefined;
  // fetch refuses ports such as 1, 22 or 6000 without connecting (the Fetch standard's "bad port").
  if (inner.message === 'bad port') return { code: 'bad port', meaning: 'fetch never connects to that port, choose another one' };
  for (const code of codesOf(inner)) {
    const meaning = CONNECT_FAILURES[code];
    if (meaning) return { code, meaning };
  }
  return undefined;
}

/** The error's code, and those of an AggregateError's parts (IPv4 and IPv6 tried in turn). */
function codesOf(inner: { code?: unknown; errors?: unknown }): string[] {
  const codes = typeof inner.code === 'string' ? [inner.code] : [];
  if (Array.isArray(inner.errors)) {
    for (const part of inner.errors) if (typeof (part as { code?: unknown })?.code === 'string') codes.push((part as { code: string }).code);
  }
  return codes;
}

/** The base URL as it may appear in a message: no user info, no query. */
export function displayUrl(baseUrl: string): string {
  try {
    const url = new URL(baseUrl);
    return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return '(an invalid URL)';
  }
}
