// A database that stops taking connections (maintenance, a restore): every
// query, model or raw, reports it with the "unavailable" digest, so a page
// shows "Vuedeck is unavailable, retrying" and the API answers 503 whichever
// query met the outage first (with the session and access cached for 5 s, it
// is no longer always the session lookup).
import pg from "pg";
import { afterAll, describe, expect, it, inject } from "vitest";

const { db } = await import("@/lib/server/db");
const { toErrorResponse } = await import("@/lib/server/api/errors");

const dbName = decodeURIComponent(new URL(process.env.DATABASE_URL!).pathname.slice(1));
const admin = new pg.Client({ connectionString: inject("pgAdminUrl") });
await admin.connect();

afterAll(async () => {
  await admin.query(`ALTER DATABASE "${dbName}" ALLOW_CONNECTIONS true`);
  await admin.end();
  await db.$disconnect();
});

const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e as { digest?: string },
  );

describe("a database closed to connections", () => {
  it("every query says 'unavailable' (digest and 503), and the next one after it reopens works", async () => {
    expect(await db.user.count()).toBe(0);
    await admin.query(`ALTER DATABASE "${dbName}" ALLOW_CONNECTIONS false`);
    try {
      await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [dbName]);
      const model = await failure(db.user.findFirst());
      const raw = await failure(db.$queryRaw`SELECT 1`);
      for (const err of [model, raw]) {
        expect(err?.digest).toBe("VUEDECK_UNAVAILABLE");
        expect(toErrorResponse(err, "test").status).toBe(503);
      }
    } finally {
      await admin.query(`ALTER DATABASE "${dbName}" ALLOW_CONNECTIONS true`);
    }
    await expect.poll(() => db.user.count().catch(() => -1)).toBe(0);
  });

  it("an ordinary query error keeps its own meaning", async () => {
    await db.user.create({ data: { id: "u-dup", name: "A" } });
    const err = await failure(db.user.create({ data: { id: "u-dup", name: "B" } }));
    expect(err).not.toBeNull();
    expect(err?.digest).toBeUndefined();
    expect(toErrorResponse(err, "test").status).not.toBe(503);
  });
});
