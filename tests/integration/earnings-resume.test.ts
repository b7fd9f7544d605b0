import { spawn } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { startTestSandbox } from "../support/sandbox";
import { provisionAccount } from "../support/workspace";

const sb = await startTestSandbox({ soloFans: 400 });
const { db } = await import("@/lib/server/db");
const { syncStream } = await import("@/lib/server/earnings/sync");

afterAll(async () => {
  await db.$disconnect();
  await sb.close();
});

const snapshot = async (creatorId: string) =>
  (await db.earningRow.findMany({ where: { creatorId }, orderBy: { dedupeKey: "asc" } })).map((r) =>
    [r.dedupeKey, r.occurredAt.toISOString(), r.gross, r.net, r.source, r.fanUuid, r.messageUuid, r.postUuid].join("|"),
  );

async function waitFor(cond: () => Promise<boolean>, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > until) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe("earnings backfill survives a crash", () => {
  it("killed mid-backfill (SIGKILL) and restarted, the ledger equals a clean sync row for row", async () => {
    const { creators } = await provisionAccount(sb, "luna");
    const creatorId = creators.luna!.id;
    await syncStream(creatorId, "earnings");
    const clean = await snapshot(creatorId);
    expect(clean.length).toBeGreaterThan(500);
    await db.earningRow.deleteMany({ where: { creatorId } });
    await db.syncState.deleteMany({ where: { creatorId } });

    // Slow Fanvue down so the kill lands mid-run.
    await sb.admin("/faults", { path: "/insights/earnings", latencyMs: 120 });
    const child = spawn(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "tests/support/sync-worker.ts", creatorId],
      { env: process.env, stdio: "ignore" },
    );
    const exited = new Promise((r) => child.on("exit", r));
    await waitFor(
      async () =>
        ((await db.syncState.findUnique({ where: { creatorId_stream: { creatorId, stream: "earnings" } } }))
          ?.pagesDone ?? 0) >= 5,
      60_000,
    );
    child.kill("SIGKILL");
    await exited;
    await sb.admin("/faults", undefined, "DELETE");
    const mid = await db.syncState.findUniqueOrThrow({
      where: { creatorId_stream: { creatorId, stream: "earnings" } },
    });
    expect(mid.status).toBe("running");
    expect(mid.cursor).not.toBeNull();
    const partial = await db.earningRow.count({ where: { creatorId } });
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(clean.length);

    // Restart: the run resumes from its committed cursor.
    await syncStream(creatorId, "earnings");
    expect(await snapshot(creatorId)).toEqual(clean);
    const done = await db.syncState.findUniqueOrThrow({
      where: { creatorId_stream: { creatorId, stream: "earnings" } },
    });
    expect(done).toMatchObject({ status: "idle", cursor: null });
    expect(done.backfilledAt).not.toBeNull();
  }, 120_000);
});
