import { afterAll, describe, expect, it } from "vitest";
import { startTestSandbox } from "../support/sandbox";

// The fans page reads its totals from AudienceListCount, kept by statement
// triggers on AudienceFan. After every kind of roster write the app makes
// (a list page, a fan moving list, a fan known only by id and later named,
// a no-op refresh, removal after a full sync, concurrent writers), the
// counts equal a rebuild from the raw rows, and so do the page's figures.

const sb = await startTestSandbox();
const { db } = await import("@/lib/server/db");
const { recordFans, ensureFanRow } = await import("@/lib/server/fans/roster/roster");
const { rosterCounts } = await import("@/lib/server/fans/roster/roster-head");
const { queryRoster } = await import("@/lib/server/fans/roster/roster-query");
const { coverageOf } = await import("@/lib/server/fans/analysis/coverage");

afterAll(async () => {
  await db.$disconnect();
  await sb.close();
});

const A = "creator-a";
const B = "creator-b";
const fan = (i: number, handle = `fan${i}`) => ({
  uuid: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
  handle,
  displayName: `Fan ${i}`,
  nickname: null,
  avatarUrl: null,
  isTopSpender: false,
  registeredAt: null,
});
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k);

type Counts = { creatorId: string; list: string; fans: number; named: number }[];
const rebuilt = () => db.$queryRaw<Counts>`
  SELECT "creatorId", list, count(*)::int AS fans, (count(*) FILTER (WHERE handle <> ''))::int AS named
  FROM "AudienceFan" GROUP BY 1, 2 ORDER BY 1, 2`;
const kept = () => db.$queryRaw<Counts>`
  SELECT "creatorId", list, fans, named FROM "AudienceListCount" WHERE fans <> 0 OR named <> 0 ORDER BY 1, 2`;

/** The rollup equals the raw rows, and the page's figures read it right. */
async function expectCounts() {
  const raw = await rebuilt();
  expect(await kept()).toEqual(raw);
  for (const creatorId of [A, B]) {
    const of = (list: string) => raw.find((r) => r.creatorId === creatorId && r.list === list);
    expect(await rosterCounts(creatorId)).toEqual({
      subscribers: of("subscribers")?.named ?? 0,
      followers: of("followers")?.named ?? 0,
    });
    const all = await queryRoster(creatorId, { list: "all", segment: null, sort: "recent", page: 1, size: 5 });
    expect(all.total).toBe((of("subscribers")?.fans ?? 0) + (of("followers")?.fans ?? 0));
    const cov = await coverageOf(creatorId, "followers", { subscribers: null, followers: null }, { partial: false });
    expect(cov.known).toBe(of("followers")?.named ?? 0);
  }
}

describe("roster counts kept by triggers", () => {
  it("follow list pages, a fan moving list, and a fan known only by id", async () => {
    await recordFans(
      A,
      "subscribers",
      range(0, 30).map((i) => fan(i)),
    );
    await recordFans(
      A,
      "followers",
      range(30, 50).map((i) => fan(i)),
    );
    await recordFans(
      B,
      "followers",
      range(0, 7).map((i) => fan(i)),
    );
    await expectCounts();
    // Followers who subscribed: the same rows, now in the other list.
    await recordFans(
      A,
      "subscribers",
      range(40, 45).map((i) => fan(i)),
    );
    await ensureFanRow(A, fan(99).uuid, "followers");
    await ensureFanRow(A, fan(98).uuid, "subscribers");
    await expectCounts();
    // A list page names the fan known only by id.
    await recordFans(A, "followers", [fan(99)]);
    await expectCounts();
  });

  it("a refresh that changes nothing counted writes no count", async () => {
    const before = await db.$queryRaw<{ x: string }[]>`SELECT xmin::text AS x FROM "AudienceListCount" ORDER BY 1`;
    await db.audienceFan.updateMany({ where: { creatorId: A }, data: { seenAt: new Date(), runId: "next" } });
    expect(await db.$queryRaw`SELECT xmin::text AS x FROM "AudienceListCount" ORDER BY 1`).toEqual(before);
    await expectCounts();
  });

  it("fans removed after a full sync, and concurrent writers", async () => {
    await db.audienceFan.deleteMany({ where: { creatorId: A, fanUuid: { in: range(0, 10).map((i) => fan(i).uuid) } } });
    await expectCounts();
    await Promise.all([
      recordFans(
        B,
        "subscribers",
        range(100, 140).map((i) => fan(i)),
      ),
      recordFans(
        B,
        "subscribers",
        range(120, 170).map((i) => fan(i)),
      ),
      db.$transaction(async (tx) => {
        await tx.audienceFan.deleteMany({ where: { creatorId: B, fanUuid: fan(3).uuid } });
        await tx.audienceFan.updateMany({ where: { creatorId: B, fanUuid: fan(4).uuid }, data: { handle: "" } });
      }),
    ]);
    await expectCounts();
    await db.audienceFan.deleteMany({ where: { creatorId: B } });
    await expectCounts();
  });
});
