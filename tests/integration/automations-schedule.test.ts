import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSandbox } from "../support/sandbox";
import { provisionAccount } from "../support/workspace";

// Automations on a clock: quiet hours and the daily cap are the zone's wall
// clock and local day across the fall-back DST change (a 25-hour day); the
// quiet-big-spender trigger learns each fan's own rhythm from the ledger.

const sb = await startTestSandbox({ rateLimit: { limit: 100_000, windowSec: 60 } });
const { db } = await import("@/lib/server/db");
const { createAutomation } = await import("@/lib/server/automations/service");
const { previewAutomation } = await import("@/lib/server/automations/preview");
const { createRun } = await import("@/lib/server/automations/fire");
const { processRun } = await import("@/lib/server/automations/run");
const { quietSpenders, scanAutomation } = await import("@/lib/server/automations/scan");
const { automationBodySchema } = await import("@/lib/schemas/automations");
const { getCreatorAccess } = await import("@/lib/server/workspaces/access");

let p: Awaited<ReturnType<typeof provisionAccount>>;
const NY = "America/New_York";
const DAY = 86_400_000;

beforeAll(async () => {
  p = await provisionAccount(sb, "luna");
});
afterAll(async () => {
  await db.$disconnect();
  await sb.close();
});

const creatorId = () => p.creators.luna!.id;
const access = async () => (await getCreatorAccess(p.user.id, creatorId()))!;
const luna = () => sb.state.world.creators.get(p.account.uuid)!;
/** Contactable fans of Luna, one per use. */
let next = 0;
const fan = () => {
  const c = luna();
  for (;;) {
    const i = next++;
    if (c.relations[i]!.contactable) return c.fans[i]!;
  }
};

async function automation(name: string, over: Record<string, unknown>) {
  const body = automationBodySchema.parse({
    name,
    trigger: "new_subscriber",
    text: `Hello {name} · ${name}`,
    timeZone: NY,
    skipIfWrittenMinutes: 0,
    skipIfUnread: false,
    skipIfSentMedia: false,
    ...over,
  });
  const a = await createAutomation(await access(), { id: p.user.id, name: "Luna" }, body);
  return db.automation.findUniqueOrThrow({ where: { id: a.id } });
}

describe("quiet hours and the daily cap across the fall-back DST change", () => {
  it("holds a send fired at 23:00 until 08:00 wall clock on the 25-hour day", async () => {
    const a = await automation("Quiet DST", { quietStartMin: 22 * 60, quietEndMin: 8 * 60 });
    const f = fan();
    // 23:00 EDT on Oct 31 = 03:00Z Nov 1; 08:00 EST on Nov 1 = 13:00Z (10 hours later, not 9).
    const run = await createRun(
      { automation: a, fanUuid: f.uuid, handle: f.handle, name: f.displayName },
      "dst-1",
      Date.parse("2026-11-01T03:00:00Z"),
    );
    expect(run!.dueAt.toISOString()).toBe("2026-11-01T13:00:00.000Z");
    // Picked up early (a worker's clock), it waits again rather than sending.
    const early = await processRun(run!.id, Date.parse("2026-11-01T12:30:00Z"));
    expect(early).toMatchObject({ status: "pending", retryAt: new Date("2026-11-01T13:00:00Z") });
    expect((await processRun(run!.id, Date.parse("2026-11-01T13:00:00Z"))).status).toBe("sent");
  });

  it("counts the cap per local day, not per UTC day", async () => {
    const a = await automation("Cap DST", { dailyCap: 2 });
    const at = [
      "2026-11-01T13:30:00Z", // 08:30 EST Nov 1
      "2026-11-02T01:00:00Z", // 20:00 EST Nov 1 (already Nov 2 in UTC)
      "2026-11-02T04:30:00Z", // 23:30 EST Nov 1: the third that local day
      "2026-11-02T13:10:00Z", // 08:10 EST Nov 2: a new local day
    ];
    const out: string[] = [];
    for (const [i, iso] of at.entries()) {
      const f = fan();
      const run = await createRun(
        { automation: a, fanUuid: f.uuid, handle: f.handle, name: f.displayName },
        `cap-${i}`,
        Date.parse(iso),
      );
      const r = await processRun(run!.id, Date.parse(iso));
      out.push(r.status);
    }
    expect(out).toEqual(["sent", "sent", "skipped", "sent"]);
    const skipped = await db.automationRun.findFirstOrThrow({ where: { automationId: a.id, status: "skipped" } });
    expect(skipped.reason).toContain("daily cap of 2 was reached (2026-11-01, America/New_York)");
  });
});

describe("a big spender gone quiet", () => {
  const NOW = Date.parse("2026-12-01T12:00:00Z");
  async function buys(fanUuid: string, daysAgo: number[]) {
    await db.earningRow.createMany({
      data: daysAgo.map((d, i) => ({
        creatorId: creatorId(),
        dedupeKey: `quiet-${fanUuid}-${i}`,
        occurredAt: new Date(NOW - d * DAY),
        gross: 5000,
        net: 4000,
        currency: "USD",
        source: i % 2 ? "tip" : "message",
        fanUuid,
      })),
    });
  }

  it("fires for a fan who buys every 3 days after 6 quiet days, not for one who buys every 20 days", async () => {
    const every3 = fan().uuid;
    const every20 = fan().uuid;
    const every3Recent = fan().uuid;
    await buys(every3, [21, 18, 15, 12, 9, 6]);
    await buys(every20, [66, 46, 26, 6]);
    await buys(every3Recent, [13, 10, 7, 4]);
    const picked = (await quietSpenders(creatorId(), 10_000, NOW)).map((c) => c.fanUuid);
    expect(picked).toContain(every3);
    expect(picked).not.toContain(every20);
    expect(picked).not.toContain(every3Recent);
    // Scanned twice: one run for this quiet spell.
    const a = await automation("Win back", { trigger: "quiet_spender", triggerParams: { minCents: 10_000 } });
    // (Its preview, on today's clock, lists every3's quiet spell; once sent for, it is no longer listed.)
    const before = await previewAutomation(await access(), a);
    expect(before.basis).toBe("now");
    await scanAutomation(a, NOW);
    await scanAutomation(a, NOW + 3_600_000);
    const after = await previewAutomation(await access(), a);
    expect(after.sample.map((x) => x.uuid)).not.toContain(every3);
    expect(after.count).toBeLessThan(before.count);
    const runs = await db.automationRun.findMany({ where: { automationId: a.id, fanUuid: every3 } });
    expect(runs).toHaveLength(1);
    expect(
      await db.automationRun.count({ where: { automationId: a.id, fanUuid: { in: [every20, every3Recent] } } }),
    ).toBe(0);
  });
});
