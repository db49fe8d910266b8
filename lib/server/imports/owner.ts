/**
 * Which process runs an import, and whether it still lives. An import row names its owner as
 * `host:pid:token` and carries a heartbeat moved at every committed batch. On the same host a
 * process is dead when its pid is gone, or when the pid is ours but the token is not (a restarted
 * container reuses pid 1); on another host (a shared PostgreSQL, later) when its heartbeat is old.
 */
import 'server-only';
import { randomBytes } from 'node:crypto';
import os from 'node:os';

/** Another host's import is taken for dead after this long without a heartbeat. */
const STALE_HEARTBEAT_MS = 5 * 60_000;

const TOKEN = randomBytes(6).toString('hex');

/** This process's owner string. */
export function ownerId(): string {
  return `${os.hostname()}:${process.pid}:${TOKEN}`;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the pid exists but belongs to another user; it lives.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True when the process named by `owner` can no longer be running the import. */
export function ownerDead(owner: string, heartbeatAt: number, now = Date.now()): boolean {
  const [host, pidText, token] = owner.split(':');
  const pid = Number(pidText);
  if (host !== os.hostname() || !Number.isInteger(pid) || pid <= 0) return now - heartbeatAt > STALE_HEARTBEAT_MS;
  if (pid === process.pid) return token !== TOKEN;
  return !pidAlive(pid);
}
