import { afterEach, describe, expect, it, vi } from 'vitest';
import { recordInvocation, rootLogger } from '../../../functions/lib/observability.js';
import { dropHandlerOutput, isHandlerOutput } from '../../setup/handler-output-filter.js';
import { captureOutput, type CapturedOutput } from '../middleware/capture-output.js';

let capture: CapturedOutput | undefined;
afterEach(() => capture?.restore());

describe('the test-run filter of handler logs and metrics (JML_TEST_LOGS=1 keeps them)', () => {
  it("recognises the handlers' real Powertools log lines and EMF documents", () => {
    // Prepare
    capture = captureOutput();

    // Act
    rootLogger.warn('Action failed', { errorName: 'Atlassian.NotFound' });
    recordInvocation('suspendUser', 'done', 12);
    capture.restore();

    // Assess
    const lines = capture.text().split('\n').filter((line) => line.trim() !== '');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines.some((line) => line.includes('"_aws"'))).toBe(true);
    for (const line of lines) expect(isHandlerOutput(`${line}\n`), line).toBe(true);
  });

  it('drops them from a stream and passes everything else, calling write callbacks either way', () => {
    // Prepare
    const write = vi.fn((..._args: unknown[]) => true);
    const stream = { write };
    dropHandlerOutput(stream);
    dropHandlerOutput(stream); // idempotent: one filter, not two
    const done = vi.fn();

    // Act
    stream.write('{"level":"INFO","message":"Action finished","timestamp":"2026-12-01T10:00:00.000Z","service":"atlassian-jml"}\n', done);
    stream.write(Buffer.from('{"_aws":{"Timestamp":1,"CloudWatchMetrics":[]},"ActionInvocations":1}\n'));
    stream.write('✓ test/unit/x.test.ts (3 tests)\n');
    stream.write('{"status":"DRY_RUN"}\n');

    // Assess
    expect(done).toHaveBeenCalledOnce();
    expect(write.mock.calls.map((call) => String(call[0]))).toEqual(['✓ test/unit/x.test.ts (3 tests)\n', '{"status":"DRY_RUN"}\n']);
  });
});
