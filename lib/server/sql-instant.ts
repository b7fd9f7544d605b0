import "server-only";
import { Prisma } from "@/generated/prisma/client";

/**
 * An instant as a SQL value comparable with our `DateTime` columns, which are
 * `timestamp(3)` (without time zone) holding UTC.
 *
 * Why not `${d.toISOString()}::timestamp`: PostgreSQL's cast to `timestamp`
 * ignores an offset in the text, and a zoned date's `toISOString()` (TZDate)
 * is its local wall clock with an offset ("2026-12-06T00:00:00.000-08:00"),
 * so that reads as midnight UTC, 8 hours off. Here the text is always the
 * instant in UTC, and it is read as `timestamptz` (where an offset counts)
 * and turned into UTC wall-clock time, whatever the session's time zone.
 */
export function utcInstant(at: Date | number): Prisma.Sql {
  const iso = new Date(typeof at === "number" ? at : at.getTime()).toISOString();
  return Prisma.sql`(${iso}::timestamptz AT TIME ZONE 'UTC')`;
}
