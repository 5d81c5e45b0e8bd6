import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { freePort } from '@carelink/local';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');

/** Process ids of DynamoDB Local JVMs listening on a given port. */
function dynamoProcessesOn(port: number): string[] {
  try {
    return execFileSync('pgrep', ['-f', `DynamoDBLocal.*-port ${port}`], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean);
  } catch {
    return [];
  }
}

function descendants(pid: number): number[] {
  try {
    const children = execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number);
    return children.flatMap((child) => [child, ...descendants(child)]);
  } catch {
    return [];
  }
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).status === 200) return Date.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('not healthy in time');
}

let child: ChildProcess | undefined;
afterAll(() => {
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
});

describe('npm start', () => {
  it('becomes healthy, and Ctrl-C stops it with no process left behind', async () => {
    const port = await freePort();
    child = spawn('npm', ['start', '--', '--in-memory'], {
      cwd: root,
      env: { ...process.env, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    child.stdout?.on('data', (chunk) => {
      output += String(chunk);
    });
    const readyMs = await waitForHealth(`http://127.0.0.1:${port}/health`, child, 60_000);
    expect(readyMs).toBeLessThan(60_000);
    expect(output).toContain(`http://127.0.0.1:${port}/docs`);
    const dynamoPort = Number(/DynamoDB Local\s+http:\/\/127\.0\.0\.1:(\d+)/.exec(output)?.[1]);
    expect(dynamoProcessesOn(dynamoPort)).not.toHaveLength(0);
    const tree = [child.pid as number, ...descendants(child.pid as number)];

    // Ctrl-C in a terminal signals the whole foreground process group.
    process.kill(-(child.pid as number), 'SIGINT');
    await new Promise<void>((resolveExit) => child?.once('exit', () => resolveExit()));
    await new Promise((r) => setTimeout(r, 500));

    const alive = tree.filter((pid) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    });
    expect(alive).toEqual([]);
    expect(dynamoProcessesOn(dynamoPort)).toEqual([]);
  });
});
