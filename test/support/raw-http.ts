import { connect } from 'node:net';

/** Every name `Object.prototype` has: `constructor`, `__proto__`, `hasOwnProperty`, `toString`, ... */
export const PROTOTYPE_NAMES: readonly string[] = Object.getOwnPropertyNames(Object.prototype);

export interface RawAnswer {
  status: number;
  head: string;
  body: string;
}

/**
 * Sends `request` (the exact bytes: request line, headers, body) on a fresh TCP connection and reads
 * until the server closes it. For request targets `fetch` would normalise (`//`, `*`, `http://evil/`).
 */
export function rawRequest(port: number, request: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const split = text.indexOf('\r\n\r\n');
      const head = split < 0 ? text : text.slice(0, split);
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0), head, body: split < 0 ? '' : text.slice(split + 4) });
    });
    socket.write(request);
  });
}

/** `GET <target>` with the Host the server expects and `Connection: close`. */
export function rawGet(port: number, target: string, method = 'GET'): Promise<RawAnswer> {
  return rawRequest(port, `${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`);
}

/** The request targets a URL parser chokes on or a proxy would take, which no route of ours serves. */
export const ODD_TARGETS: readonly string[] = ['//', '//x', '/%', '/%E0%A4%A', 'http://evil/', '*', '/\\evil.example/', 'x'];

export interface SlowClientResult {
  /** What the server sent before closing (Node's 408 when a timeout fired). */
  answer: string;
  /** Milliseconds from the first byte sent until the server closed the connection; undefined if it was still open at `giveUpMs`. */
  closedAfterMs: number | undefined;
}

/**
 * A client that never finishes its request: `short-body` sends headers with `Content-Length: 100`
 * and 10 bytes of body; `header-drip` sends the request line and then one header line every
 * `dripMs` forever (slowloris). Resolves when the server closes the connection, or at `giveUpMs`.
 */
export function slowClient(port: number, mode: 'short-body' | 'header-drip', giveUpMs: number, dripMs = 50): Promise<SlowClientResult> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    let drip: NodeJS.Timeout | undefined;
    const giveUp = setTimeout(() => {
      clearInterval(drip);
      socket.destroy();
      resolve({ answer, closedAfterMs: undefined });
    }, giveUpMs);
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('utf8')));
    socket.on('error', (error) => {
      clearTimeout(giveUp);
      clearInterval(drip);
      reject(error);
    });
    socket.on('close', () => {
      clearTimeout(giveUp);
      clearInterval(drip);
      resolve({ answer, closedAfterMs: performance.now() - started });
    });
    const head = `POST /webhooks/hibob HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\n`;
    if (mode === 'short-body') {
      socket.write(`${head}Content-Length: 100\r\n\r\n0123456789`);
    } else {
      socket.write(head);
      let line = 0;
      drip = setInterval(() => {
        if (!socket.destroyed) socket.write(`X-Drip-${line++}: a\r\n`);
      }, dripMs);
    }
  });
}
