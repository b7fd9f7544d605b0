// The database of `npm run export` / `npm run import`, found as the app finds
// it: DATABASE_URL when set; else the embedded PostgreSQL of `npm run dev`
// (VUEDECK_DATA_DIR, default .data), reached on its port when dev runs, or
// started here for the command's duration when it does not.
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { applyMigrations } from "../db.mjs";
import { startEmbeddedPostgres } from "./postgres.mjs";

/** The port `npm run dev` gives the embedded PostgreSQL when it is free (scripts/lib/stack.mjs). */
const DEV_PG_PORT = 54329;
const DEV_URL = `postgresql://vuedeck:vuedeck@127.0.0.1:${DEV_PG_PORT}/vuedeck`;

const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = net.connect({ host: "127.0.0.1", port }, () => (s.end(), resolve(true)));
    s.on("error", () => resolve(false));
  });

export type CliDatabase = { client: PrismaClient; label: string; close: () => Promise<void> };

export async function openDatabase(o: { migrate: boolean }): Promise<CliDatabase> {
  let url = process.env.DATABASE_URL;
  let label = url ? `DATABASE_URL (${new URL(url).host})` : "";
  let stop = async () => {};
  if (!url) {
    const dataDir = path.resolve(process.env.VUEDECK_DATA_DIR || ".data", "pg");
    if (await portOpen(DEV_PG_PORT)) {
      url = DEV_URL;
      label = `embedded PostgreSQL of npm run dev (port ${DEV_PG_PORT})`;
    } else {
      if (!o.migrate && !fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
        throw new Error(`No database: set DATABASE_URL, or run npm run dev once (no data in ${dataDir}).`);
      }
      const pg = await startEmbeddedPostgres({ dataDir, port: DEV_PG_PORT });
      url = pg.url;
      label = `embedded PostgreSQL (${dataDir})`;
      stop = () => pg.stop();
    }
    // The embedded database may be new (import into a fresh .data): bring its schema up to date.
    if (o.migrate) await applyMigrations(url);
  }
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
