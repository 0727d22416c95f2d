import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSimulator, type TestSimulator } from '../sim-client.js';

let sim: TestSimulator;
beforeAll(async () => {
  sim = await startTestSimulator({ apiKey: 'guard-key' });
});
afterAll(() => sim.close());

/** A raw HTTP request: fetch cannot set `Host`, and browsers' headers are what is under test. */
function send(method: string, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: sim.port, method, path, headers }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => { text += chunk.toString(); });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const evilUser = JSON.stringify([{ email: 'mallory@acme.example' }]);
const created = () => sim.state.findUserByEmail('mallory@acme.example') !== undefined;

describe('the simulator refuses browser and DNS-rebinding requests', () => {
  it('refuses a cross-origin text/plain POST to /__control (the browser "simple request") and creates nothing', async () => {
    // Act
    const response = await send('POST', '/__control/users', { Origin: 'http://evil.example', 'Content-Type': 'text/plain' }, evilUser);

    // Assess
    expect(response).toEqual({ status: 403, body: { error: expect.stringMatching(/Cross-origin requests are refused \(Origin: http:\/\/evil\.example\)/) } });
    expect(created()).toBe(false);
  });

  it('refuses a non-JSON control body without any Origin with 415, and creates nothing', async () => {
    // Act
    const plain = await send('POST', '/__control/users', { 'Content-Type': 'text/plain' }, evilUser);
    const none = await send('POST', '/__control/users', {}, evilUser);

    // Assess
    expect(plain).toEqual({ status: 415, body: { error: expect.stringMatching(/Content-Type: application\/json \(got "text\/plain"\)/) } });
    expect(none.status).toBe(415);
    expect(created()).toBe(false);
  });

  it('refuses a foreign Host (DNS rebinding) on /__control and on the admin API', async () => {
    // Act
    const control = await send('GET', '/__control/state', { Host: `evil.example:${sim.port}` });
    const api = await send('GET', `/admin${sim.v2}/users/count`, { Host: 'evil.example', Authorization: 'Bearer guard-key' });

    // Assess
    expect(control).toEqual({ status: 403, body: { error: expect.stringMatching(/Host "evil\.example:\d+" is refused.*127\.0\.0\.1:\d+/) } });
    expect(api).toEqual({ status: 403, body: { code: 403, message: expect.stringMatching(/Host "evil\.example" is refused/) } });
  });

  it('refuses a foreign Origin on the admin API too, even with the right API key', async () => {
    // Act
    const response = await send('GET', `/admin${sim.v2}/users/count`, { Origin: 'https://evil.example', Authorization: 'Bearer guard-key' });
    const nullOrigin = await send('GET', `/admin${sim.v2}/users/count`, { Origin: 'null', Authorization: 'Bearer guard-key' });

    // Assess
    expect(response).toEqual({ status: 403, body: { code: 403, message: expect.stringMatching(/Cross-origin/) } });
    expect(nullOrigin.status).toBe(403);
  });

  it('serves loopback hosts, its own origin, JSON bodies and body-less control calls', async () => {
    // Act
    const localhost = await send('GET', '/__control/clock', { Host: `localhost:${sim.port}` });
    const ipv6 = await send('GET', `/admin${sim.v2}/users/count`, { Host: `[::1]:${sim.port}`, Authorization: 'Bearer guard-key' });
    const sameOrigin = await send('GET', '/__control/state', { Origin: `http://127.0.0.1:${sim.port}` });
    const json = await send('POST', '/__control/users', { 'Content-Type': 'application/json; charset=utf-8' }, JSON.stringify([{ email: 'tess@acme.example' }]));
    const reset = await send('POST', '/__control/reset', {});

    // Assess
    expect([localhost.status, ipv6.status, sameOrigin.status, json.status, reset.status]).toEqual([200, 200, 200, 200, 200]);
    expect(ipv6.body).toEqual({ count: sim.state.users.size });
  });
});
