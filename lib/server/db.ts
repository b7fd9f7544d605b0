import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { env } from "@/lib/env.mjs";
import { countQuery } from "./db-count";
import { isDatabaseDown } from "./db-errors";

// One client per process; dev hot reload would otherwise open a pool per edit.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

/** The digest pages and the API read as "Vuedeck is unavailable" (app/error.tsx, api/errors.ts). */
const UNAVAILABLE = "VUEDECK_UNAVAILABLE";

/** Every query that finds the database down says so, whichever one it is: a
 * page whose session and access came from the 5 s cache first meets the
 * outage in the shell or the page, and must show "unavailable, retrying"
 * (its digest survives to the error page) rather than a generic error. */
function markingOutages(client: PrismaClient): PrismaClient {
  return client.$extends({
    query: {
      async $allOperations({ args, query }) {
        try {
          return await query(args);
        } catch (err) {
          if (isDatabaseDown(err) && err && typeof err === "object") Object.assign(err, { digest: UNAVAILABLE });
          throw err;
        }
      },
    },
  }) as unknown as PrismaClient;
}

function createClient() {
  // 10 connections: enough for a page's parallel queries, small enough that
  // several app processes fit the default max_connections of 100.
  const adapter = new PrismaPg({ connectionString: env.DATABASE_URL, max: 10 });
  if (!env.VUEDECK_COUNT_QUERIES) return markingOutages(new PrismaClient({ adapter }));
  // Benchmarks only: every statement is counted (db-count.ts).
  const client = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
  client.$on("query", countQuery);
  return markingOutages(client);
}

export const db = globalForPrisma.prisma ?? createClient();
if (env.NODE_ENV !== "production") globalForPrisma.prisma = db;
