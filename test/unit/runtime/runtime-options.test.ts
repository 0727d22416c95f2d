import { describe, expect, it } from 'vitest';
import { parseRuntimeCommandLine } from '../../../local/runtime/runtime-options.js';
import { checkExecutionName } from '../../../local/runtime/sfn/start-execution-checks.js';
import { Router } from '../../../local/runtime/http/router.js';
import { refuseBrowserRequests } from '../../../local/runtime/http/request-guards.js';

describe('parseRuntimeCommandLine', () => {
  it('defaults to port 8083, .jml/, the system clock, 16 slots and the embedded simulator', () => {
    // Act
    const command = parseRuntimeCommandLine([], {});

    // Assess
    expect(command).toEqual({ help: false, options: { port: 8083, dataDir: '.jml', clock: 'system', concurrency: 16 } });
  });

  it('takes a real org from --api-url and --org-id, with the key only from ATLASSIAN_API_KEY', () => {
    // Act
    const command = parseRuntimeCommandLine(['--api-url', 'https://api.atlassian.com/admin/', '--org-id', 'org-1', '--directory-api', 'v1'], { ATLASSIAN_API_KEY: ' secret ' });

    // Assess
    expect(command.help === false && command.options.api).toEqual({ baseUrl: 'https://api.atlassian.com/admin', apiKey: 'secret', orgId: 'org-1', generation: 'v1' });
  });

  it.each([
    [['--port', '70000'], '--port must be a whole number from 0 to 65535, not "70000"'],
    [['--port', '80.5'], '--port must be a whole number from 0 to 65535, not "80.5"'],
    [['--concurrency', '0'], '--concurrency must be a whole number from 1 to 1024, not "0"'],
    [['--clock', 'fast'], '--clock must be system or manual, not "fast"'],
    [['--org-id', 'x'], '--org-id only applies with --api-url (without it the embedded simulator is used)'],
    [['--api-url', 'ftp://x'], '--api-url must be an http(s) URL such as https://api.atlassian.com/admin, not "ftp://x"'],
    [['--api-url', 'https://api.atlassian.com/admin'], '--api-url needs the org API key in the ATLASSIAN_API_KEY environment variable'],
    [['--config', '/nonexistent.yaml'], '--config /nonexistent.yaml: no such file (give a JSON or YAML access-rules file)'],
    [['--verbose'], "Unknown option '--verbose'"],
  ])('refuses %j with one line', (argv, message) => {
    // Act + Assess
    expect(() => parseRuntimeCommandLine(argv, {})).toThrow(message);
  });

  it('refuses --api-url without --org-id even with a key', () => {
    expect(() => parseRuntimeCommandLine(['--api-url', 'https://api.atlassian.com/admin'], { ATLASSIAN_API_KEY: 'k' })).toThrow(/needs --org-id/);
  });
});

describe('checkExecutionName', () => {
  it('accepts AWS-valid names, including 80 characters and non-ASCII letters', () => {
    for (const name of ['leaver-HR-1234', 'a', 'x'.repeat(80), 'jörg_müller.2026', '😀'.repeat(80)]) expect(() => checkExecutionName(name)).not.toThrow();
  });

  it.each(['', 'x'.repeat(81), 'two words', 'new\nline', 'a<b', 'a>b', 'a{b', 'a}b', 'a[b', 'a]b', 'a?b', 'a*b', 'a"b', 'a#b', 'a%b', 'a\\b', 'a^b', 'a|b', 'a~b', 'a`b', 'a$b', 'a&b', 'a,b', 'a;b', 'a:b', 'a/b', 'a\u0000b', 'a\u007fb', 'a\u0085b', 'a\ufffeb'])(
    'refuses %j as InvalidName',
    (name) => {
      expect(() => checkExecutionName(name)).toThrow(expect.objectContaining({ type: 'InvalidName' }));
    },
  );
});

describe('Router and browser guards', () => {
  it('matches literal segments and decoded :params, first registered wins', () => {
    // Prepare
    const router = new Router();
    const webhook = () => ({ status: 202 });
    router.add('POST', '/webhooks/:source', webhook).add('POST', '/webhooks/special', () => ({ status: 500 }));

    // Act + Assess
    expect(router.match('POST', '/webhooks/hi%20bob')).toEqual({ handler: webhook, params: { source: 'hi bob' } });
    expect(router.match('POST', '/webhooks/special')?.handler).toBe(webhook);
    expect(router.match('GET', '/webhooks/x')).toBeUndefined();
    expect(router.methodsAt('/webhooks/x')).toEqual(['POST']);
    expect(router.match('POST', '/webhooks/a/b')).toBeUndefined();
  });

  it('lets the loopback host through and nothing a browser page could send', () => {
    expect(refuseBrowserRequests({ host: '127.0.0.1:8083' }, 8083)).toBeUndefined();
    expect(refuseBrowserRequests({ host: 'LOCALHOST:8083' }, 8083)).toBeUndefined();
    expect(refuseBrowserRequests({ host: '127.0.0.1:8084' }, 8083)?.status).toBe(403);
    expect(refuseBrowserRequests({}, 8083)?.status).toBe(403);
    expect(refuseBrowserRequests({ host: 'rebind.attacker.example:8083' }, 8083)?.status).toBe(403);
    expect(refuseBrowserRequests({ host: '127.0.0.1:8083', origin: 'http://127.0.0.1:8083' }, 8083)?.status).toBe(403);
  });
});
