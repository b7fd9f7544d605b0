import { afterAll, describe, expect, it } from "vitest";
import { startTestSandbox } from "../support/sandbox";
import { startWebhookReceiver } from "../support/webhook-receiver";
import { provisionAccount } from "../support/workspace";

// Money announced by webhook shows at once as provisional, exactly once, and
// stops being provisional when a sync's watermark passes it (its ledger row
// then counts instead): a $50 tip moves today's gross by $50 before and after.

const SECRET = "whsec_provisional";
process.env.FANVUE_WEBHOOK_SECRET = SECRET;
const sb = await startTestSandbox({ soloFans: 200 });
const { db } = await import("@/lib/server/db");
const { syncStream } = await import("@/lib/server/earnings/sync");
const { earningsReport } = await import("@/lib/server/earnings/report");
const { earningsSyncKey } = await import("@/lib/server/earnings/jobs");
const { earningsQuerySchema } = await import("@/lib/schemas/earnings");
const receiver = await startWebhookReceiver();

const luna = await provisionAccount(sb, "luna");
const creatorId = luna.creators.luna!.id;
await syncStream(creatorId, "earnings");
await sb.admin("/webhooks", { url: receiver.url, secret: SECRET, retries: 0 });

afterAll(async () => {
  await db.$disconnect();
  await sb.close();
  receiver.close();
});

const today = () =>
  earningsReport([creatorId], [creatorId], earningsQuerySchema.parse({ range: "today", tz: "Europe/Berlin" }));
const shown = (r: Awaited<ReturnType<typeof today>>) => r.totals.gross + r.provisional.gross;

type Tip = { event: string; payload: Record<string, unknown> };
async function tipAndWait(amount: number): Promise<Tip> {
  const before = receiver.seen.length;
  const tip = (await sb.admin("/simulate/tip", { creator: "luna", amount })) as Tip;
  const deadline = Date.now() + 5_000;
  while (receiver.seen.length === before) {
    if (Date.now() > deadline) throw new Error("the tip was not delivered");
    await new Promise((r) => setTimeout(r, 20));
  }
  expect(receiver.seen.at(-1)!.status).toBe(200);
  return tip;
}

describe("a tip between syncs", () => {
  it("is provisional, counted once (a second delivery too), then confirmed by the sync", async () => {
    const before = await today();
    expect(before.provisional.count).toBe(0);
    const tip = await tipAndWait(5_000);

    const during = await today();
    expect(during.totals.gross).toBe(before.totals.gross);
    expect(during.provisional).toMatchObject({ count: 1, gross: 5_000 });
    expect(during.provisional.events[0]).toMatchObject({ kind: "tip-received", source: "tip", gross: 5_000 });
    expect(during.series.at(-1)!.provisionalGross).toBe(5_000);
    expect(shown(during)).toBe(shown(before) + 5_000);
    // A net from the event would be a guess: the ledger's net is unchanged until the sync.
    expect(during.totals.net).toBe(before.totals.net);

    // Fanvue delivers the same event again (another delivery id, signed a moment later): stored twice, counted once.
    const again = (await sb.admin("/webhooks/deliver", {
      ...tip,
      creator: "luna",
      signatureTimestamp: Math.floor(Date.now() / 1000) + 2,
      wait: true,
    })) as { status: string };
    expect(again.status).toBe("delivered");
    expect(await db.webhookEvent.count({ where: { event: "tip-received" } })).toBe(2);
    expect((await today()).provisional).toMatchObject({ count: 1, gross: 5_000 });

    await syncStream(creatorId, "earnings");
    const after = await today();
    expect(after.provisional.count).toBe(0);
    expect(after.totals.gross).toBe(before.totals.gross + 5_000);
    expect(shown(after)).toBe(shown(during));
  });

  it("queues one sync for a burst of money events, 20 s out, behind a running one", async () => {
    await db.job.deleteMany({ where: { key: earningsSyncKey(creatorId) } });
    const t0 = Date.now();
    await tipAndWait(1_000);
    await tipAndWait(2_000);
    const jobs = await db.job.findMany({ where: { key: earningsSyncKey(creatorId), status: "queued" } });
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.runAt.getTime()).toBeGreaterThanOrEqual(t0 + 19_000);
    expect(jobs[0]!.runAt.getTime()).toBeLessThanOrEqual(t0 + 21_000);
    expect((await today()).provisional).toMatchObject({ count: 2, gross: 3_000 });

    // A sync running (a backfill, say): one more is queued after it, the running one is left alone.
    await db.job.update({ where: { id: jobs[0]!.id }, data: { status: "running" } });
    await tipAndWait(3_000);
    const open = await db.job.findMany({ where: { key: earningsSyncKey(creatorId) }, orderBy: { createdAt: "asc" } });
    expect(open.map((j) => j.status)).toEqual(["running", "queued"]);
    await db.job.deleteMany({ where: { key: earningsSyncKey(creatorId) } });
  });

  it("a report of past days has no provisional money", async () => {
    const r = await earningsReport(
      [creatorId],
      [creatorId],
      earningsQuerySchema.parse({ range: "last_month", tz: "UTC" }),
    );
    expect(r.provisional.count).toBe(0);
    expect(r.series.every((b) => b.provisionalGross === 0)).toBe(true);
  });
});
