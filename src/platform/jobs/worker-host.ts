import fs from 'node:fs';
import { hostname } from 'node:os';

/**
 * Where this process runs, as far as pids are concerned: the host name, plus on Linux the boot
 * id and the PID namespace. Two containers given the same host name, or two machines with the
 * same name, then never compare each other's pids (a pid of one is meaningless in the other, and
 * calling a live worker dead would hand its job to a second worker).
 */
export const workerHost: string = [
  hostname(),
  readOrNull('/proc/sys/kernel/random/boot_id'),
  linkOrNull('/proc/self/ns/pid'),
]
  .filter(Boolean)
  .join('/');

/** Whether a process with this pid exists here: EPERM means it does, but belongs to another user. */
export function processExists(pid: number): boolean {
  // kill(0 or a negative pid) would signal a process group, never what we mean.
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

function readOrNull(file: string) {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    return null;
  }
}

function linkOrNull(file: string) {
  try {
    return fs.readlinkSync(file);
  } catch {
    return null;
  }
}
