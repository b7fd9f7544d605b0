import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSandbox } from "../support/sandbox";
import { staffMember } from "../support/fans";
import { provisionAccount } from "../support/workspace";
import { int, pick, propSeed, rng } from "../support/prng";

// The leaderboard reads per-day rollups kept by triggers (PerformanceDay,
// MemberFanDays) plus the raw rows at a range's partial UTC days. Seeded
// random sends, sales and mass messages around day boundaries, then every
// kind of later write (a send going out or failing, a reassignment, a sale
// removed, a send deleted): the rollups equal a rebuild from the raw rows,
// and the leaderboard equals figures this test computes from the raw rows,
// in zones whose midnights are not UTC's (+5:30, -8/-7 across DST, +13:45).

const sb = await startTestSandbox();
const { db } = await import("@/lib/server/db");
const { getPerformance } = await import("@/lib/server/agency/performance");
const { getWorkspaceAccess } = await import("@/lib/server/workspaces/access");
const { performanceQuerySchema } = await import("@/lib/schemas/performance");

const SEED = propSeed(18_2026);
const r = rng(SEED);
const DAY = 86_400_000;
// Eighty days of history ending at a fixed UTC midnight in the past (ranges never reach "now").
const END = Date.UTC(2026, 10, 10);
const BEGIN = END - 80 * DAY;
let workspaceId: string;
let ownerId: string;
let creatorIds: string[];
let memberIds: string[];

const at = () => new Date(BEGIN + Math.floor(r() * (END - BEGIN)));
const fan = () => `fan-${int(r, 1, 40)}`;

async function seedSends(n: number) {
  const rows = Array.from({ length: n }, (_, i) => {
    const sentAt = at();
    const status = pick(r, ["sent", "sent", "sent", "sent", "failed", "sending"]);
    const sender = pick(r, memberIds);
    return {
      id: `rs-${i}`,
      creatorId: pick(r, creatorIds),
      fanUuid: fan(),
      idempotencyKey: `rk-${i}`,
      requestHash: `h${i}`,
      mediaUuids: [],
      price: r() < 0.4 ? int(r, 3, 60) * 100 : null,
      status,
      messageUuid: status === "sent" ? `rm-${i}` : null,
      senderUserId: sender,
      senderName: `Member ${memberIds.indexOf(sender)}`,
      sentAt: status === "sent" ? sentAt : null,
      // A first reply to a fan who waited up to 3 hours (to the millisecond).
      waitingSince: r() < 0.45 ? new Date(sentAt.getTime() - int(r, 1, 3 * 3_600_000)) : null,
      createdAt: sentAt,
    };
  });
  await db.chatSend.createMany({ data: rows });
}

/** Sales: PPV unlocks naming a sent PPV, tips, and rows nobody is credited for; nets with 4 decimals. */
async function seedSales(n: number) {
  const ppvs = await db.chatSend.findMany({ where: { status: "sent", price: { not: null } } });
  const rows = Array.from({ length: n }, (_, i) => {
    const send = r() < 0.5 ? pick(r, ppvs) : null;
    const gross = send?.price ?? int(r, 1, 90) * 100;
    const userId = send ? send.senderUserId : r() < 0.7 ? pick(r, memberIds) : null;
    return {
      earningRowId: `re-${i}`,
      creatorId: send?.creatorId ?? pick(r, creatorIds),
      occurredAt: send ? new Date(send.sentAt!.getTime() + int(r, 0, 2 * DAY)) : at(),
      gross,
      net: (gross * 8000 - int(r, 0, 99)) / 10_000,
      source: send ? "message" : "tip",
      fanUuid: send?.fanUuid ?? fan(),
      rule: send ? "ppv" : userId ? "tip" : "none",
      ruleUserId: userId,
      ruleUserName: userId ? "Someone" : null,
      sendId: send?.id ?? null,
      userId,
      userName: userId ? `Member ${memberIds.indexOf(userId)}` : null,
    };
  });
  await db.saleAttribution.createMany({ data: rows });
}

async function seedMass(n: number) {
  await db.massCampaign.createMany({
    data: Array.from({ length: n }, (_, i) => ({
      id: `rc-${i}`,
      creatorId: pick(r, creatorIds),
      idempotencyKey: `rck-${i}`,
      requestHash: `rch${i}`,
      mediaUuids: [],
      included: { smart: ["subscribers"] },
      excluded: {},
      status: pick(r, ["sent", "sent", "scheduled"]),
      createdByUserId: pick(r, memberIds),
      createdByName: "Author",
      sentAt: at(),
    })),
  });
}

/** Later writes of every kind, through the ORM as the app makes them. */
async function mutate() {
  const sending = await db.chatSend.findMany({ where: { status: "sending" }, take: 15 });
  for (const s of sending)
    await db.chatSend.update({
      where: { id: s.id },
      data: { status: "sent", sentAt: at(), messageUuid: `late-${s.id}` },
    });
  const sent = await db.chatSend.findMany({ where: { status: "sent" }, orderBy: { id: "asc" }, take: 200 });
  await db.chatSend.updateMany({
    where: { id: { in: sent.slice(0, 10).map((s) => s.id) } },
    data: { status: "failed" },
  });
  await db.chatSend.deleteMany({ where: { id: { in: sent.slice(10, 16).map((s) => s.id) } } });
  const sales = await db.saleAttribution.findMany({ orderBy: { earningRowId: "asc" } });
  for (const s of sales.slice(0, 25))
    await db.saleAttribution.update({
      where: { earningRowId: s.earningRowId },
      data: { userId: pick(r, [...memberIds, null]), reassignedAt: new Date(), reassignReason: "test" },
    });
  const ppvSales = sales.filter((s) => s.rule === "ppv");
  await db.saleAttribution.deleteMany({
    where: { earningRowId: { in: ppvSales.slice(-8).map((s) => s.earningRowId) } },
  });
  await db.massCampaign.updateMany({ where: { status: "scheduled" }, data: { status: "sent" } });
  // A reply's wait learnt later, and one forgotten.
  const [a, b] = sent.slice(20, 22);
  await db.chatSend.update({ where: { id: a!.id }, data: { waitingSince: new Date(a!.sentAt!.getTime() - 90_000) } });
  await db.chatSend.update({ where: { id: b!.id }, data: { waitingSince: null } });
}

beforeAll(async () => {
  const p = await provisionAccount(sb, "atlas");
  workspaceId = p.workspace.id;
  ownerId = p.user.id;
  creatorIds = Object.values(p.creators)
    .map((c) => c.id)
    .slice(0, 2);
  memberIds = [];
  for (const name of ["Ana", "Ben", "Cy"])
    memberIds.push((await staffMember(workspaceId, creatorIds[0]!, "chatter", `${name} ${SEED}`)).user.id);
  await seedSends(900);
  await seedSales(500);
  await seedMass(30);
  await mutate();
});

afterAll(async () => {
  await db.$disconnect();
  await sb.close();
});

describe("performance rollups", () => {
  it("equal a rebuild from the raw rows after inserts, updates, reassignments and deletes", async () => {
    const rebuilt = await db.$queryRaw<object[]>`
      SELECT "creatorId", day::text, uid AS "userId", sum(gross)::numeric(16, 4)::text AS gross, sum(net)::numeric(16, 4)::text AS net,
             sum(sales)::int AS sales, sum(messages)::int AS messages, sum(ppvs)::int AS ppvs,
             sum(unl)::int AS unlocked, sum(mass)::int AS mass,
             COALESCE(array_agg(ms ORDER BY ms) FILTER (WHERE ms IS NOT NULL), '{}')::text AS "replyMs"
      FROM (
        SELECT "creatorId", "occurredAt"::date AS day, COALESCE("userId", '') AS uid, gross, net, 1 AS sales,
               0 AS messages, 0 AS ppvs, 0 AS unl, 0 AS mass, NULL::bigint AS ms
        FROM "SaleAttribution"
        UNION ALL
        SELECT cs."creatorId", cs."sentAt"::date, COALESCE(cs."senderUserId", ''), 0, 0, 0, 1,
               (cs.price IS NOT NULL)::int,
               (cs.price IS NOT NULL AND EXISTS (SELECT 1 FROM "SaleAttribution" a
                                                 WHERE a."sendId" = cs.id AND a.rule = 'ppv'))::int, 0,
               (extract(epoch FROM cs."sentAt" - cs."waitingSince") * 1000)::bigint
        FROM "ChatSend" cs WHERE cs.status = 'sent'
        UNION ALL
        SELECT "creatorId", "sentAt"::date, COALESCE("createdByUserId", ''), 0, 0, 0, 0, 0, 0, 1, NULL
        FROM "MassCampaign" WHERE status = 'sent'
      ) x
      GROUP BY 1, 2, 3
      ORDER BY 1, 2, 3`;
    const kept = await db.$queryRaw<object[]>`
      SELECT "creatorId", day::text, "userId", gross::text, net::text, sales, messages, ppvs,
             "ppvsUnlocked" AS unlocked, "massMessages" AS mass, COALESCE("replyMs", '{}')::text AS "replyMs"
      FROM "PerformanceDay"
      WHERE sales <> 0 OR messages <> 0 OR "massMessages" <> 0 OR gross <> 0
      ORDER BY 1, 2, 3`;
    expect(rebuilt.length).toBeGreaterThan(100);
    expect(kept).toEqual(rebuilt);
    const fansRebuilt = await db.$queryRaw<object[]>`
      SELECT "creatorId", COALESCE("senderUserId", '') AS "userId", "fanUuid",
             range_agg(daterange("sentAt"::date, "sentAt"::date + 1))::text AS days
      FROM "ChatSend" WHERE status = 'sent' GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;
    const fansKept = await db.$queryRaw<object[]>`
      SELECT "creatorId", "userId", "fanUuid", days::text AS days FROM "MemberFanDays" ORDER BY 1, 2, 3`;
    expect(fansKept).toEqual(fansRebuilt);
    // First and last days, and the holes between days, of every chat.
    const ends = (sql: string) => db.$queryRawUnsafe<object[]>(sql);
    expect(
      await ends(`SELECT "creatorId", day::text, "userId", firsts, lasts FROM "FanPairEnds"
                  WHERE firsts <> 0 OR lasts <> 0 ORDER BY 1, 2, 3`),
    ).toEqual(
      await ends(`SELECT "creatorId", day::text, "userId", sum(f)::int AS firsts, sum(l)::int AS lasts FROM (
                    SELECT "creatorId", "firstDay" AS day, "userId", 1 AS f, 0 AS l FROM "MemberFanDays"
                    UNION ALL SELECT "creatorId", "lastDay", "userId", 0, 1 FROM "MemberFanDays") x
                  GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`),
    );
    const gaps = await ends(`SELECT "creatorId", "userId", "fanUuid", gap::text FROM "FanPairGap" ORDER BY 1, 2, 3, 4`);
    expect(gaps.length).toBeGreaterThan(10);
    expect(gaps).toEqual(
      await ends(`SELECT "creatorId", "userId", "fanUuid", g::text AS gap
                  FROM "MemberFanDays", unnest(datemultirange(range_merge(days)) - days) g ORDER BY 1, 2, 3, 4`),
    );
  });
});

type Figures = { gross: number; net: number; sales: number; messages: number; ppvs: number; unlocked: number };

/** Per member, from the raw rows alone: what the leaderboard must show for [start, end). */
async function fromRawRows(start: number, end: number) {
  const inRange = (d: Date | null) => d !== null && d.getTime() >= start && d.getTime() < end;
  const [sales, sends, mass] = await Promise.all([
    db.saleAttribution.findMany({ where: { creatorId: { in: creatorIds } } }),
    db.chatSend.findMany({ where: { creatorId: { in: creatorIds }, status: "sent" } }),
    db.massCampaign.findMany({ where: { creatorId: { in: creatorIds }, status: "sent" } }),
  ]);
  const unlockedIds = new Set(sales.filter((s) => s.rule === "ppv").map((s) => s.sendId));
  type Raw = Figures & { grossE4: bigint; netE4: bigint; fans: Set<string>; mass: number; waits: number[] };
  const out = new Map<string, Raw>();
  const of = (userId: string | null) => {
    const k = userId ?? "";
    if (!out.has(k))
      out.set(k, {
        ...{ gross: 0, net: 0, sales: 0, messages: 0, ppvs: 0, unlocked: 0, mass: 0 },
        ...{ grossE4: 0n, netE4: 0n, fans: new Set<string>(), waits: [] as number[] },
      });
    return out.get(k)!;
  };
  const e4 = (d: { toFixed(n: number): string }) => BigInt(d.toFixed(4).replace(".", ""));
  for (const s of sales.filter((x) => inRange(x.occurredAt))) {
    const f = of(s.userId);
    f.grossE4 += e4(s.gross);
    f.netE4 += e4(s.net);
    f.sales += 1;
  }
  for (const s of sends.filter((x) => inRange(x.sentAt))) {
    const f = of(s.senderUserId);
    f.messages += 1;
    f.fans.add(`${s.creatorId}:${s.fanUuid}`);
    if (s.price !== null) f.ppvs += 1;
    if (s.price !== null && unlockedIds.has(s.id)) f.unlocked += 1;
    if (s.waitingSince) f.waits.push(s.sentAt!.getTime() - s.waitingSince.getTime());
  }
  for (const m of mass.filter((x) => inRange(x.sentAt))) of(m.createdByUserId).mass += 1;
  // round(): half away from zero, on the exact sum (every amount here is positive).
  for (const f of out.values()) {
    f.gross = Number((f.grossE4 + 5000n) / 10000n);
    f.net = Number((f.netE4 + 5000n) / 10000n);
  }
  return out;
}

/** The median as percentile_cont gives it (the mean of the middle two), rounded to the millisecond. */
function median(values: number[]) {
  if (!values.length) return null;
  const v = [...values].sort((a, b) => a - b);
  const mid = (v.length - 1) / 2;
  return Math.round((v[Math.floor(mid)]! + v[Math.ceil(mid)]!) / 2);
}

const ZONES = ["UTC", "Asia/Kolkata", "America/Los_Angeles", "Pacific/Chatham", "Australia/Lord_Howe"];

describe("the leaderboard over rollups and raw edges", () => {
  it.each(ZONES)("equals the raw rows in %s for ranges of every length", async (tz) => {
    const access = (await getWorkspaceAccess(ownerId, workspaceId))!;
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    // One day (no whole UTC day inside), two days, a month across the US DST change, all of it.
    const ranges = [
      [END - 20 * DAY, END - 20 * DAY],
      [END - 9 * DAY, END - 8 * DAY],
      [END - 40 * DAY, END - 6 * DAY],
      [BEGIN - DAY, END + DAY],
    ];
    for (const [from, to] of ranges) {
      const q = performanceQuerySchema.parse({ range: "custom", from: day(from!), to: day(to!), tz });
      const p = await getPerformance(access, ownerId, q);
      const want = await fromRawRows(Date.parse(p.range.startUtc), Date.parse(p.range.endUtc));
      for (const [k, w] of want) {
        const got = p.members.find((m) => (m.userId ?? "") === k)!;
        expect(got, `${tz} ${q.from}..${q.to} ${k}`).toMatchObject({
          gross: w.gross,
          net: w.net,
          sales: w.sales,
          messages: w.messages,
          ppvsSent: w.ppvs,
          ppvsUnlocked: w.unlocked,
          massMessages: w.mass,
          fansAnswered: w.fans.size,
          replies: w.waits.length,
          medianReplyMs: median(w.waits),
        });
      }
      const listed = p.members.filter((m) => m.sales + m.messages + m.massMessages > 0).length;
      expect(listed, `${tz} ${q.from}..${q.to}`).toBe(
        [...want.values()].filter((w) => w.sales + w.messages + w.mass > 0).length,
      );
    }
  });
});
