import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { unzipSync, zipSync, strFromU8, strToU8 } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { seedExportData } from "../support/export-seed";
import { staffMember } from "../support/fans";
import { secondDatabase } from "../support/second-database";
import { startTestSandbox } from "../support/sandbox";
import { provisionAccount } from "../support/workspace";

// The full export: a workspace (an agency with three creators) is seeded
// with rows in every exported table, exported as a zip, and imported into a
// second, empty database; the tables, money sums, notes, tags and campaigns
// must come back equal, and the rollups the triggers keep must rebuild.
const sb = await startTestSandbox();
const { db } = await import("@/lib/server/db");
const { exportZip, resolveScope } = await import("@/lib/server/data-export/export");
const { importZip, ImportError } = await import("@/lib/server/data-export/import");
const { listEntries } = await import("@/lib/server/data-export/zip-read");
const { deleteData, exportResponse } = await import("@/lib/server/data-export/service");
const { getWorkspaceAccess, hasPermission } = await import("@/lib/server/workspaces/access");

const atlas = await provisionAccount(sb, "atlas");
const owner = { id: atlas.user.id, name: atlas.user.name ?? "atlas" };
const ws = atlas.workspace;
const [mia, nova] = [atlas.creators.mia!, atlas.creators.nova!];
const ROWS = 700;
await seedExportData(db, ws.id, [mia.id, nova.id], owner, ROWS);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vuedeck-export-"));

/** Exports a scope to a file (small batches: the paging crosses many batch edges). */
async function exportTo(file: string, creatorId?: string) {
  const scope = await resolveScope(db, { workspaceId: ws.id, creatorId });
  const out = fs.createWriteStream(path.join(dir, file));
  for await (const chunk of exportZip(db, scope, { appVersion: "test", batchRows: 128 })) out.write(chunk);
  await new Promise((r) => out.end(r));
  return path.join(dir, file);
}
const filesOf = (file: string) => unzipSync(fs.readFileSync(file));
const manifestOf = (file: string) => JSON.parse(strFromU8(filesOf(file)["manifest.json"]!));

const second = await secondDatabase();
const workspaceZip = await exportTo("workspace.zip");

afterAll(async () => {
  await second.client.$disconnect();
  await db.$disconnect();
  await sb.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

type Client = typeof db;
const money = async (c: Client) =>
  c.$queryRaw<{ creatorId: string; gross: string; net: string; n: bigint }[]>`
    SELECT "creatorId", SUM(gross)::text AS gross, SUM(net)::text AS net, COUNT(*) AS n FROM "EarningRow" GROUP BY "creatorId" ORDER BY "creatorId"`;
const rollups = async (c: Client) =>
  c.$queryRaw<{ fans: bigint; perf: string }[]>`
    SELECT (SELECT COUNT(*) FROM "FanLedgerSummary") AS fans, (SELECT COALESCE(SUM(gross), 0)::text FROM "PerformanceDay") AS perf`;
const content = async (c: Client) => ({
  notes: await c.fanNote.findMany({ orderBy: { id: "asc" } }),
  tags: await c.fanTag.findMany({ orderBy: [{ creatorId: "asc" }, { fanUuid: "asc" }, { tag: "asc" }] }),
  campaigns: await c.massCampaign.findMany({ orderBy: { id: "asc" } }),
  campaignFans: await c.massCampaignFan.findMany({ orderBy: [{ campaignId: "asc" }, { fanUuid: "asc" }] }),
  sync: await c.syncState.findMany({ orderBy: [{ creatorId: "asc" }, { stream: "asc" }] }),
  audit: await c.auditEvent.findMany({ orderBy: { id: "asc" } }),
  pay: await c.payoutStatement.findMany(),
});

describe("export → import into an empty database", () => {
  it("restores every table with the same rows, money sums, notes, tags and campaigns", async () => {
    const manifest = manifestOf(workspaceZip);
    expect(manifest).toMatchObject({
      format: "vuedeck-export",
      formatVersion: 1,
      scope: { kind: "workspace", workspaceId: ws.id },
    });
    const ledger = manifest.tables.find((t: { table: string }) => t.table === "EarningRow");
    expect(ledger.rows).toBe(2 * ROWS);
    const result = await importZip(second.client, workspaceZip);
    for (const t of manifest.tables) expect(result.rows[t.table] ?? 0, t.table).toBe(t.rows);
    expect(await money(second.client)).toEqual(await money(db));
    expect(await content(second.client)).toEqual(await content(db));
    // Rollups are not exported: the triggers rebuilt them from the imported rows.
    expect(await rollups(second.client)).toEqual(await rollups(db));
    const restored = await second.client.fanvueConnection.findFirstOrThrow();
    expect(restored).toMatchObject({ accessTokenCipher: "", refreshTokenCipher: null, status: "needs_reauth" });
  });

  it("writes the ledger, fans and campaigns as formula-safe CSVs", () => {
    const files = filesOf(workspaceZip);
    const ledger = strFromU8(files["ledger.csv"]!).trimEnd().split("\r\n");
    expect(ledger).toHaveLength(2 * ROWS + 1);
    expect(ledger).toContain(`mia,2026-01-01T00:07:00.000Z,renewal,1.0025,0.802,USD,fan1,${mia.id}-fan-1,,,,`);
    const fans = strFromU8(files["fans.csv"]!);
    expect(fans).toContain(`'=HYPERLINK(""x"")`);
    expect(strFromU8(files["campaigns.csv"]!)).toContain("New set, 50% off");
  });
});

describe("import refuses", () => {
  it("a database that is not empty, before writing anything", async () => {
    await expect(importZip(second.client, workspaceZip)).rejects.toThrow(/already has workspace/);
    const third = await secondDatabase();
    try {
      await third.client.user.create({ data: { name: "someone" } });
      await expect(importZip(third.client, workspaceZip)).rejects.toThrow(/not empty \(rows in User\)/);
      expect(await third.client.earningRow.count()).toBe(0);
    } finally {
      await third.client.$disconnect();
    }
  });

  it("a file changed after the export (checksum), naming the file", async () => {
    const files = filesOf(workspaceZip);
    const notes = strFromU8(files["FanNote.jsonl"]!).replace("Likes long videos", "Likes short videos");
    const tampered = path.join(dir, "tampered.zip");
    fs.writeFileSync(tampered, zipSync({ ...files, "FanNote.jsonl": strToU8(notes) }));
    const third = await secondDatabase();
    try {
      const err = await importZip(third.client, tampered).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ImportError);
      expect((err as Error).message).toMatch(/Checksum mismatch in FanNote.jsonl/);
      expect(await third.client.workspace.count()).toBe(0);
    } finally {
      await third.client.$disconnect();
    }
  });
});

describe("what an export leaves out", () => {
  it("never carries tokens, sessions, invites or push secrets", async () => {
    await db.session.create({
      data: { sessionToken: "session-secret-123", userId: owner.id, expires: new Date(Date.now() + 60_000) },
    });
    const file = await exportTo("after-session.zip");
    const names = listEntries(file).map((e) => e.name);
    for (const table of ["Session", "Invite", "PushSubscription", "Job", "WebhookEvent"])
      expect(names).not.toContain(`${table}.jsonl`);
    const text = Object.values(filesOf(file))
      .map((f) => strFromU8(f))
      .join("\n");
    const conn = await db.fanvueConnection.findUniqueOrThrow({ where: { id: ws.connectionId } });
    for (const secret of [
      "accessTokenCipher",
      "refreshTokenCipher",
      "sessionToken",
      "tokenHash",
      "p256dh",
      "leaseOwner",
      "session-secret-123",
      conn.accessTokenCipher,
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  it("a creator export holds that creator's rows only, and no team-wide pay", async () => {
    const file = await exportTo("mia.zip", mia.id);
    const m = manifestOf(file);
    expect(m.scope).toMatchObject({ kind: "creator", creatorId: mia.id, creatorHandle: "mia" });
    const rows = Object.fromEntries(m.tables.map((t: { table: string; rows: number }) => [t.table, t.rows]));
    expect(rows).toMatchObject({ EarningRow: ROWS, Creator: 1, MassCampaign: 2, MassCampaignFan: 5, AuditEvent: 2 });
    expect(rows.Shift).toBeUndefined();
    expect(strFromU8(filesOf(file)["EarningRow.jsonl"]!)).not.toContain(nova.id);
  });
});

describe("delete and access", () => {
  it("only the owner may export or delete", async () => {
    const manager = await staffMember(ws.id, mia.id, "manager", "Manny");
    const managerAccess = (await getWorkspaceAccess(manager.user.id, ws.id))!;
    const ownerAccess = (await getWorkspaceAccess(owner.id, ws.id))!;
    for (const p of ["data:export", "data:delete"] as const) {
      expect(hasPermission(managerAccess, p)).toBe(false);
      expect(hasPermission(ownerAccess, p)).toBe(true);
    }
  });

  it("deletes one creator's stored data after the typed handle, and nothing else", async () => {
    const access = (await getWorkspaceAccess(owner.id, ws.id))!;
    await expect(deleteData(access, "mia", nova.id)).rejects.toMatchObject({
      code: "invalid_input",
      extra: { field: "confirm" },
    });
    expect(await db.earningRow.count({ where: { creatorId: nova.id } })).toBe(ROWS);
    const result = await deleteData(access, "@nova", nova.id);
    expect(result).toMatchObject({ scope: "creator" });
    const where = { where: { creatorId: nova.id } };
    const left = [
      await db.earningRow.count(where),
      await db.audienceFan.count(where),
      await db.fanNote.count(where),
      await db.massCampaign.count(where),
      await db.auditEvent.count(where),
    ];
    expect(left).toEqual([0, 0, 0, 0, 0]);
    expect(await db.earningRow.count({ where: { creatorId: mia.id } })).toBe(ROWS);
    expect(await db.creator.count({ where: { id: nova.id } })).toBe(1);
    expect(await db.fanLedgerSummary.count({ where: { creatorId: nova.id } })).toBe(0);
  });
});

describe("the route's download", () => {
  it("streams the zip with its file name and row count, audited, one export per user at a time", async () => {
    const access = (await getWorkspaceAccess(owner.id, ws.id))!;
    const res = await exportResponse(access, owner, mia.id);
    expect(res.headers.get("Content-Type")).toBe("application/zip");
    expect(res.headers.get("Content-Disposition")).toMatch(
      /^attachment; filename="vuedeck-mia-\d{4}-\d{2}-\d{2}\.zip"$/,
    );
    await expect(exportResponse(access, owner)).rejects.toMatchObject({ code: "rate_limited" });
    const zip = new Uint8Array(await res.arrayBuffer());
    const manifest = JSON.parse(strFromU8(unzipSync(zip)["manifest.json"]!));
    const rows = manifest.tables.reduce((n: number, t: { rows: number }) => n + t.rows, 0);
    const csvRows = manifest.csv.reduce((n: number, t: { rows: number }) => n + t.rows, 0);
    expect(Number(res.headers.get("X-Export-Rows"))).toBe(rows + csvRows);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "data.export" },
      orderBy: { createdAt: "desc" },
    });
    expect(audit).toMatchObject({ creatorId: mia.id, actorUserId: owner.id, target: "@mia" });
    // The lease is released when the download ends: the next export starts.
    const again = await exportResponse(access, owner);
    await again.body!.cancel();
  });
});

describe("deleting the whole workspace's data", () => {
  it("needs the workspace's name, keeps the team and the creators, and leaves no ledger, fans or log", async () => {
    const access = (await getWorkspaceAccess(owner.id, ws.id))!;
    await expect(deleteData(access, "mia", undefined)).rejects.toMatchObject({ code: "invalid_input" });
    const result = await deleteData(access, ws.name, undefined);
    expect(result.scope).toBe("workspace");
    expect(result.rows).toBeGreaterThan(2 * ROWS);
    const left = await Promise.all([
      db.earningRow.count({ where: { creatorId: mia.id } }),
      db.audienceFan.count({ where: { creatorId: mia.id } }),
      db.payoutStatement.count({ where: { workspaceId: ws.id } }),
      db.shift.count({ where: { workspaceId: ws.id } }),
      db.auditEvent.count({ where: { workspaceId: ws.id } }),
    ]);
    expect(left).toEqual([0, 0, 0, 0, 0]);
    // The leaderboard's rollup followed the deleted sales and sends (its triggers leave zero rows).
    const perf = await db.performanceDay.aggregate({
      where: { creatorId: mia.id },
      _sum: { sales: true, messages: true, massMessages: true },
    });
    expect([perf._sum.sales ?? 0, perf._sum.messages ?? 0, perf._sum.massMessages ?? 0]).toEqual([0, 0, 0]);
    expect(await db.membership.count({ where: { workspaceId: ws.id } })).toBeGreaterThan(0);
    expect(await db.creator.count({ where: { workspaceId: ws.id } })).toBe(3);
    expect(await db.user.count({ where: { id: owner.id } })).toBe(1);
  });
});
