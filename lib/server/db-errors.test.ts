import { describe, expect, it } from "vitest";
import { isDatabaseDown } from "./db-errors";

// Shapes as Prisma 7 with @prisma/adapter-pg reports them (meta.driverAdapterError.cause
// carries PostgreSQL's code and message), and as node-postgres throws them.
const viaPrisma = (originalCode: string, originalMessage: string) => ({
  code: "P2010",
  meta: { driverAdapterError: { cause: { kind: "postgres", originalCode, originalMessage } } },
});

describe("isDatabaseDown", () => {
  it("a database closed to connections is an outage, however it is reported", () => {
    const msg = 'database "vuedeck" is not currently accepting connections';
    expect(isDatabaseDown(viaPrisma("55000", msg))).toBe(true);
    expect(isDatabaseDown({ code: "55000", message: msg, severity: "FATAL" })).toBe(true);
    expect(isDatabaseDown(new Error("wrapped", { cause: viaPrisma("55000", msg) }))).toBe(true);
  });

  it("shutdowns, refused connections and pool timeouts are outages", () => {
    expect(isDatabaseDown(viaPrisma("57P01", "terminating connection due to administrator command"))).toBe(true);
    expect(isDatabaseDown({ code: "ECONNREFUSED" })).toBe(true);
    expect(isDatabaseDown({ code: "P2024" })).toBe(true);
  });

  it("other errors, 55000's other meanings included, are not", () => {
    expect(isDatabaseDown(viaPrisma("55000", "cannot refresh materialized view concurrently"))).toBe(false);
    expect(isDatabaseDown(viaPrisma("23505", "duplicate key value violates unique constraint"))).toBe(false);
    expect(isDatabaseDown(new Error("boom"))).toBe(false);
  });
});
