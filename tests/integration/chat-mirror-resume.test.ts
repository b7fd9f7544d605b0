import { spawn } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { startTestSandbox } from "../support/sandbox";
import { provisionAccount } from "../support/workspace";

// The agency chat mirror's full resync survives a crash: killed (SIGKILL)
// mid-run, its checkpoint and its rows were committed together, and the
// restarted run resumes at the next page and ends with every chat once.

const sb = await startTestSandbox({ agencyFans: [1500, 40, 30] });
const { db } = await import("@/lib/server/db");
const { fullResync } = await import("@/lib/server/chats/mirror/sync");
const { clientForCreator } = await import("@/lib/server/creators/client");

afterAll(async () => {
  await db.$disconnect();
  await sb.close();
});

async function waitFor(cond: () => Promise<boolean>, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > until) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe("chat mirror resync survives a crash", () => {
  it("killed mid-run and restarted: resumes at its checkpoint, every chat once", async () => {
    const { creators, workspace } = await provisionAccount(sb, "atlas");
    const mia = creators.mia!;
    const chats = sb.state.world.creators.get(mia.fanvueUuid)!.chats.size;
    expect(chats).toBeGreaterThan(250); // six pages or more

    await sb.admin("/faults", { path: "/creators/*/chats", latencyMs: 150 });
    const child = spawn(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "tests/support/mirror-worker.ts", mia.id],
      { env: process.env, stdio: "ignore" },
    );
    const exited = new Promise((r) => child.on("exit", r));
    await waitFor(
      async () => ((await db.mirrorChatSync.findUnique({ where: { creatorId: mia.id } }))?.runNextPage ?? 0) >= 3,
      60_000,
    );
    child.kill("SIGKILL");
    await exited;
    await sb.admin("/faults", undefined, "DELETE");

    const mid = await db.mirrorChatSync.findUniqueOrThrow({ where: { creatorId: mia.id } });
    expect(mid.runId).not.toBeNull();
    expect(mid.fullSyncedAt).toBeNull();
    // Rows and checkpoint in one transaction: exactly the committed pages' chats.
    const copied = await db.mirrorChat.count({ where: { creatorId: mia.id, seenRunId: mid.runId } });
    expect(copied).toBe((mid.runNextPage! - 1) * 50);
    expect(mid.runChatsSeen).toBe(copied);

    await sb.admin("/calls", undefined, "DELETE");
    await fullResync(clientForCreator({ workspace, creator: mia }), mia.id);
    const pages = (
      (await sb.admin("/calls?path=/creators/*/chats")) as { calls: { query: Record<string, string> }[] }
    ).calls.map((c) => Number(c.query.page));
    expect(pages[0]).toBe(mid.runNextPage); // resumed, not restarted
    expect(await db.mirrorChat.count({ where: { creatorId: mia.id } })).toBe(chats);
    const done = await db.mirrorChatSync.findUniqueOrThrow({ where: { creatorId: mia.id } });
    expect(done).toMatchObject({ runId: null, runNextPage: null });
    expect(done.fullSyncedAt).not.toBeNull();
  }, 120_000);
});
