import { describe, expect, it } from "vitest";
import { expectedSignature, parseSignatureHeader, verifySignature } from "./signature";

const SECRET = "whsec_test_secret";
const BODY = JSON.stringify({ price: 500, recipientUuid: "c0", timestamp: "2026-01-01T00:00:00.000Z" });
const NOW = Date.UTC(2026, 0, 1, 12, 0, 0);
const T = Math.floor(NOW / 1000);
const header = (t: number, body = BODY, secret = SECRET) => `t=${t},v0=${expectedSignature(secret, t, body)}`;

describe("webhook signatures", () => {
  it("accepts a signature over t.body made with our secret", () => {
    const r = verifySignature(header(T), BODY, SECRET, NOW);
    expect(r).toMatchObject({ ok: true, t: T });
  });

  it("refuses a forged signature, another secret, or a changed body", () => {
    expect(verifySignature(`t=${T},v0=${"a".repeat(64)}`, BODY, SECRET, NOW)).toEqual({
      ok: false,
      reason: "mismatch",
    });
    expect(verifySignature(header(T, BODY, "another-secret"), BODY, SECRET, NOW)).toEqual({
      ok: false,
      reason: "mismatch",
    });
    expect(verifySignature(header(T), BODY.replace("500", "50000"), SECRET, NOW)).toEqual({
      ok: false,
      reason: "mismatch",
    });
  });

  it("refuses timestamps outside 5 minutes, in the past or the future", () => {
    expect(verifySignature(header(T - 301), BODY, SECRET, NOW)).toEqual({ ok: false, reason: "stale" });
    expect(verifySignature(header(T + 301), BODY, SECRET, NOW)).toEqual({ ok: false, reason: "stale" });
    expect(verifySignature(header(T - 299), BODY, SECRET, NOW).ok).toBe(true);
  });

  it("refuses unsigned and malformed deliveries", () => {
    expect(verifySignature(null, BODY, SECRET, NOW)).toEqual({ ok: false, reason: "missing" });
    expect(verifySignature("", BODY, SECRET, NOW)).toEqual({ ok: false, reason: "missing" });
    expect(verifySignature("v0=abc", BODY, SECRET, NOW)).toEqual({ ok: false, reason: "malformed" });
    expect(verifySignature(`t=${T},v0=nothex`, BODY, SECRET, NOW)).toEqual({ ok: false, reason: "malformed" });
  });

  it("signs the timestamp too: moving t invalidates the signature", () => {
    const sig = expectedSignature(SECRET, T - 60, BODY);
    expect(verifySignature(`t=${T},v0=${sig}`, BODY, SECRET, NOW)).toEqual({ ok: false, reason: "mismatch" });
  });

  it("parses several v0 values (secret rotation) and keeps the matching one", () => {
    const good = expectedSignature(SECRET, T, BODY);
    expect(parseSignatureHeader(`t=${T}, v0=${"b".repeat(64)}, v0=${good}`)).toEqual({
      t: T,
      v0: ["b".repeat(64), good],
    });
    expect(verifySignature(`t=${T},v0=${"b".repeat(64)},v0=${good}`, BODY, SECRET, NOW)).toMatchObject({
      ok: true,
      signature: good,
    });
  });
});
