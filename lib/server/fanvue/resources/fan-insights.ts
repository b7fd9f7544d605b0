import "server-only";
import { z } from "zod";
import type { FanvueClient } from "../client";
import { FanvueError } from "../errors";
import type { Priority } from "../limiter";
import { cents, isoDate, nullable, openEnum } from "../schemas/common";

// Fan insights (contract §5.8): POST /insights/fans/batch, 1–100 fans a call,
// always 200 with a per-fan map. Offered on self routes only: an agency token
// gets "unsupported" from client.selfOnly.

export const BATCH_MAX = 100;

// `{gross, total}` in the reference, `gross` the deprecated name of the same
// figure (older pages had `{gross}` only): read `total`, fall back to
// `gross`; neither = no figure (null, shown as "—"), never a zero.
const amount = z
  .looseObject({ total: cents.optional(), gross: cents.optional() })
  .transform((a) => a.total ?? a.gross ?? null);

export const fanInsightsSchema = z.looseObject({
  status: openEnum(["subscriber", "expired", "follower", "not_contactable"] as const),
  spending: nullable(
    z.looseObject({
      lastPurchaseAt: nullable(isoDate),
      total: nullable(amount),
      maxSinglePayment: nullable(amount),
      // Source keys are free-form (subscription, tips, renewal, message, …).
      sources: nullable(z.record(z.string(), amount)),
    }),
  ),
  subscription: nullable(
    z.looseObject({
      createdAt: nullable(isoDate),
      renewsAt: nullable(isoDate),
      autoRenewalEnabled: nullable(z.boolean()),
    }),
  ),
});
export type FanInsights = z.infer<typeof fanInsightsSchema>;

const entryErrorSchema = z.looseObject({ error: z.string() });

/** One fan's answer. `invalid` = the entry broke the contract (logged);
 * `missing` = Fanvue left the key out. Both are retried like `internal`. */
export type BatchEntry =
  | { kind: "ok"; insights: FanInsights }
  | { kind: "not_found" | "forbidden" | "internal" | "invalid" | "missing"; detail?: string };

function parseEntry(value: unknown): BatchEntry {
  const ok = fanInsightsSchema.safeParse(value);
  if (ok.success) return { kind: "ok", insights: ok.data };
  const err = entryErrorSchema.safeParse(value);
  if (err.success) {
    const e = err.data.error;
    return e === "not_found" || e === "forbidden" ? { kind: e } : { kind: "internal", detail: e };
  }
  const issue = ok.error.issues[0];
  return { kind: "invalid", detail: issue ? `${issue.path.join(".")}: ${issue.message}` : "unexpected shape" };
}

/** Fetches ≤100 fans in one call; every fan is handled on its own, so one
 * malformed entry never fails the others. Keys are lower-case uuids. */
export async function batchFanInsights(
  client: FanvueClient,
  uuids: string[],
  opts: { priority?: Priority; signal?: AbortSignal } = {},
): Promise<Map<string, BatchEntry>> {
  if (uuids.length === 0 || uuids.length > BATCH_MAX)
    throw new Error(`batchFanInsights takes 1–${BATCH_MAX} uuids, got ${uuids.length}`);
  const path = "/insights/fans/batch";
  // A read despite POST: safe to retry on 5xx and dropped connections.
  const res = await client.selfOnly("POST", path, {
    body: { userUuids: uuids },
    priority: opts.priority,
    signal: opts.signal,
    idempotent: true,
    write: false,
  });
  if (!res.body || typeof res.body !== "object" || Array.isArray(res.body)) {
    throw new FanvueError("bad_response", `Fanvue sent an unexpected response for ${path}.`, { path });
  }
  const byKey = new Map<string, unknown>();
  for (const [k, v] of Object.entries(res.body as Record<string, unknown>)) byKey.set(k.toLowerCase(), v);
  const out = new Map<string, BatchEntry>();
  for (const uuid of uuids) {
    const entry = byKey.has(uuid) ? parseEntry(byKey.get(uuid)) : ({ kind: "missing" } as const);
    if (entry.kind === "invalid") console.error(`[fanvue] unexpected fan-insights entry from ${path}: ${entry.detail}`);
    out.set(uuid, entry);
  }
  return out;
}
