import { describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { runScript } from './cli-harness.js';

/** A loopback port nothing listens on: bound once, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('jml run against an API that cannot be reached', () => {
  it('fails within seconds with Atlassian.Unreachable, naming the URL and --api-url, for a refused port and a blocked one', async () => {
    // Prepare
    const refusedUrl = `http://127.0.0.1:${await closedPort()}/admin`;
    const blockedUrl = 'http://127.0.0.1:1/admin'; // fetch never connects to port 1 ("bad port")
    const args = (url: string) => ['run', 'leaver', '--dry-run', '--input', '{"email":"a@acme.example"}', '--api-url', url, '--api-key', 'k', '--org-id', 'o'];

    // Act
    const [refused, blocked] = await Promise.all([runScript('local/cli.ts', args(refusedUrl)), runScript('local/cli.ts', args(blockedUrl))]);

    // Assess: no client or ASL retries (those took 36 s and more), no "temporary problem". The
    // execution's own duration (the CLI's "■ FAILED in N ms") leaves out process start-up, which
    // a loaded machine stretches.
    for (const [result, url, code] of [[refused, refusedUrl, 'ECONNREFUSED'], [blocked, blockedUrl, 'bad port']] as const) {
      expect(result.code, result.stderr).toBe(1);
      const durationMs = Number(/■ FAILED in (\d+) ms/.exec(result.stderr)?.[1]);
      expect(durationMs, result.stderr).toBeLessThan(5_000);
      const output = JSON.parse(result.stdout) as { error: string; cause: string };
      expect(output.error).toBe('Atlassian.Unreachable');
      expect(output.cause).toContain(`could not connect to ${url} (${code}`);
      expect(output.cause).toContain('--api-url');
      expect(output.cause).not.toMatch(/temporary problem|status\.atlassian\.com/);
      expect(result.stderr).not.toMatch(/retry \d/);
    }
  }, 60_000);
});
