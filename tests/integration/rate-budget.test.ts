import { afterAll, describe, expect, it } from "vitest";
import { connectAccount } from "../support/connect";
import { startTestSandbox } from "../support/sandbox";

// Scaled-down bucket: 20 requests per 6 s (Fanvue: 200 per 60 s).
const sb = await startTestSandbox({ soloFans: 2100, rateLimit: { limit: 20, windowSec: 6 } });
const { db } = await import("@/lib/server/db");
const { fanvueClient } = await import("@/lib/server/fanvue/client");

afterAll(async () => {
  await db.$disconnect();
  await sb.close();
});

describe("rate budget", () => {
  it("hydrating 2,000 fans' insights while 20 chat reads run: 0 × 429, and the reads are not starved", async () => {
    const { connection, account } = await connectAccount(sb, "luna");
    const world = sb.state.world.creators.get(account.uuid)!;
    const fans = world.fans.slice(0, 2000).map((f) => f.uuid);
    const client = fanvueClient({ connectionId: connection.id });
    const started = Date.now();
    const bulkDone: number[] = [];
    const bulk = Array.from({ length: 20 }, (_, i) =>
      client
        .selfOnly("POST", "/insights/fans/batch", {
          body: { userUuids: fans.slice(i * 100, i * 100 + 100) },
          priority: "background",
          idempotent: true,
        })
        .then(() => bulkDone.push(Date.now() - started)),
    );
    // The UI's reads arrive a moment later, while bulk work holds the queue.
    await new Promise((r) => setTimeout(r, 200));
    const readTimes: number[] = [];
    const reads = Array.from({ length: 20 }, () => {
      const t = Date.now();
      return client.creator("GET", "/chats", { query: { size: 5 } }).then(() => readTimes.push(Date.now() - t));
    });
    await Promise.all([...bulk, ...reads]);
    const log = (await sb.admin("/calls?summary=1")) as { byStatus: Record<string, number>; total: number };
    expect(log.byStatus["429"] ?? 0).toBe(0);
    expect(log.byStatus["200"]).toBe(40);
    // 40 calls at 20 per 6 s need at least one refill; interactive reads go
    // first whenever a slot frees, so none waits for the bulk to finish.
    expect(Math.max(...readTimes)).toBeLessThan(Math.max(...bulkDone));
    // At worst a read waits for one refill (6 s, plus the header's 1 s rounding on each side).
    expect(Math.max(...readTimes)).toBeLessThan(8_500);
  }, 60_000);
});
