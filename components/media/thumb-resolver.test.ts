import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { VaultItem, VaultPage } from "@/lib/schemas/media";
import { createThumbResolver } from "./thumb-resolver";
import { freshThumb, isBroken } from "./url-store";

const item = (uuid: string, src: number | null): VaultItem => ({
  uuid,
  status: "ready",
  mediaType: "image",
  name: uuid,
  caption: null,
  description: null,
  createdAt: null,
  recommendedPrice: null,
  width: 1080,
  height: 1350,
  lengthMs: null,
  purchasedByFan: null,
  thumb: { url: `https://cdn.test/${uuid}?old`, width: 320, height: 320 },
  src,
});
const fresh = (i: VaultItem): VaultItem => ({
  ...i,
  thumb: { url: `https://cdn.test/${i.uuid}?new`, width: 320, height: 320 },
});
const inTenMin = () => new Date(Date.now() + 600_000).toISOString();

describe("thumbnail re-resolution", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("gathers a burst of failures and re-reads each source page once, then looks up the rest", async () => {
    const pages: string[] = [];
    const lookups: string[][] = [];
    const a = item("a", 1),
      b = item("b", 1),
      c = item("c", 2),
      d = item("d", null);
    const r = createThumbResolver({
      creatorId: "cr1",
      filters: () => ({ type: "image", q: "beach" }),
      fetchPage: async (_c, f) => {
        pages.push(JSON.stringify(f));
        // Page 2 no longer holds c (an upload shifted it): c falls back to a lookup.
        const items = f.cursor === "1" ? [fresh(a), fresh(b)] : [];
        return { items, nextCursor: null, checked: items.length, urlsExpireAt: inTenMin() } satisfies VaultPage;
      },
      lookup: async (_c, uuids) => {
        lookups.push(uuids);
        return { items: uuids.map((u) => fresh(item(u, null))), urlsExpireAt: inTenMin() };
      },
    });
    for (const i of [a, b, c, d]) r.report(i);
    await vi.advanceTimersByTimeAsync(200);
    // The search term is not part of the page re-read: src pages are raw Fanvue pages.
    expect(pages).toEqual([
      JSON.stringify({ type: "image", cursor: "1" }),
      JSON.stringify({ type: "image", cursor: "2" }),
    ]);
    expect(lookups).toEqual([["c", "d"]]);
    for (const u of ["a", "b", "c", "d"]) expect(freshThumb("cr1", u)).toBe(`https://cdn.test/${u}?new`);
    // The fresh URL failing too is not an expiry: no new request, a manual retry instead.
    r.report(a);
    await vi.advanceTimersByTimeAsync(200);
    expect(pages).toHaveLength(2);
    expect(isBroken("cr1", "a")).toBe(true);
  });

  it("marks a tile broken (no loop) when its fresh URL fails again, and when the item is gone", async () => {
    const r = createThumbResolver({
      creatorId: "cr2",
      filters: () => ({}),
      fetchPage: async () => ({ items: [], nextCursor: null, checked: 0, urlsExpireAt: null }),
      lookup: async (_c, uuids) => ({
        items: uuids.map((u) => ({ ...item(u, null), status: "missing", thumb: null })),
        urlsExpireAt: null,
      }),
    });
    r.report(item("gone", 3));
    await vi.advanceTimersByTimeAsync(200);
    expect(isBroken("cr2", "gone")).toBe(true);
    r.retry(item("gone", 3));
    await vi.advanceTimersByTimeAsync(200);
    r.report(item("gone", 3));
    expect(isBroken("cr2", "gone")).toBe(true);
  });
});
