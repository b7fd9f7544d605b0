// A second, empty database cloned from the migrated template (the import's
// target in the export round trip), with a Prisma client of its own.
import crypto from "node:crypto";
import pg from "pg";
import { inject } from "vitest";

export async function secondDatabase() {
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const { PrismaClient } = await import("@/generated/prisma/client");
  const adminUrl = inject("pgAdminUrl");
  const name = `t_${crypto.randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE template_vuedeck`);
  await admin.end();
  const url = adminUrl.replace(/\/postgres$/, `/${name}`);
  return { url, client: new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 4 }) }) };
}
