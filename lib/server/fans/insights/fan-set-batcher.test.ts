import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FanSetBatcher } from "./fan-set-batcher";

// When the fan-set batcher sends (fake timers; the loader's integration tests
// run it against the sandbox and PostgreSQL).

type Subject = { id: string };
const subject: Subject = { id: "c1" };

function setup(o: { arriving?: () => Promise<unknown> | null } = {}) {
  const sent: { keys: string[]; at: number }[] = [];
  const start = Date.now();
  const batcher = new FanSetBatcher<Subject, string>({
    maxBatch: 100,
    quietMs: 40,
    maxWaitMs: 250,
    maxQueued: 1_000,
    groupOf: (s) => s.id,
    run: async (_, keys) => (sent.push({ keys, at: Date.now() - start }), new Map(keys.map((k) => [k, `v:${k}`]))),
    arriving: o.arriving,
  });
  return { batcher, sent };
}

beforeEach(() => vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "setImmediate", "performance", "Date"] }));
afterEach(() => vi.useRealTimers());

describe("FanSetBatcher", () => {
  it("a lone lookup goes after the quiet time; a full set at once", async () => {
    const { batcher, sent } = setup();
    const one = batcher.request(subject, ["a"], "interactive");
    await vi.advanceTimersByTimeAsync(39);
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toEqual([{ keys: ["a"], at: 40 }]);
    expect(await one).toEqual(new Map([["a", "v:a"]]));

    const keys = Array.from({ length: 130 }, (_, i) => `k${i}`);
    const many = batcher.request(subject, keys, "interactive");
    expect(sent[1]!.keys).toHaveLength(100); // full: sent synchronously
    await vi.advanceTimersByTimeAsync(40);
    expect(sent[2]!.keys).toHaveLength(30);
    expect((await many).get("k129")).toBe("v:k129");
  });

  it("fans that keep coming share a batch until the oldest has waited maxWaitMs; repeats are joined", async () => {
    const { batcher, sent } = setup();
    const asks: Promise<unknown>[] = [];
    for (let i = 0; i < 12; i++) {
      asks.push(batcher.request(subject, i === 3 ? ["f3", "f1"] : [`f${i}`], "interactive"));
      await vi.advanceTimersByTimeAsync(30); // under the quiet time
    }
    await vi.advanceTimersByTimeAsync(100);
    await Promise.all(asks);
    // 250: the oldest (f0, at 0) waited its most; 370: quiet 40 ms after f11 (330).
    expect(sent.map((s) => s.at)).toEqual([250, 370]);
    expect(sent[0]!.keys).toEqual(["f0", "f1", "f2", "f3", "f4", "f5", "f6", "f7", "f8"]);
    expect(sent[1]!.keys).toEqual(["f9", "f10", "f11"]);
  });

  it("a set whose wait ran out waits for cache reads already under way, then goes with their fans", async () => {
    let finishRead!: () => void;
    let reading: Promise<void> | null = new Promise<void>((r) => (finishRead = r));
    const { batcher, sent } = setup({ arriving: () => reading });
    const first = batcher.request(subject, ["a"], "interactive");
    await vi.advanceTimersByTimeAsync(100);
    expect(sent).toEqual([]);
    const second = batcher.request(subject, ["b"], "interactive"); // the read's fan joins
    finishRead();
    reading = null;
    await vi.advanceTimersByTimeAsync(1);
    expect(sent.map((s) => s.keys)).toEqual([["a", "b"]]);
    await Promise.all([first, second]);
  });
});
