import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

// CPU and memory of the stack's processes, read from /proc (Linux): each group is a root pid and its descendants
// (PostgreSQL's backends, for one), sampled every second.

const CLOCK_TICKS = Number(safe(() => execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) ?? 100) || 100;

function safe(read) {
  try {
    return read();
  } catch {
    return null;
  }
}

const pids = () =>
  readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number);

/** utime+stime (ticks) and parent of a process, from /proc/<pid>/stat (the name may hold spaces: split after it). */
function stat(pid) {
  const text = safe(() => readFileSync(`/proc/${pid}/stat`, 'utf8'));
  if (!text) return null;
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
}

function rssBytes(pid) {
  const match = safe(() => readFileSync(`/proc/${pid}/status`, 'utf8'))?.match(/^VmRSS:\s+(\d+) kB/m);
  return match ? Number(match[1]) * 1024 : 0;
}

/**
 * Nanoseconds the process's threads spent runnable but waiting for a CPU (/proc/<pid>/task/<tid>/schedstat, second
 * field): high when the machine's other work, not this process, holds it back.
 */
function runQueueWaitNs(pid) {
  let wait = 0;
  for (const tid of safe(() => readdirSync(`/proc/${pid}/task`)) ?? []) {
    wait += Number(safe(() => readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[1]) ?? 0);
  }
  return wait;
}

/** The process listening on a TCP port of this machine, found through the socket's inode (null if none is visible). */
export function pidListeningOn(port) {
  const hex = port.toString(16).toUpperCase().padStart(4, '0');
  const inodes = new Set();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of (safe(() => readFileSync(table, 'utf8')) ?? '').split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f.length > 9 && f[1].endsWith(`:${hex}`) && f[3] === '0A') inodes.add(f[9]);
    }
  }
  if (inodes.size === 0) return null;
  for (const pid of pids()) {
    const fds = safe(() => readdirSync(`/proc/${pid}/fd`)) ?? [];
    for (const fd of fds) {
      const link = safe(() => readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (link?.startsWith('socket:[') && inodes.has(link.slice(8, -1))) return rootOfSameCommand(pid);
    }
  }
  return null;
}

/** A forked server (PostgreSQL's postmaster and its children) is counted from the parent that runs the same program. */
function rootOfSameCommand(pid) {
  const exe = (p) => safe(() => readlinkSync(`/proc/${p}/exe`));
  let current = pid;
  for (let parent = stat(current)?.ppid; parent > 1 && exe(parent) === exe(current); parent = stat(current)?.ppid) current = parent;
  return current;
}

/** The pids of a process and all its descendants, with their RSS summed. */
function tree(root, table) {
  const members = [];
  let rss = 0;
  let waitNs = 0;
  const queue = [root];
  while (queue.length) {
    const pid = queue.pop();
    if (!table.has(pid)) continue;
    members.push(pid);
    rss += rssBytes(pid);
    waitNs += runQueueWaitNs(pid);
    for (const [child, s] of table) if (s.ppid === pid) queue.push(child);
  }
  return { members, rss, waitNs };
}

/**
 * Samples each group's CPU% (of one core), run-queue wait% and RSS every `intervalMs`. `mark()` returns the mean and peak CPU% and
 * the peak RSS per group since the previous mark, so each benchmark step gets its own figures.
 */
export function processSampler(groups, intervalMs = 1000) {
  const named = Object.entries(groups).filter(([, pid]) => pid);
  let previous = null;
  let window = new Map();
  const sample = () => {
    const table = new Map();
    for (const pid of pids()) {
      const s = stat(pid);
      if (s) table.set(pid, s);
    }
    const now = Date.now();
    const usage = new Map(named.map(([name, pid]) => [name, tree(pid, table)]));
    if (previous) {
      const seconds = (now - previous.at) / 1000;
      for (const [name, { members, rss, waitNs }] of usage) {
        // Per process, so a backend that exited between samples does not subtract its ticks; one born since counts whole.
        const ticks = members.reduce((sum, pid) => sum + table.get(pid).ticks - (previous.table.get(pid)?.ticks ?? 0), 0);
        const cpu = (100 * ticks) / CLOCK_TICKS / seconds;
        const wait = (100 * Math.max(0, waitNs - previous.usage.get(name).waitNs)) / 1e9 / seconds;
        const w = window.get(name) ?? { cpuSum: 0, cpuMax: 0, waitSum: 0, rssMax: 0, samples: 0 };
        window.set(name, {
          cpuSum: w.cpuSum + cpu,
          cpuMax: Math.max(w.cpuMax, cpu),
          waitSum: w.waitSum + wait,
          rssMax: Math.max(w.rssMax, rss),
          samples: w.samples + 1,
        });
      }
    }
    previous = { at: now, table, usage };
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  return {
    pids: Object.fromEntries(named),
    mark() {
      const summary = {};
      for (const [name, w] of window) {
        summary[name] = {
          cpuMeanPct: Math.round(w.cpuSum / w.samples),
          cpuMaxPct: Math.round(w.cpuMax),
          runQueueWaitPct: Math.round(w.waitSum / w.samples),
          rssMaxMiB: Math.round(w.rssMax / 1048576),
        };
      }
      window = new Map();
      return summary;
    },
    stop: () => clearInterval(timer),
  };
}
