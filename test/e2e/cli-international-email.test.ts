import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startSimulator } from '../../local/simulator/index.js';
import { runCli } from './cli-harness.js';

/** RFC 6531 addresses through `jml` (in-process, embedded simulator), as a newcomer types them. */

const EXAMPLE = new URL('../../config/jml.example.yaml', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'jml-idn-email-'));

describe('jml run with an internationalised email address', () => {
  it('joiner --dry-run plans for josé.müller@acme.example (exit 0)', async () => {
    // Act
    const result = await runCli(['run', 'joiner', '--dry-run', '-q', '--input', '{"email":"josé.müller@acme.example","department":"Engineering"}']);

    // Assess
    expect(result.code, result.stderr).toBe(0);
    const output = JSON.parse(result.stdout) as { status: string; message: string; planned: Array<{ action: string; target: string }> };
    expect(output.status).toBe('DRY_RUN');
    expect(output.message).toContain('josé.müller@acme.example');
    expect(output.planned[0]).toMatchObject({ action: 'inviteUser', target: 'josé.müller@acme.example' });
  });

  it('joiner invites Ünal.Yılmaz@acme.example on the simulator; a leaver finds that account by the address in lower case', async () => {
    // Prepare
    const sim = await startSimulator({ port: 0, rateLimits: false });
    const api = ['--api-url', sim.baseUrl, '--org-id', sim.orgId, '--waits', 'short', '--data', mkdtempSync(join(dir, 'data-'))];
    const env = { ATLASSIAN_API_KEY: sim.apiKey };

    try {
      // Act
      const joiner = await runCli(['run', 'joiner', '-q', '--input', '{"email":"Ünal.Yılmaz@acme.example","name":"Ünal Yılmaz"}', ...api], env);
      const leaver = await runCli(['run', 'leaver', '--dry-run', '-q', '--input', '{"email":"ünal.yılmaz@acme.example"}', ...api], env);

      // Assess
      expect(joiner.code, joiner.stdout + joiner.stderr).toBe(0);
      expect(JSON.parse(joiner.stdout)).toMatchObject({ status: 'SUCCEEDED', user: { email: 'Ünal.Yılmaz@acme.example', name: 'Ünal Yılmaz' } });
      expect(leaver.code, leaver.stdout + leaver.stderr).toBe(0);
      expect(JSON.parse(leaver.stdout)).toMatchObject({ status: 'DRY_RUN', user: { email: 'Ünal.Yılmaz@acme.example' } });
    } finally {
      await sim.close();
    }
  });

  it.each([
    ['a@b', 'no top-level domain'],
    ['josé@müller', 'a single-label domain'],
    ['jo sé@acme.example', 'a space'],
  ])('still refuses %j (%s) with the field named, nothing called (exit 2)', async (email) => {
    // Act
    const result = await runCli(['run', 'leaver', '--input', JSON.stringify({ email })]);

    // Assess
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('email: email must be an email address such as jane.doe@example.com');
    expect(result.stderr).not.toContain('▶');
  });

  it('check-config takes an internationalised protected account and looks it up in the org', async () => {
    // Prepare
    const config = join(dir, 'protected-idn.yaml');
    writeFileSync(config, readFileSync(EXAMPLE, 'utf8').replace('- email: grace.hopper@acme.example', '- email: grâce.hopper@acme.example'));

    // Act
    const result = await runCli(['check-config', '--config', config, '-q']);

    // Assess: valid (not "expected an email address"), and not in the demo org.
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('protectedAccounts[1].email: no user "grâce.hopper@acme.example" in the org\'s directory');
  });
});
