// One embedded PostgreSQL for the integration run, with a migrated template
// database; every test file clones it into a fresh database of its own.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "../../scripts/db.mjs";
import { freePort } from "../../scripts/lib/stack.mjs";
import { startEmbeddedPostgres } from "../../scripts/lib/postgres.mjs";

export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vuedeck-it-"));
  fs.chmodSync(dir, 0o755);
  const pg = await startEmbeddedPostgres({
    dataDir: path.join(dir, "pg"),
    port: await freePort(),
    database: "template_vuedeck",
    fast: true,
  });
  await applyMigrations(pg.url);
  project.provide("pgAdminUrl", pg.url.replace(/\/template_vuedeck$/, "/postgres"));
  return async () => {
    await pg.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}
