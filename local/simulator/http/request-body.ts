import type { IncomingMessage } from 'node:http';
import type { z } from 'zod';
import type { ErrorStyle } from './model-errors.js';
import { applicationError, uamError, type WireError } from './wire-error.js';

const MAX_BODY_BYTES = 1_048_576;

/** Reads the whole request body (needed anyway to keep the connection reusable). */
export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw applicationError(413, 'ADMIN-400-24', 'Request body too large', `Bodies are limited to ${MAX_BODY_BYTES} bytes.`);
    chunks.push(chunk);
  }
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
}

/** Parses a JSON body; empty = `undefined`; malformed = 400 saying what is wrong. */
export function parseJsonBody(raw: Buffer, style: ErrorStyle): unknown {
  if (raw.length === 0) return undefined;
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch (error) {
    throw badRequest(style, `The request body is not valid JSON (${(error as Error).message}). Send a JSON object with Content-Type: application/json.`);
  }
}

/** The 400 for a malformed request, in the endpoint family's shape. */
export function badRequest(style: ErrorStyle, detail: string): WireError {
  return style === 'uam'
    ? uamError(400, 'ADMIN-UAM-400-1', 'Bad Request', detail)
    : applicationError(400, 'ADMIN-400-24', 'Invalid request body', detail);
}

/** Validates a parsed body with zod; failures become a 400 naming each bad field. */
export function validateBody<T extends z.ZodType>(schema: T, body: unknown, style: ErrorStyle = 'application'): z.infer<T> {
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.length ? issue.path.join('.') : 'body'}: ${issue.message}`);
  throw badRequest(style, `Fix the request body: ${problems.join('; ')}.`);
}
