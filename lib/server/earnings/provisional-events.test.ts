import { describe, expect, it } from "vitest";
import { readMoneyEvent, settleProvisional, type LedgerRow, type StoredEvent } from "./provisional-events";

const MARK = Date.parse("2026-12-06T12:00:00Z");
const at = (offsetSec: number) => new Date(MARK + offsetSec * 1000).toISOString();

function tip(offsetSec: number, price = 5_000, fan = "fan-1", extra: Record<string, unknown> = {}): StoredEvent {
  return {
    event: "tip-received",
    recipientUuid: "creator-uuid",
    fanUuid: fan,
    payload: { price, timestamp: at(offsetSec), sender: { uuid: fan, handle: "anna" }, context: "message", ...extra },
    signedAt: new Date(MARK + offsetSec * 1000 + 500),
  };
}
const read = (e: StoredEvent) => readMoneyEvent(e, "c1")!;
const marks = new Map([["c1", MARK]]);
const row = (offsetSec: number, gross = 5_000, fanUuid = "fan-1"): LedgerRow => ({
  creatorId: "c1",
  fanUuid,
  gross,
  occurredAtMs: MARK + offsetSec * 1000,
});

describe("reading a stored money event", () => {
  it("takes the payload's time, the gross in cents, the fan and the ledger source", () => {
    const e = read(tip(30));
    expect(e).toMatchObject({ kind: "tip-received", source: "tip", gross: 5_000, at: at(30), fanHandle: "anna" });
    const post = readMoneyEvent(
      { ...tip(0), event: "purchase-received", payload: { price: 999, postUuid: "p" } },
      "c1",
    );
    expect(post).toMatchObject({ source: "post", gross: 999 });
    const sub = readMoneyEvent({ ...tip(0), event: "new-subscriber", payload: { price: 1_000 } }, "c1");
    expect(sub).toMatchObject({ source: "subscription" });
  });

  it("falls back to the signature time without a timestamp, and skips events without money", () => {
    const e = readMoneyEvent({ ...tip(0), payload: { price: 100 } }, "c1")!;
    expect(e.at).toBe(new Date(MARK + 500).toISOString());
    expect(readMoneyEvent({ ...tip(0), payload: { price: null } }, "c1")).toBeNull();
    expect(readMoneyEvent({ ...tip(0), event: "new-follower" }, "c1")).toBeNull();
  });
});

describe("which events are provisional", () => {
  it("an event before the watermark is not (the ledger covers it); one at or after it is", () => {
    const out = settleProvisional([read(tip(-1)), read(tip(0, 700)), read(tip(45, 300))], marks, []);
    expect(out.map((e) => e.gross)).toEqual([700, 300]);
  });

  it("a creator whose first import has not finished has none", () => {
    expect(settleProvisional([read(tip(10))], new Map(), [])).toEqual([]);
  });

  it("an event delivered twice (another delivery id or signature) counts once", () => {
    const once = tip(30);
    const again = { ...tip(30), signedAt: new Date(MARK + 90_000) };
    const out = settleProvisional([read(once), read(again)], marks, []);
    expect(out).toHaveLength(1);
    expect(out[0]!.gross).toBe(5_000);
  });

  it("two equal tips of one fan at different times are two", () => {
    expect(settleProvisional([read(tip(30)), read(tip(40))], marks, [])).toHaveLength(2);
  });

  it("an event the ledger already has a row for (clocks a little apart) is not provisional, one row per event", () => {
    // Fanvue's ledger dated the first tip 2 s before the watermark, its event 3 s after.
    const out = settleProvisional([read(tip(3)), read(tip(40))], marks, [row(-2)]);
    expect(out.map((e) => e.at)).toEqual([at(40)]);
  });

  it("an event just before the watermark keeps its own row: a later equal tip stays provisional", () => {
    const out = settleProvisional([read(tip(-20)), read(tip(30))], marks, [row(-20)]);
    expect(out.map((e) => e.at)).toEqual([at(30)]);
  });

  it("a row of another fan, amount or far-off time does not stand for the event", () => {
    const rows = [row(1, 5_000, "fan-2"), row(2, 4_999), row(3 + 10 * 60)];
    expect(settleProvisional([read(tip(3))], marks, rows)).toHaveLength(1);
  });
});
