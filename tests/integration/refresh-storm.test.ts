import { spawn } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { startTestSandbox } from "../support/sandbox";

const sb = await startTestSandbox();
const { db } = await import("@/lib/server/db");
const { saveConnectionTokens } = await import("@/lib/server/fanvue/connection");

afterAll(async () => {
  await db.$disconnect();
  await sb.close();
});

type Worker = { ready: Promise<void>; go: () => void; result: Promise<{ ok: number; errors: string[] }> };

function startWorker(connectionId: string, n: number): Worker {
  const child = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "tests/support/storm-worker.ts", connectionId, String(n)],
    {
      env: process.env,
      stdio: ["pipe", "pipe", "pipe"],
    },
  );
  let out = "";
  let err = "";
  let markReady!: () => void;
  const ready = new Promise<void>((r) => (markReady = r));
  child.stdout.on("data", (d) => {
    out += d;
    if (out.includes("READY")) markReady();
  });
  child.stderr.on("data", (d) => (err += d));
  const result = new Promise<{ ok: number; errors: string[] }>((resolve, reject) => {
    child.on("exit", (code) => {
      const line = out.trim().split("\n").at(-1) ?? "";
      try {
        resolve(JSON.parse(line));
      } catch {
        reject(new Error(`worker exited ${code}: ${err || out}`));
      }
    });
  });
  return { ready, go: () => child.stdin.end("go\n"), result };
}

describe("refresh storm across processes", () => {
  it("2 processes × 25 concurrent calls with an expired token → exactly 1 refresh, 50/50 succeed", async () => {
    const { account, tokens } = await sb.authorize("luna");
    const user = await db.user.create({ data: { name: "luna" } });
    const conn = await saveConnectionTokens({
      userId: user.id,
      fanvueUserUuid: account.uuid,
      tokens: {
        accessToken: tokens.access_token,
        refreshToken: tokens.refresh_token!,
        expiresAt: new Date(Date.now() + 3_600_000),
        scope: tokens.scope,
      },
    });
    // Expired on both sides: our record and Fanvue's.
    await db.fanvueConnection.update({
      where: { id: conn.id },
      data: { accessTokenExpiresAt: new Date(Date.now() - 1000) },
    });
    await sb.admin("/tokens/expire", { handle: "luna" });
    const before = await sb.admin("/oauth/stats");
    // Both processes load first, then fire together.
    const workers = [startWorker(conn.id, 25), startWorker(conn.id, 25)];
    await Promise.all(workers.map((w) => w.ready));
    workers.forEach((w) => w.go());
    const [a, b] = await Promise.all(workers.map((w) => w.result));
    const after = await sb.admin("/oauth/stats");
    expect(a!.errors).toEqual([]);
    expect(b!.errors).toEqual([]);
    expect(a!.ok + b!.ok).toBe(50);
    expect(after.refreshes - before.refreshes).toBe(1);
    expect(after.refreshReuse).toBe(before.refreshReuse);
    const row = await db.fanvueConnection.findUniqueOrThrow({ where: { id: conn.id } });
    expect(row.status).toBe("active");
  }, 60_000);
});
