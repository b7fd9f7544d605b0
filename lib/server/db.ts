import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { env } from "@/lib/env.mjs";

// One client per process; dev hot reload would otherwise open a pool per edit.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function createClient() {
  // 10 connections: enough for a page's parallel queries, small enough that
  // several app processes fit the default max_connections of 100.
  const adapter = new PrismaPg({ connectionString: env.DATABASE_URL, max: 10 });
  return new PrismaClient({ adapter });
}

export const db = globalForPrisma.prisma ?? createClient();
if (env.NODE_ENV !== "production") globalForPrisma.prisma = db;
