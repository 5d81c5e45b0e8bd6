import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '@carelink/local';
import { afterAll, describe, expect, it } from 'vitest';
import { referralBody } from '../services/intake/testing/referral-fixtures';

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
    // The banner follows readiness (the credentials file is written in between).
    for (let waited = 0; waited < 10_000 && !output.includes('Ctrl-C stops everything'); waited += 50)
      await new Promise((r) => setTimeout(r, 50));
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

  /** The credentials `npm start` wrote, waiting a little for the file to appear. */
  async function credentialsOf(
    file: string,
  ): Promise<{ partners: { clientId: string; clientSecret: string }[] }> {
    for (let waited = 0; ; waited += 100) {
      if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
      if (waited > 10_000) throw new Error(`npm start wrote no ${file}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it('continues after a stop and a start on the same data, without replaying what it had done', async () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'carelink-restart-'));
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const start = async () => {
      const started = spawn('npm', ['start'], {
        cwd: root,
        env: { ...process.env, PORT: String(port), CARELINK_STATE_DIR: stateDir },
        stdio: 'ignore',
        detached: true,
      });
      child = started;
      await waitForHealth(`${base}/health`, started, 60_000);
      return started;
    };
    const stop = async (running: ChildProcess) => {
      process.kill(-(running.pid as number), 'SIGINT');
      await new Promise<void>((resolveExit) => running.once('exit', () => resolveExit()));
    };
    const partner = async () => {
      // The credentials file is written right after the cloud answers /health.
      const credentials = await credentialsOf(join(stateDir, 'local-credentials.json'));
      const { clientId, clientSecret } = credentials.partners[0] as {
        clientId: string;
        clientSecret: string;
      };
      const token = await fetch(`${base}/oauth2/token`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: 'grant_type=client_credentials',
      });
      return { authorization: `Bearer ${((await token.json()) as { access_token: string }).access_token}` };
    };
    /** Sends a referral and answers how long it stayed `received`. */
    const referAndTimeScreening = async () => {
      const headers = await partner();
      const created = await fetch(`${base}/v1/referrals`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
        body: JSON.stringify(referralBody()),
      });
      expect(created.status).toBe(201);
      const { id } = (await created.json()) as { id: string };
      const sent = Date.now();
      for (;;) {
        const read = (await (await fetch(`${base}/v1/referrals/${id}`, { headers })).json()) as {
          status: string;
        };
        if (read.status !== 'received') return Date.now() - sent;
        if (Date.now() - sent > 30_000) throw new Error('the referral stayed received for 30 s');
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    try {
      const first = await start();
      await referAndTimeScreening();
      await stop(first);
      const second = await start();
      const afterRestartMs = await referAndTimeScreening();
      console.info(`after a restart on the same data, a new referral left received in ${afterRestartMs} ms`);
      expect(afterRestartMs).toBeLessThan(30_000);
      await stop(second);
    } finally {
      rmSync(stateDir, { recursive: true, force: true });
    }
  });
});
