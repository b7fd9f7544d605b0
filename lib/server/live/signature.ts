import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";

// Fanvue webhook signatures (contract §7.1): header
// `X-Fanvue-Signature: t=<unix seconds>,v0=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`.
// Pure; unit-tested in signature.test.ts.

/** Fanvue's recommended tolerance: older (or future) timestamps are refused,
 * which also bounds how long a replay must be remembered. */
export const TOLERANCE_SEC = 5 * 60;

export type SignatureCheck =
  { ok: true; t: number; signature: string } | { ok: false; reason: "missing" | "malformed" | "stale" | "mismatch" };

export function parseSignatureHeader(header: string | null | undefined): { t: number; v0: string[] } | null {
  if (!header) return null;
  let t: number | null = null;
  const v0: string[] = [];
  for (const part of header.split(",")) {
    const i = part.indexOf("=");
    if (i < 0) continue;
    const k = part.slice(0, i).trim();
    const v = part.slice(i + 1).trim();
    if (k === "t" && /^\d{1,12}$/.test(v)) t = Number(v);
    if (k === "v0" && /^[0-9a-f]{64}$/i.test(v)) v0.push(v.toLowerCase());
  }
  return t === null || v0.length === 0 ? null : { t, v0 };
}

export const expectedSignature = (secret: string, t: number, rawBody: string) =>
  createHmac("sha256", secret).update(`${t}.${rawBody}`).digest("hex");

export function verifySignature(
  header: string | null | undefined,
  rawBody: string,
  secret: string,
  nowMs: number,
  toleranceSec = TOLERANCE_SEC,
): SignatureCheck {
  if (!header) return { ok: false, reason: "missing" };
  const parsed = parseSignatureHeader(header);
  if (!parsed) return { ok: false, reason: "malformed" };
  if (Math.abs(nowMs / 1000 - parsed.t) > toleranceSec) return { ok: false, reason: "stale" };
  const want = Buffer.from(expectedSignature(secret, parsed.t, rawBody), "hex");
  // Constant time: the comparison takes as long whichever byte differs.
  const match = parsed.v0.find((v) => timingSafeEqual(Buffer.from(v, "hex"), want));
  return match ? { ok: true, t: parsed.t, signature: match } : { ok: false, reason: "mismatch" };
}
