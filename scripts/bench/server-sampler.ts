// Watching a running server from outside: its resident memory and CPU time
// read from /proc (Linux), and other requests sent on a fixed pace with their
// latencies. Used by benchmarks that run `next start` as a child process.
import fs from "node:fs";
import { percentile } from "./harness";

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const TICKS_PER_SEC = 100;

/** The process that serves requests: `next start` may fork a worker, which
 * names itself "next-server"; the launched process when it does not. */
export function serverPid(launched: number): number {
  const queue = [launched];
  for (let pid = queue.shift(); pid !== undefined; pid = queue.shift()) {
    const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
    if (pid !== launched && /next-server|start-server/.test(cmd)) return pid;
    for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
      const children = fs.readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim();
      if (children) queue.push(...children.split(/\s+/).map(Number));
    }
  }
  return launched;
}

/** VmRSS of a process, in MB. */
export function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+)\s+kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
  if (!m) throw new Error(`no VmRSS for ${pid}`);
  return Number(m[1]) / 1024;
}

/** User + system CPU time a process has used, in seconds. */
export function cpuSec(pid: number): number {
  // Fields after the command name (which may hold spaces), from field 3 on.
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SEC;
}

/** Samples the process's RSS every `everyMs` until `stop()`. */
export function sampleRss(pid: number, everyMs = 100) {
  const samples: number[] = [rssMb(pid)];
  const timer = setInterval(() => samples.push(rssMb(pid)), everyMs);
  return {
    samples,
    stop: () => (clearInterval(timer), samples.push(rssMb(pid)), samples),
  };
}

/** Starts one request every `everyMs` (not waiting for the one before: a
 * stalled server shows as latency, not as fewer probes) until `stop()`,
 * which resolves with every latency once the last one has answered. */
export function paceRequests(urls: string[], headers: Record<string, string>, everyMs = 100) {
  const latencies: number[] = [];
  const inFlight: Promise<void>[] = [];
  let n = 0;
  const once = async (url: string) => {
    const t = performance.now();
    const res = await fetch(url, { headers });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${url}: ${res.status}`);
    latencies.push(performance.now() - t);
  };
  const timer = setInterval(() => inFlight.push(once(urls[n++ % urls.length]!)), everyMs);
  return {
    stop: async () => {
      clearInterval(timer);
      await Promise.all(inFlight);
      return latencies;
    },
  };
}

export const summary = (ms: number[]) => ({
  p50: percentile(ms, 50),
  p95: percentile(ms, 95),
  max: Math.max(...ms),
  n: ms.length,
});
export const median = (values: number[]) => percentile(values, 50);

/** Bytes the kernel holds on a loopback TCP connection between `portA` and
 * `portB`: each side's send queue plus its unread receive queue. */
export function kernelQueuedBytes(portA: number, portB: number): number {
  let bytes = 0;
  for (const file of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    if (!fs.existsSync(file)) continue;
    for (const line of fs.readFileSync(file, "utf8").split("\n").slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f.length < 5) continue;
      const ports = [f[1]!, f[2]!].map((a) => parseInt(a.split(":")[1]!, 16));
      if (!ports.includes(portA) || !ports.includes(portB)) continue;
      const [tx, rx] = f[4]!.split(":").map((h) => parseInt(h, 16));
      bytes += tx! + rx!;
    }
  }
  return bytes;
}

/** Waits until the process uses under `share` of a core for a whole second
 * (at most `maxMs`); resolves with the wait, or null if it never idled. */
export async function untilIdle(pid: number, share = 0.1, maxMs = 15_000) {
  const t0 = performance.now();
  while (performance.now() - t0 < maxMs) {
    const cpu0 = cpuSec(pid);
    await new Promise((r) => setTimeout(r, 1_000));
    if (cpuSec(pid) - cpu0 < share) return performance.now() - t0;
  }
  return null;
}
