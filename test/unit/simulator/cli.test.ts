import { describe, expect, it } from 'vitest';
import { startSimulatorCli } from './cli-process.js';

describe('npm run simulator (cli.ts)', () => {
  it('starts on 127.0.0.1, prints base URL, org id and API key, serves requests and stops cleanly', async () => {
    // Prepare
    const cli = await startSimulatorCli(['--port', '0', '--users', '40', '--seed', 'clitest', '--api-key', 'cli-key', '--faults', 'rate5xx=1@**/groups/stats']);

    // Act
    const baseUrl = cli.lines.get('base URL')!;
    const orgId = cli.lines.get('org id')!;
    const count = await fetch(`${baseUrl}/v2/orgs/${orgId}/directories/${cli.lines.get('directory id')}/users/count`, { headers: { Authorization: 'Bearer cli-key' } });
    const faulty = await fetch(`${baseUrl}/v2/orgs/${orgId}/directories/${cli.lines.get('directory id')}/groups/stats`, { headers: { Authorization: 'Bearer cli-key' } });
    const body = await count.json();
    const exitCode = await cli.stop();

    // Assess
    expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/admin$/);
    expect(cli.lines.get('API key')).toBe('cli-key');
    expect(body).toEqual({ count: 40 });
    expect(faulty.status).toBeGreaterThanOrEqual(500);
    expect(exitCode).toBe(0);
  });

  it('refuses bad arguments with one line naming the flag', async () => {
    // Act
    const attempt = startSimulatorCli(['--users', 'many']).then(() => 'started', (error: Error) => error.message);

    // Assess
    expect(await attempt).toMatch(/--users must be a whole number between 1 and 200000; got "many"\./);
  });
});
