// server-only-exempt: Fanvue's reference types, shared with the sandbox (sandbox/api) and the benches, which run outside Next.js.
import { z } from "zod";

// Building blocks for Fanvue response schemas. Objects are loose (unknown
// fields pass), enums are open (the contract marks several as uncertain: an
// unknown value is kept as a string instead of failing the whole response).

/** A known set of values, plus any other string Fanvue may add later. */
export const openEnum = <const T extends readonly [string, ...string[]]>(_values: T) =>
  z.string() as unknown as z.ZodType<T[number] | (string & {})>;

export const nullable = <S extends z.ZodType>(s: S) => s.nullish().transform((v) => v ?? null);

/** Money as Fanvue sends it: cents, typed `number` in its reference, so a
 * fraction of a cent is legal and must never fail a page. Kept exact where we
 * sum it (the ledger: NUMERIC, rounded once after summing); everything else
 * (prices, totals Fanvue computed) is rounded once, here, with `wholeCents`. */
export const money = z.number().refine(Number.isFinite, { error: "expected a finite amount" });

/** Half away from zero, as Postgres rounds NUMERIC: 12.5 → 13, -12.5 → -13. */
export const roundCents = (v: number) => Math.sign(v) * Math.round(Math.abs(v));

/** A money figure shown or stored as whole cents (see `money`). */
export const cents = money.transform(roundCents);

export const isoDate = z.string().refine((v) => !Number.isNaN(Date.parse(v)), { error: "expected an ISO date-time" });

export const fanUserSchema = z.looseObject({
  uuid: z.string(),
  handle: z.string(),
  displayName: nullable(z.string()),
  nickname: nullable(z.string()),
  isTopSpender: z.boolean().default(false),
  avatarUrl: nullable(z.string()),
  registeredAt: nullable(isoDate),
});
export type FanUser = z.infer<typeof fanUserSchema>;

export const pageOf = <S extends z.ZodType>(item: S) =>
  z.looseObject({
    data: z.array(item),
    pagination: z.looseObject({ page: z.number().int(), size: z.number().int(), hasMore: z.boolean() }),
  });

export const cursorOf = <S extends z.ZodType>(item: S) =>
  z.looseObject({ data: z.array(item), nextCursor: nullable(z.string()) });
