// §5.10 Vault folders, identified by their URL-encoded name. Self routes and
// their /creators/{c} mirrors, each where Fanvue's reference documents it
// (the registry mounts them). The folder list answers a page envelope but,
// as the reference has it, takes no page or size: every folder in one answer.
import { conflict, jsonBody, notFound, send, validation } from "../http";
import type { Sandbox } from "../state";
import type { CreatorWorld, Folder } from "../world/types";
import { iso, pageParams, paged, uuidList, uuidParam } from "./common";
import { ensureLive, requiredString } from "./content-common";
import type { Api, RouteSpec } from "./registry";

const READ: RouteSpec = { subject: "creator" };
const WRITE: RouteSpec = { subject: "creator" };

/** The reference's maxLength; names travel in the path, so "/" cannot be
 * part of one. */
const MAX_NAME = 255;
/** Media per add request; generous, the contract gives no bound. */
const MAX_ADD = 100;

export function registerVault(api: Api, sb: Sandbox) {
  api.route("GET", "/vault/folders", READ, (ctx) => {
    const c = ctx.creator;
    const data = c.folders.map((f) => folderShape(c, f));
    send(ctx, 200, { data, pagination: { page: 1, size: data.length, hasMore: false } });
  });

  api.route("POST", "/vault/folders", WRITE, (ctx) => {
    const name = folderName(jsonBody(ctx).name);
    const c = ctx.creator;
    if (c.folders.some((f) => f.name === name)) throw conflict(`A folder named "${name}" already exists`);
    const folder: Folder = { name, createdAt: sb.clock.now(), mediaUuids: [] };
    c.folders.push(folder);
    send(ctx, 201, folderShape(c, folder));
  });

  api.route("GET", "/vault/folders/:folderName", READ, (ctx) => {
    const c = ctx.creator;
    send(ctx, 200, folderShape(c, folderOr404(c, ctx.params.folderName)));
  });

  api.route("PATCH", "/vault/folders/:folderName", WRITE, (ctx) => {
    const name = folderName(jsonBody(ctx).name);
    const c = ctx.creator;
    const folder = folderOr404(c, ctx.params.folderName);
    if (name !== folder.name && c.folders.some((f) => f.name === name))
      throw conflict(`A folder named "${name}" already exists`);
    folder.name = name;
    send(ctx, 204);
  });

  api.route("DELETE", "/vault/folders/:folderName", WRITE, (ctx) => {
    const c = ctx.creator;
    const folder = folderOr404(c, ctx.params.folderName);
    // Only the folder goes; its media stay in the vault.
    c.folders.splice(c.folders.indexOf(folder), 1);
    send(ctx, 204);
  });

  api.route("GET", "/vault/folders/:folderName/media", READ, (ctx) => {
    const p = pageParams(ctx);
    const c = ctx.creator;
    ensureLive(sb, c);
    const folder = folderOr404(c, ctx.params.folderName);
    const items = folderMedia(c, folder).sort((a, b) => b.createdAt - a.createdAt);
    send(
      ctx,
      200,
      paged(items, p, (m) => ({ uuid: m.uuid, name: m.name, createdAt: iso(m.createdAt), mediaType: m.mediaType })),
    );
  });

  api.route("POST", "/vault/folders/:folderName/media", WRITE, (ctx) => {
    const body = jsonBody(ctx);
    const uuids = uuidList(body.mediaUuids, "mediaUuids", MAX_ADD, 1);
    const c = ctx.creator;
    const folder = folderOr404(c, ctx.params.folderName);
    const foreign = uuids.filter((u) => !c.mediaIndex.has(u));
    if (foreign.length) throw validation(`mediaUuids must reference your own media (unknown: ${foreign.join(", ")})`);
    let addedCount = 0;
    for (const u of new Set(uuids)) {
      if (folder.mediaUuids.includes(u)) continue;
      folder.mediaUuids.push(u);
      addedCount++;
    }
    send(ctx, 201, { addedCount });
  });

  api.route("DELETE", "/vault/folders/:folderName/media/:mediaUuid", WRITE, (ctx) => {
    const mediaUuid = uuidParam(ctx, "mediaUuid");
    const c = ctx.creator;
    const folder = folderOr404(c, ctx.params.folderName);
    const i = folder.mediaUuids.indexOf(mediaUuid);
    if (i < 0) throw notFound("Media not found in this folder");
    folder.mediaUuids.splice(i, 1);
    send(ctx, 204);
  });
}

function folderName(value: unknown): string {
  const name = requiredString(value, "name", MAX_NAME);
  if (name.includes("/")) throw validation('name must not contain "/"');
  return name;
}

function folderOr404(c: CreatorWorld, name: string | undefined): Folder {
  const folder = c.folders.find((f) => f.name === name);
  if (!folder) throw notFound("Folder not found");
  return folder;
}

/** Media still in the vault (a folder never holds dangling references). */
const folderMedia = (c: CreatorWorld, f: Folder) =>
  f.mediaUuids.map((u) => c.mediaIndex.get(u)).filter((m) => m !== undefined);

const folderShape = (c: CreatorWorld, f: Folder) => ({
  name: f.name,
  createdAt: iso(f.createdAt),
  mediaCount: folderMedia(c, f).length,
});
