import { z } from "zod";

// Building blocks for Fanvue response schemas. Objects are loose (unknown
// fields pass), enums are open (the contract marks several as uncertain: an
// unknown value is kept as a string instead of failing the whole response).

/** A known set of values, plus any other string Fanvue may add later. */
export const openEnum = <const T extends readonly [string, ...string[]]>(_values: T) =>
  z.string() as unknown as z.ZodType<T[number] | (string & {})>;

export const nullable = <S extends z.ZodType>(s: S) => s.nullish().transform((v) => v ?? null);

/** Money: integer cents, always. A float here is a contract break. */
export const cents = z.number().int();

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
