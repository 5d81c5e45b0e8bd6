import { afterEach, describe, expect, it, vi } from 'vitest';
import { addLogKeys, withLogScope } from './log-scope';
import { createLogger } from './logger';

function capturedLines(): { lines: () => Record<string, unknown>[] } {
  const written: string[] = [];
  for (const stream of [process.stdout, process.stderr])
    vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
  return {
    lines: () =>
      written
        .join('')
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('log scopes', () => {
  it('label each line with its own invocation, even when invocations interleave', async () => {
    const output = capturedLines();
    const logger = createLogger('intake');
    const tick = () => new Promise((resolve) => setTimeout(resolve, 1));
    await Promise.all(
      ['acme-health', 'bluepeak-health'].map((tenantId, index) =>
        withLogScope({ function_name: `fn-${index}` }, async () => {
          await tick();
          addLogKeys({ tenantId });
          await tick();
          logger.info('webhook attempted');
        }),
      ),
    );
    logger.info('outside any invocation');
    const [first, second, outside] = output.lines();
    expect(first).toMatchObject({ function_name: 'fn-0', tenantId: 'acme-health' });
    expect(second).toMatchObject({ function_name: 'fn-1', tenantId: 'bluepeak-health' });
    expect(outside).not.toHaveProperty('tenantId');
    expect(outside).not.toHaveProperty('function_name');
  });

  it('keep an error passed on its own, next to the scope keys', () => {
    const output = capturedLines();
    withLogScope({ tenantId: 'acme-health' }, () =>
      createLogger('intake').error('failed', new Error('boom')),
    );
    const [line] = output.lines();
    expect(line).toMatchObject({
      tenantId: 'acme-health',
      error: expect.objectContaining({ message: 'boom' }),
    });
  });
});
