import "server-only";
import { Prisma } from "@/generated/prisma/client";
import {
  isSegmentKind,
  SEGMENT_KINDS,
  SEGMENT_PARAMS,
  type SegmentDef,
  type SegmentKind,
  type SegmentParams,
  type SegmentView,
} from "@/lib/schemas/fans";
import { ApiError } from "@/lib/server/api/errors";
import { db } from "@/lib/server/db";
import { utcInstant } from "@/lib/server/sql-instant";

// Segments: saved filters over the analysed audience. A segment is a kind
// (top spenders, auto-renew off, …) with parameters; built-in kinds can be
// used directly (`?segment=top_spenders&seg.percent=5`) or saved by name.

const DAY_MS = 86_400_000;

/** Validates a kind's parameters, naming the offending one in the 400. */
export function parseSegmentParams(kind: SegmentKind, raw: Record<string, unknown>, prefix = "seg."): SegmentParams {
  const result = SEGMENT_PARAMS[kind].safeParse(raw);
  if (result.success) return result.data as SegmentParams;
  const issue = result.error.issues[0]!;
  if (issue.code === "unrecognized_keys") {
    const known = Object.keys(SEGMENT_PARAMS[kind].shape);
    const hint = known.length ? `it takes ${known.map((k) => prefix + k).join(", ")}` : "it takes no parameters";
    throw new ApiError("invalid_input", `Unknown parameter ${prefix}${issue.keys[0]} for segment ${kind}: ${hint}.`, {
      field: `${prefix}${issue.keys[0]}`,
    });
  }
  const field = `${prefix}${issue.path.join(".")}`;
  throw new ApiError("invalid_input", `${field} for segment ${kind}: ${issue.message}`, { field });
}

/** The segment a table query asks for: a built-in kind or a saved segment's id. */
export async function segmentFromQuery(creatorId: string, query: Record<string, unknown>) {
  const ref = typeof query.segment === "string" ? query.segment : undefined;
  const raw = Object.fromEntries(
    Object.entries(query)
      .filter(([k]) => k.startsWith("seg."))
      .map(([k, v]) => [k.slice(4), v]),
  );
  if (!ref) {
    if (Object.keys(raw).length)
      throw new ApiError("invalid_input", "seg.* parameters need a segment.", { field: "segment" });
    return null;
  }
  if (isSegmentKind(ref)) return { id: null, name: null, kind: ref, params: parseSegmentParams(ref, raw) };
  const saved = await db.fanSegment.findFirst({ where: { id: ref, creatorId } });
  if (!saved)
    throw new ApiError(
      "not_found",
      `Unknown segment "${ref}": use a saved segment's id or one of ${SEGMENT_KINDS.join(", ")}.`,
      { field: "segment" },
    );
  if (Object.keys(raw).length)
    throw new ApiError("invalid_input", "A saved segment takes no seg.* parameters.", { field: "segment" });
  return { id: saved.id, name: saved.name, kind: saved.kind as SegmentKind, params: saved.params as SegmentParams };
}

const at = utcInstant;

/** SQL condition on `i` (FanInsight) for a segment, evaluated at `now`. */
export function segmentWhere(creatorId: string, def: SegmentDef, now: number): Prisma.Sql {
  const p = def.params;
  switch (def.kind) {
    case "top_spenders": {
      // The spend of the fan at the top x % mark among analysed fans; ties
      // with that fan are in (so the segment can run a little over x %).
      const pct = p.percent ?? 5;
      return Prisma.sql`i."totalGross" > 0 AND i."totalGross" >= (
        SELECT "totalGross" FROM "FanInsight" WHERE "creatorId" = ${creatorId} AND "fetchedAt" IS NOT NULL AND "totalGross" IS NOT NULL
        ORDER BY "totalGross" DESC
        OFFSET (SELECT GREATEST(0, CEIL(count(*) * ${pct}::float8 / 100)::int - 1) FROM "FanInsight"
                WHERE "creatorId" = ${creatorId} AND "fetchedAt" IS NOT NULL AND "totalGross" IS NOT NULL)
        LIMIT 1)`;
    }
    case "auto_renew_off":
      return Prisma.sql`i.status = 'subscriber' AND i."autoRenew" = false`;
    case "renewing_soon":
      return Prisma.sql`i.status = 'subscriber' AND i."autoRenew" = true AND i."renewsAt" >= ${at(now)} AND i."renewsAt" < ${at(now + (p.days ?? 7) * DAY_MS)}`;
    case "expired_recently":
      return Prisma.sql`i.status = 'expired' AND i."expiredAt" >= ${at(now - (p.days ?? 30) * DAY_MS)}`;
    case "spent_over":
      return Prisma.sql`i."totalGross" > ${p.amount ?? 0}`;
    case "lapsed_big_spenders":
      return Prisma.sql`i."totalGross" >= ${p.minSpend ?? 10_000} AND (i."lastPurchaseAt" IS NULL OR i."lastPurchaseAt" < ${at(now - (p.days ?? 30) * DAY_MS)})`;
  }
}

const view = (s: {
  id: string;
  name: string;
  kind: string;
  params: unknown;
  createdByName: string;
  createdAt: Date;
}): SegmentView => ({
  id: s.id,
  name: s.name,
  kind: s.kind as SegmentKind,
  params: s.params as SegmentParams,
  createdByName: s.createdByName,
  createdAt: s.createdAt.toISOString(),
});

export async function listSegments(creatorId: string): Promise<SegmentView[]> {
  return (await db.fanSegment.findMany({ where: { creatorId }, orderBy: { name: "asc" } })).map(view);
}

export async function createSegment(
  creatorId: string,
  input: { name: string; kind: SegmentKind; params: Record<string, unknown> },
  by: string,
) {
  const params = parseSegmentParams(input.kind, input.params, "params.");
  const clash = await db.fanSegment.findUnique({ where: { creatorId_name: { creatorId, name: input.name } } });
  if (clash) throw new ApiError("conflict", `A segment named "${input.name}" already exists.`, { field: "name" });
  return view(
    await db.fanSegment.create({ data: { creatorId, name: input.name, kind: input.kind, params, createdByName: by } }),
  );
}

export async function deleteSegment(creatorId: string, id: string) {
  const res = await db.fanSegment.deleteMany({ where: { id, creatorId } });
  if (res.count === 0) throw new ApiError("not_found", "Segment not found.");
}
