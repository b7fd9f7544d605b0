import { afterAll, describe, expect, it } from "vitest";
import { seedFanAudience } from "../support/fan-audience-seed";
import { startTestSandbox } from "../support/sandbox";

// The fans table's sorts read a page in index order (insight sorts in two
// reads: fans with the value, then the rest by name). Paged through, every
// sort and direction gives exactly the order of one ORDER BY over the whole
// roster: nulls and fans without an insight last, ties on the name, then
// the id; with ties in the values and the names, and a tag filter.

const sb = await startTestSandbox();
const { db } = await import("@/lib/server/db");
const { Prisma } = await import("@/generated/prisma/client");
const { queryRoster } = await import("@/lib/server/fans/roster/roster-query");

afterAll(async () => {
  await db.$disconnect();
  await sb.close();
});

const creatorId = "sorts";
await seedFanAudience(db, creatorId, 160, 0);
// Ties in every insight column and in the names; nulls; fans without an insight.
await db.$executeRaw`
  UPDATE "FanInsight" SET "totalGross" = CASE WHEN "totalGross" % 5 = 0 THEN NULL ELSE ("totalGross" % 4) * 100 END,
    "lastPurchaseAt" = CASE WHEN "totalGross" % 3 = 0 THEN NULL ELSE date_trunc('month', "lastPurchaseAt") END,
    "renewsAt" = date_trunc('day', "renewsAt"), "subscribedAt" = NULL
  WHERE "creatorId" = ${creatorId}`;
await db.$executeRaw`DELETE FROM "FanInsight" WHERE "creatorId" = ${creatorId} AND "fanUuid" LIKE '%3'`;
await db.$executeRaw`
  UPDATE "AudienceFan" SET "displayName" = CASE WHEN "listOrder" % 4 = 0 THEN 'Same name' ELSE '' END
  WHERE "creatorId" = ${creatorId} AND "listOrder" % 2 = 0`;
await db.fanTag.createMany({
  data: Array.from({ length: 160 }, (_, i) => i)
    .filter((i) => i % 3 !== 1)
    .map((i) => ({ creatorId, fanUuid: `${i}`, tag: "x", createdByName: "t" })),
});
await db.$executeRaw`
  UPDATE "FanTag" t SET "fanUuid" = a."fanUuid" FROM "AudienceFan" a
  WHERE t."creatorId" = ${creatorId} AND a."creatorId" = t."creatorId" AND a."listOrder"::text = t."fanUuid"`;

const NAME = Prisma.sql`lower(COALESCE(NULLIF(a."displayName", ''), a.handle))`;
const COLUMN = {
  spend: Prisma.sql`i."totalGross"`,
  lastPurchase: Prisma.sql`i."lastPurchaseAt"`,
  subscribedAt: Prisma.sql`i."subscribedAt"`,
  renewsAt: Prisma.sql`i."renewsAt"`,
} as const;
type Sort = keyof typeof COLUMN | "name";
type View = { list: "subscribers" | "all"; tag?: string };

/** The whole roster in one ORDER BY, as the page's order is defined. */
async function reference(sort: Sort, dir: "asc" | "desc", view: View) {
  const d = Prisma.raw(dir.toUpperCase());
  const order =
    sort === "name"
      ? Prisma.sql`${NAME} ${d}, a."fanUuid" ${d}`
      : Prisma.sql`${COLUMN[sort]} ${d} NULLS LAST, ${NAME} ASC, a."fanUuid" ASC`;
  const rows = await db.$queryRaw<{ fanUuid: string }[]>`
    SELECT a."fanUuid" FROM "AudienceFan" a
    LEFT JOIN "FanInsight" i ON i."creatorId" = a."creatorId" AND i."fanUuid" = a."fanUuid"
    WHERE a."creatorId" = ${creatorId} AND (${view.list} = 'all' OR a.list = ${view.list})
      AND (${view.tag ?? null}::text IS NULL OR EXISTS (SELECT 1 FROM "FanTag" t
        WHERE t."creatorId" = a."creatorId" AND t."fanUuid" = a."fanUuid" AND t.tag = ${view.tag ?? null}))
    ORDER BY ${order}`;
  return rows.map((r) => r.fanUuid);
}

async function paged(sort: Sort, dir: "asc" | "desc", view: View, size: number) {
  const out: string[] = [];
  for (let page = 1; ; page++) {
    const res = await queryRoster(creatorId, { ...view, segment: null, sort, dir, page, size });
    out.push(...res.fans.map((f) => f.fanUuid));
    if (res.fans.length < size) return { fans: out, total: res.total };
  }
}

describe("roster sorts page by page", () => {
  const sorts: Sort[] = ["spend", "lastPurchase", "subscribedAt", "renewsAt", "name"];
  for (const sort of sorts)
    it(`${sort}, both directions, a list, all fans and a tag`, async () => {
      for (const dir of ["asc", "desc"] as const)
        for (const view of [{ list: "subscribers" }, { list: "all" }, { list: "all", tag: "x" }] as View[]) {
          const want = await reference(sort, dir, view);
          expect(want.length).toBeGreaterThan(50);
          const got = await paged(sort, dir, view, 11);
          expect(got.fans).toEqual(want);
          expect(got.total).toBe(want.length);
        }
    });
});
