import "server-only";
import packageJson from "@/package.json";
import { ApiError } from "@/lib/server/api/errors";
import { db } from "@/lib/server/db";
import { acquireExportLease, EXPORT_RETRY_AFTER_SEC, leasedStream } from "@/lib/server/earnings/export";
import type { WorkspaceAccess } from "@/lib/server/workspaces/access";
import { recordAudit } from "@/lib/server/workspaces/audit";
import type { DataDeleted } from "@/lib/schemas/data-export";
import { deleteScopeData } from "./delete";
import { countExport, exportZip, resolveScope, ScopeError } from "./export";

// The routes' side of the full export and the delete: scope checks, the audit
// record, the streamed response. The work itself is in export.ts / delete.ts.

export const APP_VERSION = packageJson.version;

type Actor = { id: string; name: string };

async function scopeOf(access: WorkspaceAccess, creatorId: string | undefined) {
  try {
    return await resolveScope(db, { workspaceId: access.workspace.id, creatorId });
  } catch (err) {
    if (err instanceof ScopeError) throw new ApiError("not_found", "Creator not found.");
    throw err;
  }
}

/** A zip file name that says what and when: vuedeck-<slug>-2026-12-07.zip. */
function fileNameOf(label: string) {
  const slug =
    label
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 40) || "export";
  return `vuedeck-${slug}-${new Date().toISOString().slice(0, 10)}.zip`;
}

/** The full export as a streamed zip download, audited when it starts. */
/** One export per user at a time (shared with the CSV exports): a second
 * click while a large zip streams would read every table twice. */
async function exportLease(userId: string) {
  const lease = await acquireExportLease(userId);
  if (lease) return lease;
  throw new ApiError(
    "rate_limited",
    "An export is already running for your account. Try again when it has finished downloading.",
    {
      retryAfterSec: EXPORT_RETRY_AFTER_SEC,
    },
  );
}

/** The full export as a streamed zip download. Audited before the rows are
 * counted, so the zip holds its own "data.export" entry and the count is exact. */
export async function exportResponse(access: WorkspaceAccess, user: Actor, creatorId?: string): Promise<Response> {
  const scope = await scopeOf(access, creatorId);
  const creator = creatorId
    ? await db.creator.findUnique({ where: { id: creatorId }, select: { handle: true } })
    : null;
  const lease = await exportLease(user.id);
  let totalRows: number;
  try {
    await recordAudit({
      workspaceId: access.workspace.id,
      creatorId: creatorId ?? null,
      actor: user,
      action: "data.export",
      target: creator ? `@${creator.handle}` : access.workspace.name,
      details: { scope: creatorId ? "creator" : "workspace" },
    });
    ({ totalRows } = await countExport(db, scope));
  } catch (err) {
    await lease.release();
    throw err;
  }
  const body = leasedStream(exportZip(db, scope, { appVersion: APP_VERSION }), lease);
  return new Response(body, {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${fileNameOf(creator ? creator.handle : access.workspace.name)}"`,
      "Cache-Control": "no-store",
      // Rows in the zip (its manifest has the count per file): a client can show it beside the download.
      "X-Export-Rows": String(totalRows),
    },
  });
}

/** The name a delete must be confirmed with: the workspace's name, or the creator's handle. */
export async function confirmationName(workspaceId: string, creatorId?: string) {
  if (!creatorId) return (await db.workspace.findUniqueOrThrow({ where: { id: workspaceId } })).name;
  const c = await db.creator.findFirst({ where: { id: creatorId, workspaceId }, select: { handle: true } });
  if (!c) throw new ApiError("not_found", "Creator not found.");
  return c.handle;
}

/** Deletes the scope's stored data after the typed confirmation (the route audits it). */
export async function deleteData(access: WorkspaceAccess, confirm: string, creatorId?: string): Promise<DataDeleted> {
  const expected = await confirmationName(access.workspace.id, creatorId);
  if (confirm.replace(/^@/, "").trim() !== expected) {
    throw new ApiError("invalid_input", `Type "${expected}" to confirm.`, { field: "confirm" });
  }
  const scope = await scopeOf(access, creatorId);
  const result = await deleteScopeData(db, scope);
  return { scope: creatorId ? "creator" : "workspace", rows: result.rows };
}
