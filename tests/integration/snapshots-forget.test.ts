// A change upstream (a post edited) while a read of its list is under way:
// the read under way saw the old state, so nobody joins it and it keeps
// nothing; the next read asks again (lib/server/snapshots.ts).
import { afterAll, describe, expect, it } from "vitest";

const { db } = await import("@/lib/server/db");
const { withSnapshot, forgetReadsUnderWay } = await import("@/lib/server/snapshots");

afterAll(() => db.$disconnect());

describe("forgetReadsUnderWay", () => {
  it("a read under way before a change is neither joined nor kept", async () => {
    const key = "test:posts:c1";
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let started!: () => void;
    const reading = new Promise<void>((r) => (started = r));
    const before = withSnapshot(
      key,
      async () => {
        started();
        await gate;
        return "old";
      },
      { maxAgeMs: 60_000 },
    );
    await reading;
    forgetReadsUnderWay((k) => k === key);
    const after = await withSnapshot(key, async () => "new", { maxAgeMs: 60_000 });
    expect(after.data).toBe("new");
    release();
    expect((await before).data).toBe("old");
    // Kept: the read made after the change, not the one from before it.
    const next = await withSnapshot(key, async () => "fetched again", { maxAgeMs: 60_000 });
    expect(next.data).toBe("new");
  });
});
