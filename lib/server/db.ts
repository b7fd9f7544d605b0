import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { env } from "@/lib/env.mjs";
import { countQuery } from "./db-count";

// One client per process; dev hot reload would otherwise open a pool per edit.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function createClient() {
  // 10 connections: enough for a page's parallel queries, small enough that
  // several app processes fit the default max_connections of 100.
  const adapter = new PrismaPg({ connectionString: env.DATABASE_URL, max: 10 });
  if (!env.VUEDECK_COUNT_QUERIES) return new PrismaClient({ adapter });
  // Benchmarks only: every statement is counted (db-count.ts).
  const client = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
  client.$on("query", countQuery);
  return client as unknown as PrismaClient;
}

export const db = globalForPrisma.prisma ?? createClient();
if (env.NODE_ENV !== "production") globalForPrisma.prisma = db;
