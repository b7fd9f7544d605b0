import { monitorEventLoopDelay } from "node:perf_hooks";
import { setTimeout as pause } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { creatorWorkspace, staffMember } from "../support/fans";
import { cleanUpBetweenTests, startTestSandbox } from "../support/sandbox";

// The earnings CSV download: streamed from a keyset cursor (the process keeps
// answering while 100,000 rows go out), one export per user at a time.
const sb = await startTestSandbox({ soloFans: 20 });
const { db } = await import("@/lib/server/db");
const { exportEarnings, EXPORT_RETRY_AFTER_SEC } = await import("@/lib/server/earnings/export");
const { earningsReport } = await import("@/lib/server/earnings/report");
const { toErrorResponse } = await import("@/lib/server/api/errors");
const { earningsQuerySchema } = await import("@/lib/schemas/earnings");
const { centsToDecimal } = await import("@/lib/utils/money");
cleanUpBetweenTests(sb, db);

const { access, user } = await creatorWorkspace(sb, "luna");
const viewer = await staffMember(access.workspace.id, access.creator.id, "viewer", "Vic Viewer");
const creatorId = access.creator.id;

const ROWS = 100_000;
// One statement: three rows share each instant (ties on occurredAt, broken by
// id, fall across page boundaries), every 997th fan handle is a formula.
await db.$executeRaw`
  INSERT INTO "EarningRow" (id, "creatorId", "dedupeKey", "occurredAt", gross, net, currency, source, "fanUuid", "fanHandle", "orderId")
  SELECT 'row' || lpad(i::text, 7, '0'), ${creatorId}, 'bulk:' || i, timestamp '2025-01-01' + (i / 3) * interval '20 minutes',
         500 + i % 2000, (400 + i % 1600) + (CASE WHEN i % 1000 = 0 THEN 0.4 ELSE 0 END), 'USD',
         (ARRAY['tip','message','post','renewal','subscription','referral','giveaway'])[1 + i % 7], 'fan-' || (i % 3000),
         CASE WHEN i % 997 = 0 THEN '=HYPERLINK("http://evil")' ELSE 'fan' || (i % 3000) END, 'ord-' || i
  FROM generate_series(1, ${ROWS}) AS i`;

const q = earningsQuerySchema.parse({ range: "all", tz: "America/Los_Angeles" });
const start = (userId: string, extra: Partial<Parameters<typeof exportEarnings>[0]> = {}) =>
  exportEarnings({
    userId,
    creatorIds: [creatorId],
    query: q,
    rows: "transactions",
    label: "@luna",
    fileName: "earnings-luna-all.csv",
    ...extra,
  });

/** What the route answers for a refusal (the wrapper's one error model). */
async function refusal(p: Promise<unknown>) {
  const res = toErrorResponse(
    await p.then(
      () => null,
      (err: unknown) => err,
    ),
    "test",
  );
  return {
    status: res.status,
    retryAfter: res.headers.get("Retry-After"),
    body: (await res.json()) as { error: { code: string; message: string; retryAfterSec?: number } },
  };
}

describe("earnings CSV export: streaming", () => {
  it("streams 100,000 rows page by page while the same process keeps answering", async () => {
    const report = await earningsReport([creatorId], [creatorId], q);
    let pagesRead = 0;
    const res = await start(user.id, { onPage: () => void pagesRead++ });
    expect(res.headers.get("Content-Disposition")).toBe('attachment; filename="earnings-luna-all.csv"');

    // A cheap database-backed call of another request, every 10 ms throughout.
    const stall = monitorEventLoopDelay({ resolution: 5 });
    stall.enable();
    const probes: number[] = [];
    let streaming = true;
    const probing = (async () => {
      while (streaming) {
        const t = performance.now();
        await db.creator.findUniqueOrThrow({ where: { id: creatorId }, select: { handle: true } });
        probes.push(performance.now() - t);
        await pause(10);
      }
    })();

    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    let chunks = 0;
    let biggest = 0;
    const started = performance.now();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      chunks++;
      biggest = Math.max(biggest, value.byteLength);
      text += decoder.decode(value, { stream: true });
      // Pulled, not pushed: the cursor is never more than a page or two ahead of the reader.
      expect(pagesRead).toBeLessThanOrEqual(chunks + 1);
    }
    const elapsed = performance.now() - started;
    streaming = false;
    await probing;
    stall.disable();

    const lines = text.split("\n").filter(Boolean);
    const data = lines.filter((l) => !l.startsWith("#")).slice(1);
    expect(data).toHaveLength(ROWS);
    expect(chunks).toBeGreaterThanOrEqual(ROWS / 2_000);
    expect(biggest).toBeLessThan(1_000_000);
    // Every row once, in (occurredAt, id) order, ties across page boundaries included.
    // (Row i of the insert has fan_uuid fan-<i % 3000>.)
    const outOfOrder = data.findIndex((l, k) => l.split(",")[8] !== `fan-${(k + 1) % 3000}`);
    expect(outOfOrder).toBe(-1);
    // The header's totals are the screen's.
    expect(text).toContain(
      `# Total gross: ${centsToDecimal(report.totals.gross)}, total net: ${centsToDecimal(report.totals.net)}, transactions: ${ROWS}`,
    );
    // A fan handle that is a formula is written as text.
    expect(data.filter((l) => l.includes(`"'=HYPERLINK(""http://evil"")"`))).toHaveLength(Math.floor(ROWS / 997));

    const maxProbe = Math.max(...probes);
    console.log(
      `export: ${ROWS} rows in ${elapsed.toFixed(0)} ms, ${chunks} chunks; probe max ${maxProbe.toFixed(1)} ms over ${probes.length}; event-loop delay p99 ${(stall.percentile(99) / 1e6).toFixed(1)} ms, max ${(stall.max / 1e6).toFixed(1)} ms`,
    );
    expect(probes.length).toBeGreaterThan(5);
    expect(maxProbe).toBeLessThan(300);
    expect(stall.percentile(99) / 1e6).toBeLessThan(300);
    expect(stall.max / 1e6).toBeLessThan(300);
  });
});

describe("earnings CSV export: the rows", () => {
  it("keeps the rows' local time exact across DST and fractions of a cent", async () => {
    const text = await new Response(
      (
        await start(user.id, {
          query: earningsQuerySchema.parse({
            range: "custom",
            from: "2025-11-02",
            to: "2025-11-02",
            tz: "America/Los_Angeles",
          }),
        })
      ).body,
    ).text();
    const data = text
      .split("\n")
      .filter((l) => l && !l.startsWith("#"))
      .slice(1);
    // 2025-11-02 lasts 25 hours in Los Angeles: 01:00–02:00 twice, once at -07:00, then at -08:00.
    expect(data).toHaveLength(25 * 3 * 3);
    expect(data.filter((l) => l.startsWith("2025-11-02T01:00:00.000-07:00,2025-11-02,"))).toHaveLength(3);
    expect(data.filter((l) => l.startsWith("2025-11-02T01:00:00.000-08:00,2025-11-02,"))).toHaveLength(3);
    expect(data.at(-1)).toMatch(/^2025-11-02T23:40:00\.000-08:00,/);
    // Row 66,000 has a net of 800.4 cents.
    expect(data.filter((l) => l.split(",")[5] === "8.004")).toHaveLength(1);
  });

  it("merges an agency's creators in (occurredAt, id) order across windows, a burst bigger than a page and a sources filter", async () => {
    const others = await Promise.all(
      ["mia", "nova"].map((handle) =>
        db.creator.create({
          data: { workspaceId: access.workspace.id, fanvueUuid: `uuid-${handle}`, handle, displayName: handle },
        }),
      ),
    );
    for (const [k, c] of others.entries()) {
      // Same instants as luna's rows (ties across creators), then 1,200 rows in one millisecond.
      await db.$executeRaw`
        INSERT INTO "EarningRow" (id, "creatorId", "dedupeKey", "occurredAt", gross, net, currency, source, "orderId")
        SELECT ${c.id} || lpad(i::text, 6, '0'), ${c.id}, 'x:' || i,
               CASE WHEN i BETWEEN 2000 AND 3199 THEN timestamp '2025-03-05 12:00:00' ELSE timestamp '2025-03-01' + (i / 2) * interval '20 minutes' END,
               100 + i, 80 + i, 'USD', (ARRAY['tip','giveaway','message'])[1 + (i + ${k}) % 3], 'ord-' || ${c.handle} || '-' || i
        FROM generate_series(1, 4000) AS i`;
    }
    const ids = [creatorId, ...others.map((c) => c.id)];
    const handles = new Map([[creatorId, "luna"], ...others.map((c) => [c.id, c.handle] as [string, string])]);
    const query = earningsQuerySchema.parse({
      range: "custom",
      from: "2025-03-01",
      to: "2025-03-31",
      tz: "Europe/Berlin",
      sources: "tip,others",
    });
    const res = await exportEarnings({
      userId: user.id,
      creatorIds: ids,
      query,
      rows: "transactions",
      label: "luna (3 creators)",
      fileName: "all.csv",
      creatorHandles: handles,
      pageRows: 500,
    });
    const data = (await res.text())
      .split("\n")
      .filter((l) => l && !l.startsWith("#"))
      .slice(1);
    const range = (await earningsReport(ids, ids, query)).range;
    const expected = await db.$queryRaw<{ orderId: string; creatorId: string }[]>`
      SELECT "orderId", "creatorId" FROM "EarningRow"
      WHERE "creatorId" = ANY(${ids}::text[]) AND "occurredAt" >= ${new Date(range.startUtc)} AND "occurredAt" < ${new Date(range.endUtc)}
        AND (source = 'tip' OR NOT (source = ANY(${["subscription", "renewal", "tip", "message", "post", "referral"]}::text[])))
      ORDER BY "occurredAt", id`;
    expect(expected.length).toBeGreaterThan(5_000);
    expect(data.map((l) => `${l.split(",")[0]} ${l.split(",")[10]}`)).toEqual(
      expected.map((e) => `${handles.get(e.creatorId)} ${e.orderId}`),
    );
    await db.earningRow.deleteMany({ where: { creatorId: { in: others.map((c) => c.id) } } });
  });
});

describe("earnings CSV export: one export per user at a time", () => {
  it("refuses a second export of the same user while one runs, lets another user export, and frees the user when it ends", async () => {
    const first = await start(user.id);
    const reader = first.body!.getReader();
    await reader.read();

    const refused = await refusal(start(user.id));
    expect(refused.status).toBe(429);
    expect(refused.retryAfter).toBe(String(EXPORT_RETRY_AFTER_SEC));
    expect(refused.body).toEqual({
      error: {
        code: "rate_limited",
        message: expect.stringMatching(/^An export is already running/),
        retryAfterSec: EXPORT_RETRY_AFTER_SEC,
      },
    });
    // Agency and creator exports share the one per user.
    expect((await refusal(start(user.id, { rows: "buckets" }))).status).toBe(429);

    // Someone else exports meanwhile.
    const other = await start(viewer.user.id, { rows: "buckets" });
    expect(await other.text()).toContain("# Total gross:");

    while (!(await reader.read()).done);
    const again = await start(user.id, { rows: "buckets" });
    expect(again.status).toBe(200);
    await again.text();
    expect(await db.exportLease.count()).toBe(0);
  });

  it("three users exporting at once all get their whole file (the process's page reads are shared, not lost)", async () => {
    const third = await staffMember(access.workspace.id, creatorId, "manager", "Max Manager");
    const query = earningsQuerySchema.parse({ range: "custom", from: "2025-02-01", to: "2025-03-31", tz: "UTC" });
    const texts = await Promise.all(
      [user.id, viewer.user.id, third.user.id].map(async (id) => (await start(id, { query, pageRows: 1_000 })).text()),
    );
    const rows = texts.map((t) => t.split("\n").filter((l) => l && !l.startsWith("#")).length - 1);
    // 59 days × 72 instants × 3 rows.
    expect(rows).toEqual([59 * 72 * 3, 59 * 72 * 3, 59 * 72 * 3]);
    expect(new Set(texts).size).toBe(1);
  });

  it("frees the user when the client goes away or the stream fails", async () => {
    const aborted = await start(user.id);
    const reader = aborted.body!.getReader();
    await reader.read();
    await reader.cancel();
    const next = await start(user.id, {
      onPage: () => {
        throw new Error("the database went away");
      },
    });
    await expect(next.text()).rejects.toThrow("the database went away");
    const last = await start(user.id, { rows: "buckets" });
    expect(last.status).toBe(200);
    await last.text();
  });

  it("takes over the lease of a process that died mid-export once it runs out", async () => {
    await db.$executeRaw`INSERT INTO "ExportLease" ("userId", holder, "leaseUntil") VALUES (${user.id}, 'dead-process', now() + interval '1 minute')`;
    expect((await refusal(start(user.id, { rows: "buckets" }))).status).toBe(429);
    await db.$executeRaw`UPDATE "ExportLease" SET "leaseUntil" = now() - interval '1 second' WHERE "userId" = ${user.id}`;
    const res = await start(user.id, { rows: "buckets" });
    expect(res.status).toBe(200);
    await res.text();
    expect(await db.exportLease.count()).toBe(0);
  });
});
