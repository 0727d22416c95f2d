import * as z from 'zod';

/** Fields the sweep's steps share in their inputs. */

export const ReportPrefixSchema = z
  .string()
  .regex(/^([A-Za-z0-9._=-]+\/)+$/, { message: 'reportPrefix must be a relative folder ending in "/", e.g. sweep/2026-09-01/run-1/' });

export const StartedAtSchema = z.iso.datetime({ offset: true, message: 'startedAt must be an ISO-8601 date-time' });
