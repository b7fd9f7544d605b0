import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSandbox, type RunningSandbox } from "./server";
import { API_HEADERS, authorize, type ClientCreds } from "./testing";

const client: ClientCreds = { clientId: "test-app", clientSecret: "s3cret", redirectUri: "http://localhost:3999/cb" };
let sb: RunningSandbox;
const tokens: Record<string, string> = {};
const uuids: Record<string, string> = {};

beforeAll(async () => {
  sb = await createSandbox({
    port: 0,
    soloFans: 150,
    agencyFans: [60, 40, 40],
    clients: [{ ...client, redirectUris: [client.redirectUri], name: "Test" }],
  });
  for (const h of ["luna", "atlas"]) tokens[h] = (await authorize(sb.url, client, h)).tokens.access_token;
  for (const a of (await (await fetch(`${sb.url}/__sandbox/accounts`)).json()) as { uuid: string; handle: string }[])
    uuids[a.handle] = a.uuid;
});
afterAll(() => sb.close());
beforeEach(() => sb.state.buckets.clear());

const get = (path: string, who = "luna") => fetch(`${sb.url}${path}`, { headers: API_HEADERS(tokens[who]!) });
const json = async (path: string, who = "luna") => {
  const res = await get(path, who);
  expect(res.status, path).toBe(200);
  return res.json();
};
const truth = async (q: string) => (await fetch(`${sb.url}/__sandbox/truth/earnings?${q}`)).json();
type Row = {
  date: string;
  gross: number;
  net: number;
  currency: string | null;
  source: string;
  user: { uuid: string } | null;
  messageUuid?: string;
  postUuid?: string;
  transactionOrderId: string;
  transactionOrderStatus: string;
};

async function allRows(query = "", who = "luna", base = "/insights/earnings") {
  const rows: Row[] = [];
  let cursor: string | null = null;
  do {
    const body: { data: Row[]; nextCursor: string | null } = await json(
      `${base}?size=50${query}${cursor ? `&cursor=${cursor}` : ""}`,
      who,
    );
    expect(Object.keys(body).sort()).toEqual(["data", "nextCursor"]);
    rows.push(...body.data);
    cursor = body.nextCursor;
  } while (cursor);
  return rows;
}
const sum = (rows: { gross: number; net: number }[]) =>
  rows.reduce((s, r) => ({ gross: s.gross + r.gross, net: s.net + r.net }), { gross: 0, net: 0 });

describe("GET /insights/earnings", () => {
  it("pages newest first and sums to the ledger truth and the summary's allTime", async () => {
    const rows = await allRows();
    const t = await truth("creator=luna");
    expect(rows.length).toBe(t.count);
    expect(sum(rows)).toEqual({ gross: t.gross, net: t.net });
    const dates = rows.map((r) => Date.parse(r.date));
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
    expect(new Set(rows.map((r) => r.transactionOrderId)).size).toBe(rows.length);
    const summary = await json("/insights/earnings/summary");
    expect(summary.totals.allTime).toEqual({ gross: t.gross, net: t.net });
    const tip = rows.find((r) => r.source === "tip")!;
    // messageUuid / postUuid are optional and never null: one or neither.
    expect(Object.keys(tip).sort()).toEqual(
      [
        "currency",
        "date",
        "gross",
        "net",
        "source",
        "transactionOrderId",
        "transactionOrderStatus",
        "user",
        tip.postUuid ? "postUuid" : "messageUuid",
      ].sort(),
    );
    expect(tip.currency).toBe("USD");
    const luna = sb.state.world.creators.get(uuids.luna!)!;
    for (const r of rows.filter((x) => x.source === "tip")) {
      expect(r.postUuid === undefined ? luna.postIndex.has(r.messageUuid!) : luna.postIndex.has(r.postUuid)).toBe(
        r.postUuid !== undefined,
      );
    }
    // A week after the payment it can be paid out; before, it is pending.
    const now = Date.parse((await (await fetch(`${sb.url}/__sandbox/health`)).json()).now);
    for (const r of rows) {
      expect(r.transactionOrderStatus).toBe(
        now - Date.parse(r.date) < 7 * 86_400_000 ? "pendingBalance" : "availableForPayout",
      );
    }
    expect(
      rows.some((r) => r.transactionOrderStatus === "pendingBalance") &&
        rows.some((r) => r.transactionOrderStatus === "availableForPayout"),
    ).toBe(true);
    expect(
      rows
        .filter((r) => r.source === "referral")
        .every((r) => r.user === null && !("messageUuid" in r) && !("postUuid" in r)),
    ).toBe(true);
    expect(rows.filter((r) => r.source === "message").every((r) => r.messageUuid && !("postUuid" in r) && r.user)).toBe(
      true,
    );
  });

  it("keeps its cursor exact while new rows are appended", async () => {
    const before = await allRows();
    const first = await json("/insights/earnings?size=7");
    expect(first.data).toEqual(before.slice(0, 7));
    const tip = await fetch(`${sb.url}/__sandbox/simulate/tip`, {
      method: "POST",
      body: JSON.stringify({ creator: "luna", amount: 1234 }),
    });
    expect(tip.status).toBe(201);
    const second = await json(`/insights/earnings?size=7&cursor=${first.nextCursor}`);
    expect(second.data).toEqual(before.slice(7, 14));
    const fresh = await json("/insights/earnings?size=1");
    expect(fresh.data[0]).toMatchObject({
      gross: 1234,
      source: "tip",
      transactionOrderId: (await tip.json()).transactionOrderId,
    });
  });

  it("filters by source and by a [startDate, endDate) window that agrees with the truth", async () => {
    const tipsAndPosts = await allRows("&source=tip,post");
    expect(tipsAndPosts.length).toBeGreaterThan(0);
    expect(new Set(tipsAndPosts.map((r) => r.source))).toEqual(new Set(["tip", "post"]));
    // The reference says comma-separated (not a repeated key).
    const repeated = await get("/insights/earnings?source=tip&source=post");
    expect(repeated.status).toBe(400);
    expect((await repeated.json()).errors).toEqual(["source must be one comma-separated value"]);
    expect((await allRows("&source=all")).length).toBe((await allRows()).length);
    const end = new Date(sb.state.world.anchor - 20 * 86_400_000).toISOString();
    const start = "2000-01-01T00:00:00+02:00";
    const windowed = await allRows(`&startDate=${encodeURIComponent(start)}&endDate=${encodeURIComponent(end)}`);
    const t = await truth(`creator=luna&start=${encodeURIComponent(start)}&end=${encodeURIComponent(end)}`);
    expect(windowed.length).toBe(t.count);
    expect(sum(windowed)).toEqual({ gross: t.gross, net: t.net });
    expect(windowed.every((r) => Date.parse(r.date) < Date.parse(end))).toBe(true);
  });

  it("rejects bad parameters with 400 {errors}", async () => {
    for (const q of [
      "source=bogus",
      "size=0",
      "size=51",
      "startDate=yesterday",
      "endDate=2026-02-30T00:00:00Z",
      "startDate=2026-02-01&endDate=2026-01-01",
      "cursor=zzz",
    ]) {
      const res = await get(`/insights/earnings?${q}`);
      expect(res.status, q).toBe(400);
      expect((await res.json()).errors, q).toHaveLength(1);
    }
  });

  it("is served to an agency for a managed creator only, on the creator's bucket", async () => {
    const mia = await allRows("", "atlas", `/creators/${uuids.mia}/insights/earnings`);
    expect(mia.length).toBe((await truth("creator=mia")).count);
    expect((await get(`/creators/${uuids.luna}/insights/earnings`, "atlas")).status).toBe(403);
    expect((await get("/insights/earnings", "atlas")).status).toBe(403);
  });
});

describe("GET /insights/spending", () => {
  it("lists refunds and chargebacks, filterable by source", async () => {
    const all = await allRows("", "luna", "/insights/spending");
    const t = await truth("creator=luna");
    expect(all.length).toBe(t.refunds.count);
    expect(sum(all)).toEqual({ gross: t.refunds.gross, net: t.refunds.net });
    const refunds = await allRows("&source=refund", "luna", "/insights/spending");
    expect(refunds.length).toBe(t.reversalsBySource.refund.count);
    expect((await get("/insights/spending?source=tip")).status).toBe(400);
  });
});

describe("GET /insights/earnings/summary", () => {
  it("breaks a period down consistently with the rows, in a time zone", async () => {
    const start = new Date(sb.state.world.anchor - 60 * 86_400_000).toISOString();
    const end = new Date(sb.state.world.anchor - 3 * 86_400_000).toISOString();
    const q = `startDate=${start}&endDate=${end}&timezone=America/New_York`;
    const s = await json(`/insights/earnings/summary?${q}`);
    const t = await truth(`creator=luna&start=${start}&end=${end}`);
    const bySource = Object.values(s.breakdownBySource) as { gross: number; net: number }[];
    expect(sum(bySource)).toEqual({ gross: t.gross, net: t.net });
    expect(s.breakdownBySource.tips).toEqual({ gross: t.bySource.tip.gross, net: t.bySource.tip.net });
    expect(s.earningsByType.renewals).toEqual({ gross: t.bySource.renewal.gross, net: t.bySource.renewal.net });
    expect(sum(s.overTime)).toEqual({ gross: t.gross, net: t.net });
    expect(s.overTime.length).toBeGreaterThanOrEqual(57);
    expect(s.overTime.every((b: { periodStart: string }) => /T0[45]:00:00\.000Z$/.test(b.periodStart))).toBe(true);
    expect(Object.keys(s.averageByDayOfWeek)).toEqual(["1", "2", "3", "4", "5", "6", "7"]);
    expect(Object.keys(s.averageByHourOfDay)).toHaveLength(24);
    expect(s.period).toEqual({ startDate: start, endDate: end, granularity: "day", timezone: "America/New_York" });
    const weekly = await json(`/insights/earnings/summary?${q}&granularity=week`);
    expect(sum(weekly.overTime)).toEqual({ gross: t.gross, net: t.net });
    expect(weekly.overTime.length).toBeLessThanOrEqual(10);
    expect(new Date(weekly.overTime[1].periodStart).getUTCDay()).toBe(1);
  });

  it("reports this month against the previous one from the same rows", async () => {
    const now = new Date(sb.state.clock.now());
    const m0 = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
    const m1 = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1);
    const p0 = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1);
    const iso = (t: number) => new Date(t).toISOString();
    const s = await json("/insights/earnings/summary");
    const cur = await truth(`creator=luna&start=${iso(m0)}&end=${iso(m1)}`);
    const prev = await truth(`creator=luna&start=${iso(p0)}&end=${iso(m0)}`);
    expect(s.totals.thisMonth).toMatchObject({
      gross: cur.gross,
      net: cur.net,
      previousMonthGross: prev.gross,
      previousMonthNet: prev.net,
    });
    expect(prev.gross).toBeGreaterThan(0);
    expect(s.totals.thisMonth.grossChangePercentage).toBeCloseTo(((cur.gross - prev.gross) / prev.gross) * 100, 1);
  });

  it("rejects an unknown time zone or granularity", async () => {
    for (const q of ["timezone=Mars/Olympus", "granularity=month", "startDate=nope"]) {
      const res = await get(`/insights/earnings/summary?${q}`);
      expect(res.status, q).toBe(400);
      expect((await res.json()).errors).toHaveLength(1);
    }
  });
});

describe("GET /insights/subscribers, top-spenders, percentile", () => {
  it("buckets days from the start's offset with a running total", async () => {
    const day = new Date(Math.floor(sb.state.world.anchor / 86_400_000) * 86_400_000 - 40 * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const start = `${day}T00:00:00+01:00`;
    const end = new Date(Date.parse(start) + 30 * 86_400_000).toISOString();
    const q = `/insights/subscribers?startDate=${encodeURIComponent(start)}&endDate=${end}&size=7`;
    const body = await json(q);
    expect(body.data).toHaveLength(7);
    expect(body.data[0].date).toBe(new Date(Date.parse(`${day}T00:00:00Z`) - 3_600_000).toISOString());
    expect(body.nextCursor).not.toBeNull();
    const days = [...body.data];
    for (let cursor = body.nextCursor; cursor;) {
      const next = await json(`${q}&cursor=${cursor}`);
      days.push(...next.data);
      cursor = next.nextCursor;
    }
    expect(days).toHaveLength(30);
    let running = 0;
    for (const d of days) {
      running += d.newSubscribersCount - d.cancelledSubscribersCount;
      expect(d.total).toBe(running);
    }
    const luna = sb.state.world.creators.get(uuids.luna!)!;
    const [a, b] = [Date.parse(start), Date.parse(end)];
    const within = (t: number | null) => t !== null && t >= a && t < b;
    const news = days.reduce((n, d) => n + d.newSubscribersCount, 0);
    expect(news).toBe(luna.relations.filter((r) => within(r.subscribedAt)).length);
    expect(days.reduce((n, d) => n + d.cancelledSubscribersCount, 0)).toBe(
      luna.relations.filter((r) => within(r.expiredAt)).length,
    );
    expect(news).toBeGreaterThan(0);
  });

  it("ignores startDate's time: days start at midnight of its offset", async () => {
    const day = new Date(Math.floor(sb.state.world.anchor / 86_400_000) * 86_400_000 - 20 * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const end = `${day}T00:00:00-07:00`;
    const previous = new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    // A start 13:00 into the previous day counts that whole day, from its midnight at -07:00.
    const q = `startDate=${encodeURIComponent(`${previous}T13:00:00-07:00`)}&endDate=${encodeURIComponent(end)}`;
    const body = await json(`/insights/subscribers?${q}`);
    const midnight = Date.parse(`${previous}T07:00:00Z`);
    expect(body.data.map((d: { date: string }) => d.date)).toEqual([new Date(midnight).toISOString()]);
    const luna = sb.state.world.creators.get(uuids.luna!)!;
    const within = (t: number | null) => t !== null && t >= midnight && t < Date.parse(end);
    expect(body.data[0].newSubscribersCount).toBe(luna.relations.filter((r) => within(r.subscribedAt)).length);
  });

  it("ranks top spenders by gross with message counts from the ledger", async () => {
    const body = await json("/insights/top-spenders?size=5");
    expect(body.data).toHaveLength(5);
    const grosses = body.data.map((d: { gross: number }) => d.gross);
    expect([...grosses].sort((x, y) => y - x)).toEqual(grosses);
    const top = body.data[0];
    const t = await (await fetch(`${sb.url}/__sandbox/truth/fans/${top.user.uuid}?creator=luna`)).json();
    expect({ gross: top.gross, net: top.net, messages: top.messages }).toEqual({
      gross: t.gross,
      net: t.net,
      messages: t.bySource.message.count,
    });
    expect(top.user).toHaveProperty("registeredAt");
    const narrow = (await authorize(sb.url, client, "luna", ["openid", "read:insights"])).tokens.access_token;
    expect((await fetch(`${sb.url}/insights/top-spenders`, { headers: API_HEADERS(narrow) })).status).toBe(403);
  });

  it("reports a percentile in (0, 1]", async () => {
    const { percentile } = await json("/insights/earnings/percentile");
    expect(percentile).toBeGreaterThan(0);
    expect(percentile).toBeLessThanOrEqual(1);
  });
});
