/**
 * The one rule for the Admin API base URL (the jml CLI's `--api-url`, the functions'
 * `ATLASSIAN_API_BASE_URL`): https, except plain http to this machine. Every request carries the
 * org API key as a bearer token, so http to any other host would send the key unencrypted.
 */

const EXAMPLE = 'https://api.atlassian.com/admin';

/** 127.0.0.0/8, ::1 and localhost. WHATWG URL parsing has already normalised `127.1`, `0x7f.0.0.1`... */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * Why `value` cannot be the base URL, as the end of a sentence that starts with the option or
 * variable name ("--api-url must ..."), or undefined when it is fine.
 */
export function apiBaseUrlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return `must be an http(s) URL such as ${EXAMPLE}`;
  }
  if (url.protocol === 'https:') return undefined;
  if (url.protocol !== 'http:') return `must be an http(s) URL such as ${EXAMPLE}`;
  if (isLoopbackHost(url.hostname)) return undefined;
  return (
    `must use https:// for ${url.hostname}: the org API key travels with every request, so http:// is ` +
    `allowed only to this machine (127.0.0.0/8, [::1], localhost), e.g. a local simulator. Use https://${url.host}${url.pathname.replace(/\/+$/, '')}`
  );
}
