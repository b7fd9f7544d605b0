import { spawn } from "node:child_process";

// Crash tests: a worker in a process of its own (a script under
// tests/support that prints READY once polling), killed with SIGKILL at a
// random point, and a wait for the work to settle afterwards.

/** Starts the worker script and kills it (SIGKILL) at a random moment within `maxDelayMs` of READY. */
export function runWorkerUntilKilled(script: string, maxDelayMs: number) {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", script], {
    env: process.env,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise((r) => child.on("exit", r));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (d: Buffer) => d.toString().includes("READY") && resolve());
    child.on("exit", () => reject(new Error("worker exited before READY")));
  });
  return (async () => {
    await ready;
    await new Promise((r) => setTimeout(r, Math.random() * maxDelayMs));
    child.kill("SIGKILL");
    await exited;
  })();
}

export async function waitFor(cond: () => Promise<boolean>, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > until) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 100));
  }
}
