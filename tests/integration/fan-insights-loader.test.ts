import { spawn } from "node:child_process";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { connectAccount } from "../support/connect";
import { startTestSandbox } from "../support/sandbox";

// The batched fan-insight loader against a real sandbox and PostgreSQL.
const sb = await startTestSandbox({ soloFans: 700 });
const { db } = await import("@/lib/server/db");
const { fanvueClient } = await import("@/lib/server/fanvue/client");
const { InsightLoader } = await import("@/lib/server/fans/insights/insight-loader");

const luna = [...sb.state.world.creators.values()].find((c) => c.account.handle === "luna")!;
const fans = luna.fans.map((f) => f.uuid);
const miaUuid = [...sb.state.world.accounts.values()].find((a) => a.handle === "mia")!.uuid;
const { connection } = await connectAccount(sb, "luna");
const subject = { creatorId: "creator-luna", client: fanvueClient({ connectionId: connection.id, mode: "self" }) };

type Call = { path: string; status: number };
const batchCalls = async () =>
  ((await sb.admin(`/calls?path=${encodeURIComponent("/insights/fans/batch")}`)) as { calls: Call[] }).calls;

let clock = Date.now();
const loader = new InsightLoader({ now: () => clock });

afterEach(async () => {
  await sb.admin("/faults", undefined, "DELETE");
  await sb.admin("/insights/internal", undefined, "DELETE");
  await sb.admin("/calls", undefined, "DELETE");
});
afterAll(async () => {
  await db.$disconnect();
  await sb.close();
});

/** 25 overlapping windows of 30 fans over `set` (250 fans): every fan asked 2–3 times. */
const overlapping = (set: string[]) =>
  Array.from({ length: 25 }, (_, i) => Array.from({ length: 30 }, (_, j) => set[(i * 10 + j) % set.length]!));

/** The fans the first tests load and later find cached (or stale). */
const first250 = fans.slice(0, 250);

describe("batched fan-insight loader: batch calls and the cache", () => {
  it("25 concurrent clients asking for 250 distinct fans → exactly 3 batch calls; all answered with Fanvue's figures", async () => {
    const results = await Promise.all(overlapping(first250).map((set) => loader.load(subject, set)));
    expect(await batchCalls()).toHaveLength(3);
    const merged = new Map(results.flatMap((m) => [...m]));
    expect(merged.size).toBe(250);
    expect([...merged.values()].every((v) => v.state === "ok" && !v.stale)).toBe(true);
    for (const uuid of [first250[0]!, first250[137]!, first250[249]!]) {
      const truth = (await sb.admin(`/truth/fans/${uuid}?creator=luna`)) as {
        gross: number;
        maxSinglePayment: number;
        lastPurchaseAt: string | null;
      };
      const data = merged.get(uuid)!.data!;
      expect(data.totalGross).toBe(truth.gross);
      expect(data.maxPayment).toBe(truth.maxSinglePayment);
      expect(data.lastPurchaseAt).toBe(truth.lastPurchaseAt);
    }
    expect(await db.fanInsight.count({ where: { creatorId: "creator-luna", state: "ok" } })).toBe(250);
  });

  it("the same request again → 0 upstream calls", async () => {
    const results = await Promise.all(overlapping(first250).map((set) => loader.load(subject, set)));
    expect(await batchCalls()).toHaveLength(0);
    expect(results.every((m) => [...m.values()].every((v) => v.state === "ok"))).toBe(true);
  });
});

describe("batched fan-insight loader: errors, negative answers, stale entries", () => {
  it("`internal` for some fans: those show an error (never cached as data) and are fetched again later; the rest are cached", async () => {
    const set = fans.slice(250, 350);
    const failing = set.filter((_, i) => i % 10 === 3);
    await sb.admin("/insights/internal", { uuids: failing });
    const res = await loader.load(subject, set);
    expect(await batchCalls()).toHaveLength(1);
    for (const u of set) expect(res.get(u)!.state).toBe(failing.includes(u) ? "error" : "ok");
    expect(res.get(failing[0]!)!.data).toBeNull();
    const rows = await db.fanInsight.findMany({ where: { creatorId: "creator-luna", fanUuid: { in: failing } } });
    expect(
      rows.every((r) => r.state === "error" && r.fetchedAt === null && r.totalGross === null && r.retryAt !== null),
    ).toBe(true);

    // Asked again at once: the errors wait for their retry, the rest is cached.
    await sb.admin("/calls", undefined, "DELETE");
    const again = await loader.load(subject, set);
    expect(await batchCalls()).toHaveLength(0);
    expect(failing.every((u) => again.get(u)!.state === "error" && again.get(u)!.retryAt !== null)).toBe(true);

    // Later (retry due, Fanvue healthy): only the failed fans are fetched, in one call.
    await sb.admin("/insights/internal", undefined, "DELETE");
    clock += loader.t.errorRetryMs + 1;
    const later = await loader.load(subject, failing);
    expect(await batchCalls()).toHaveLength(1);
    expect(failing.every((u) => later.get(u)!.state === "ok" && later.get(u)!.data !== null)).toBe(true);
  });

  it("not_found and forbidden are remembered briefly, then asked again", async () => {
    const stranger = "0f0f0f0f-1111-4222-8333-444455556666";
    const res = await loader.load(subject, [stranger, miaUuid, fans[0]!]);
    expect(res.get(stranger)!.state).toBe("not_found");
    expect(res.get(miaUuid)!.state).toBe("forbidden");
    expect(await batchCalls()).toHaveLength(1);
    await loader.load(subject, [stranger, miaUuid]);
    expect(await batchCalls()).toHaveLength(1);
    clock += loader.t.negativeMs + 1;
    await loader.load(subject, [stranger, miaUuid]);
    expect(await batchCalls()).toHaveLength(2);
  });

  it("stale entries are served at once and refreshed in the background", async () => {
    clock += loader.t.freshMs + 1;
    // Fanvue is slow now: the answer must not wait for it.
    await sb.admin("/faults", { path: "/insights/fans/batch", latencyMs: 1500, times: 1 });
    const started = Date.now();
    const res = await loader.load(subject, first250.slice(0, 10));
    expect(Date.now() - started).toBeLessThan(1000);
    expect([...res.values()].every((v) => v.state === "ok" && v.stale && v.refreshing)).toBe(true);
    const before = res.get(first250[0]!)!.fetchedAt!;
    await expect
      .poll(
        async () =>
          (
            await db.fanInsight.findUniqueOrThrow({
              where: { creatorId_fanUuid: { creatorId: "creator-luna", fanUuid: first250[0]! } },
            })
          ).fetchedAt!.toISOString(),
        { timeout: 10_000 },
      )
      .not.toBe(before);
    expect(await batchCalls()).toHaveLength(1);
    const fresh = await loader.load(subject, first250.slice(0, 10));
    expect([...fresh.values()].every((v) => !v.stale)).toBe(true);
  });
});

describe("batched fan-insight loader: a malformed entry, Fanvue down", () => {
  it("one malformed entry never fails the other fans of its batch", async () => {
    const [a, b, c] = fans.slice(350, 353) as [string, string, string];
    const good = {
      status: "follower",
      spending: {
        lastPurchaseAt: null,
        total: { gross: 0, total: 0 },
        maxSinglePayment: { gross: 0, total: 0 },
        sources: {},
      },
      subscription: null,
    };
    await sb.admin("/faults", {
      path: "/insights/fans/batch",
      status: 200,
      times: 1,
      body: { [a]: good, [b]: { status: 7, spending: "x" }, [c]: { error: "not_found" } },
    });
    const res = await loader.load(subject, [a, b, c]);
    expect(res.get(a)!.state).toBe("ok");
    expect(res.get(b)!.state).toBe("error");
    expect(res.get(c)!.state).toBe("not_found");
  });

  it("a failed call (Fanvue down) frees the fans: the next request fetches them", async () => {
    const set = fans.slice(360, 370);
    await sb.admin("/faults", { path: "/insights/fans/batch", status: 503 });
    const res = await loader.load(subject, set);
    expect([...res.values()].every((v) => v.state === "error" && v.error?.kind === "upstream")).toBe(true);
    await sb.admin("/faults", undefined, "DELETE");
    const again = await loader.load(subject, set);
    expect([...again.values()].every((v) => v.state === "ok")).toBe(true);
  });
});

type Worker = { ready: Promise<void>; go: () => void; result: Promise<{ ok: number; errors: string[] }> };

function startWorker(connectionId: string, uuids: string[]): Worker {
  const child = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "tests/support/fan-insights-worker.ts", connectionId],
    {
      env: process.env,
      stdio: ["pipe", "pipe", "pipe"],
    },
  );
  let out = "";
  let err = "";
  let markReady!: () => void;
  const ready = new Promise<void>((r) => (markReady = r));
  child.stdout.on("data", (d) => {
    out += d;
    if (out.includes("READY")) markReady();
  });
  child.stderr.on("data", (d) => (err += d));
  const result = new Promise<{ ok: number; errors: string[] }>((resolve, reject) => {
    child.on("exit", (code) => {
      try {
        resolve(JSON.parse(out.trim().split("\n").at(-1) ?? ""));
      } catch {
        reject(new Error(`worker exited ${code}: ${err || out}`));
      }
    });
  });
  return { ready, go: () => child.stdin.end(JSON.stringify(uuids) + "\n"), result };
}

describe("several server processes share the cache", () => {
  it("2 processes × 25 concurrent clients asking for the same 250 fans → 3 batch calls in all", async () => {
    const set = fans.slice(400, 650);
    const workers = [startWorker(connection.id, set), startWorker(connection.id, set)];
    await Promise.all(workers.map((w) => w.ready));
    workers.forEach((w) => w.go());
    const [a, b] = await Promise.all(workers.map((w) => w.result));
    expect(a!.errors).toEqual([]);
    expect(b!.errors).toEqual([]);
    expect(a!.ok + b!.ok).toBe(50);
    expect(await batchCalls()).toHaveLength(3);
    expect(
      await db.fanInsight.count({
        where: { creatorId: "creator-luna", fanUuid: { in: set }, state: "ok", leaseOwner: null },
      }),
    ).toBe(250);
  }, 60_000);
});
