// The database of `npm run export` / `npm run import` as a Prisma client, found
// as the app finds it (scripts/lib/cli-database.ts).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { applyMigrations } from "../db.mjs";
import { findDatabaseUrl } from "./cli-database";

export type CliDatabase = { client: PrismaClient; label: string; close: () => Promise<void> };

export async function openDatabase(o: { migrate: boolean }): Promise<CliDatabase> {
  const { url, label, stop } = await findDatabaseUrl({ create: o.migrate });
  // The embedded database may be new (import into a fresh .data): bring its schema up to date.
  if (o.migrate && !process.env.DATABASE_URL) await applyMigrations(url);
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 4 }) });
  return { client, label, close: async () => (await client.$disconnect(), await stop()) };
}

/** "1,234 / 5,678 rows (21 %)" on one line of stderr, rewritten in place on a terminal. */
export function progressLine(label: string) {
  let lastPercent = -1;
  return (done: number, total: number) => {
    const percent = total ? Math.floor((done / total) * 100) : 100;
    if (percent === lastPercent) return;
    lastPercent = percent;
    const text = `${label}: ${done.toLocaleString("en-US")} / ${total.toLocaleString("en-US")} rows (${percent} %)`;
    if (process.stderr.isTTY) process.stderr.write(`\r${text}`);
    else if (percent % 10 === 0) process.stderr.write(`${text}\n`);
  };
}
