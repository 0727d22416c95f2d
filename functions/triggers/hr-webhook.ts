import { createHttpHandler } from '../lib/middleware/create-http-handler.js';
import { receiveWebhook } from '../lib/hr/receive-webhook.js';
import { receiverDepsFromEnv } from '../lib/hr/receiver-deps.js';

/**
 * `POST /webhooks/{source}` (API Gateway HTTP API, payload v2): the HR-system webhook receiver.
 * Verifies the signature over the raw body, parses the envelope and starts one hr-event execution;
 * everything else happens, retried, inside that execution (docs/webhooks.md).
 */
export const handler = createHttpHandler({
  name: 'hrWebhook',
  resolveDeps: () => receiverDepsFromEnv(),
  handle: receiveWebhook,
});
