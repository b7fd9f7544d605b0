import { afterAll, afterEach, describe, expect, it } from "vitest";
import { connectAccount } from "../support/connect";
import { burstPlan, runBurst } from "../support/insight-burst";
import { startTestSandbox } from "../support/sandbox";

// The loader batches by fan set, not by arrival time (issue 23): a burst of
// panel lookups in any order costs ceil(distinct fans / 100) batch calls.
const sb = await startTestSandbox({ soloFans: 700 });
const { db } = await import("@/lib/server/db");
const { fanvueClient } = await import("@/lib/server/fanvue/client");
const { FanvueError } = await import("@/lib/server/fanvue/errors");
const { InsightLoader, fanvueBatch } = await import("@/lib/server/fans/insights/insight-loader");
type Loader = InstanceType<typeof InsightLoader>;
type Options = ConstructorParameters<typeof InsightLoader>[0];

const luna = [...sb.state.world.creators.values()].find((c) => c.account.handle === "luna")!;
const fans = luna.fans.map((f) => f.uuid);
const { connection } = await connectAccount(sb, "luna");
const client = fanvueClient({ connectionId: connection.id, mode: "self" });
/** A cold cache per test: insight rows are per creator id. */
const subjectFor = (creatorId: string) => ({ creatorId, client });

const batchCalls = async () =>
  ((await sb.admin(`/calls?summary=1&path=${encodeURIComponent("/insights/fans/batch")}`)) as { total: number }).total;

/** A loader whose batches (the fans of each call) are recorded. */
function recordingLoader(o: Options = {}, fail?: (uuids: string[]) => boolean) {
  const batches: string[][] = [];
  const loader = new InsightLoader({
    ...o,
    fetchBatch: (s, uuids, p) => {
      batches.push(uuids);
      // Fails like a slow Fanvue would, after every lookup of the burst is in.
      if (fail?.(uuids))
        return new Promise((_, reject) =>
          setTimeout(() => reject(new FanvueError("upstream", "Fanvue had a problem answering.")), 300),
        );
      return fanvueBatch(s, uuids, p);
    },
  });
  return { loader, batches };
}

const panelBurst = (loader: Loader, creatorId: string, seed: number, set = fans.slice(0, 250)) =>
  runBurst(burstPlan(set, seed), async (fan) => (await loader.load(subjectFor(creatorId), [fan])).get(fan)!);

afterEach(async () => {
  await sb.admin("/faults", undefined, "DELETE");
  await sb.admin("/insights/internal", undefined, "DELETE");
  await sb.admin("/calls", undefined, "DELETE");
});
afterAll(async () => {
  await db.$disconnect();
  await sb.close();
});

describe("a burst of fan-panel lookups", () => {
  it("25 clients × 20 lookups over 250 distinct fans, shuffled, 0–30 ms apart → ≤ 3 batch calls, every answer Fanvue's; warm repeat 0", async () => {
    const { loader, batches } = recordingLoader();
    const cold = await panelBurst(loader, "burst-cold", 23);
    expect(await batchCalls()).toBeLessThanOrEqual(3);
    expect(batches.every((b) => b.length <= 100)).toBe(true);
    expect(new Set(batches.flat()).size).toBe(batches.flat().length); // no fan asked twice
    expect(cold.answers).toHaveLength(500);
    expect(cold.answers.every((a) => a.error === undefined && a.value!.state === "ok")).toBe(true);
    const byFan = new Map(cold.answers.map((a) => [a.fan, a.value!]));
    expect(byFan.size).toBe(250);
    for (const [uuid, view] of byFan) {
      const truth = (await sb.admin(`/truth/fans/${uuid}?creator=luna`)) as {
        gross: number;
        maxSinglePayment: number;
        lastPurchaseAt: string | null;
      };
      expect([view.data!.totalGross, view.data!.maxPayment, view.data!.lastPurchaseAt]).toEqual([
        truth.gross,
        truth.maxSinglePayment,
        truth.lastPurchaseAt,
      ]);
    }

    await sb.admin("/calls", undefined, "DELETE");
    const warm = await panelBurst(loader, "burst-cold", 2323);
    expect(await batchCalls()).toBe(0);
    expect(warm.answers.every((a) => a.value?.state === "ok" && !a.value.stale)).toBe(true);
    expect(loader.queued(subjectFor("burst-cold"))).toBe(0);
  });

  it("the same lookups spread over 300 ms (a busy server hands them over slowly) → still ≤ 3 calls", async () => {
    const { loader } = recordingLoader();
    const plan = burstPlan(fans.slice(0, 250), 77, { clients: 25, perClient: 20, times: 2, maxDelayMs: 300 });
    const res = await runBurst(plan, async (fan) => (await loader.load(subjectFor("burst-spread"), [fan])).get(fan)!);
    expect(res.answers.every((a) => a.value?.state === "ok")).toBe(true);
    expect(await batchCalls()).toBeLessThanOrEqual(3);
  });

  it("a burst of stale fans is answered at once and refreshed in ceil(250/100) background calls", async () => {
    let clock = Date.now();
    const { loader } = recordingLoader({ now: () => clock });
    await panelBurst(loader, "burst-stale", 5);
    await sb.admin("/calls", undefined, "DELETE");
    clock += loader.t.freshMs + 1;
    const stale = await panelBurst(loader, "burst-stale", 6);
    // Answered from the cache at once: stale and being refreshed, or, for a lookup that came after
    // its fan's refresh had landed (the first full batch goes at once), already fresh.
    expect(stale.answers.every((a) => a.value?.state === "ok" && (!a.value.stale || a.value.refreshing))).toBe(true);
    expect(stale.answers.filter((a) => a.value?.stale).length).toBeGreaterThan(0);
    await expect.poll(() => loader.queued(subjectFor("burst-stale")), { timeout: 10_000 }).toBe(0);
    expect(await batchCalls()).toBeLessThanOrEqual(3);
  });
});

describe("failures and cancellation reach exactly their waiters", () => {
  it("a failed batch gives its own fans an error view; the other batch's fans and per-fan `internal` keys keep theirs", async () => {
    const set = fans.slice(250, 450);
    const poison = set[7]!;
    const internal = set.filter((_, i) => i % 50 === 11);
    await sb.admin("/insights/internal", { uuids: internal });
    let failures = 0;
    const { loader, batches } = recordingLoader({}, (uuids) => uuids.includes(poison) && failures++ === 0);
    const res = await runBurst(burstPlan(set, 9, { clients: 20, perClient: 20, times: 2, maxDelayMs: 30 }), (fan) =>
      loader.load(subjectFor("burst-fail"), [fan]).then((m) => m.get(fan)!),
    );
    expect(batches).toHaveLength(2);
    const failed = new Set(batches.find((b) => b.includes(poison)));
    for (const { fan, value, error } of res.answers) {
      expect(error).toBeUndefined();
      if (failed.has(fan)) expect([value!.state, value!.error?.kind]).toEqual(["error", "upstream"]);
      else if (internal.includes(fan)) expect([value!.state, value!.error?.kind]).toEqual(["error", "internal"]);
      else expect(value!.state).toBe("ok");
    }
    // The failed batch's fans were freed: asked again, they are fetched (one call).
    await sb.admin("/calls", undefined, "DELETE");
    const again = await loader.load(subjectFor("burst-fail"), [...failed]);
    expect([...again.values()].filter((v) => v.state === "ok").length).toBe(
      [...failed].filter((f) => !internal.includes(f)).length,
    );
    expect(await batchCalls()).toBe(1);
  });

  it("a cancelled lookup rejects alone: pending, its fan leaves the batch if nobody else waits; sent, the batch goes on", async () => {
    const [a, b, c] = fans.slice(450, 453) as [string, string, string];
    // 300 ms: time to cancel while the batch is still pending.
    const { loader, batches } = recordingLoader({ quietMs: 300, maxWaitMs: 300 });
    const s = subjectFor("burst-abort");
    const early = new AbortController();
    const cancelled = loader.load(s, [a, b], "interactive", { signal: early.signal });
    const other = loader.load(s, [a]);
    await expect.poll(() => loader.queued(s), { interval: 5 }).toBe(2);
    expect(batches).toEqual([]);
    early.abort();
    await expect(cancelled).rejects.toMatchObject({ name: "AbortError" });
    expect((await other).get(a)!.state).toBe("ok");
    expect(batches).toEqual([[a]]); // b: nobody waits any more, not fetched

    // Fanvue slow to answer: the batch is still out when the caller gives up.
    await sb.admin("/faults", { path: "/insights/fans/batch", latencyMs: 500, times: 1 });
    const late = new AbortController();
    const sent = loader.load(s, [c], "interactive", { signal: late.signal });
    const alongside = loader.load(s, [c]);
    await expect.poll(() => batches.length).toBe(2);
    late.abort();
    await expect(sent).rejects.toMatchObject({ name: "AbortError" });
    expect((await alongside).get(c)!.state).toBe("ok");
    await sb.admin("/calls", undefined, "DELETE");
    expect((await loader.load(s, [c])).get(c)!.state).toBe("ok");
    expect(await batchCalls()).toBe(0);
  });

  it("pending + in-flight fans per creator are capped: past the limit a lookup is refused, naming it", async () => {
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    const loader = new InsightLoader({
      maxQueued: 150,
      fetchBatch: async (s, uuids, p) => (await gate, fanvueBatch(s, uuids, p)),
    });
    const s = subjectFor("burst-cap");
    const set = fans.slice(500, 651);
    const first = loader.load(s, set.slice(0, 100)); // full: sent, held at the gate
    const second = loader.load(s, set.slice(100, 150)); // pending
    await expect.poll(() => loader.queued(s)).toBe(150);
    await expect(loader.load(s, [set[150]!])).rejects.toMatchObject({
      kind: "stalled",
      message: expect.stringContaining("limit 150 fans"),
    });
    const joined = loader.load(s, [set[120]!]); // already pending: joins, no room needed
    open();
    const views = [...(await first).values(), ...(await second).values(), ...(await joined).values()];
    expect(views.every((v) => v.state === "ok")).toBe(true);
    expect(loader.queued(s)).toBe(0);
  });
});
