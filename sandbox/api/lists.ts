// §5.5 Smart and custom lists. Smart-list counts and members are computed
// live from the audience; custom lists are stored. The agency mirror is
// read-only (§6).
//
// Choices where the contract is silent: custom-list names are 1–100
// characters and unique case-insensitively (409 `{message}`); lists are
// listed oldest first; members in audience order. Adding members answers
// counts `{added, skipped}`, where `skipped` covers existing members and
// users outside the creator's audience.
import { conflict, HttpError, jsonBody, send, validation } from "../http";
import type { Sandbox } from "../state";
import { SMART_LISTS, smartListMembers } from "../world/queries";
import type { CreatorWorld, CustomList } from "../world/types";
import { iso, pageParams, paged, uuidList, uuidParam } from "./common";
import { nextUuid } from "./chats-shared";
import { LIST_READ, LIST_WRITE } from "./chats-spec";
import type { Api } from "./registry";

const NAME_MAX = 100;

const member = (c: CreatorWorld) => (fanIdx: number) => {
  const f = c.fans[fanIdx]!;
  return { uuid: f.uuid, displayName: f.displayName, handle: f.handle, isCreator: false };
};

function listOr404(c: CreatorWorld, uuid: string): CustomList {
  const list = c.customLists.find((l) => l.uuid === uuid);
  if (!list) throw new HttpError(404, { message: "Custom list not found" });
  return list;
}

function listName(c: CreatorWorld, value: unknown, self?: CustomList): string {
  if (typeof value !== "string") throw validation("name must be a string");
  const name = value.trim();
  if (name.length < 1 || name.length > NAME_MAX) throw validation(`name must be between 1 and ${NAME_MAX} characters`);
  const clash = c.customLists.find((l) => l !== self && l.name.toLowerCase() === name.toLowerCase());
  if (clash) throw conflict(`A custom list named "${clash.name}" already exists`);
  return name;
}

export function registerLists(api: Api, sb: Sandbox) {
  api.route("GET", "/chats/lists/smart", LIST_READ, (ctx) => {
    const c = ctx.creator;
    send(
      ctx,
      200,
      SMART_LISTS.map((l) => ({ name: l.name, uuid: l.uuid, count: smartListMembers(c, l.uuid).length })),
    );
  });

  api.route("GET", "/chats/lists/smart/:id", LIST_READ, (ctx) => {
    const p = pageParams(ctx);
    const id = ctx.params.id ?? "";
    if (!SMART_LISTS.some((l) => l.uuid === id)) throw new HttpError(404, { message: "Smart list not found" });
    send(ctx, 200, paged(smartListMembers(ctx.creator, id), p, member(ctx.creator)));
  });

  api.route("GET", "/chats/lists/custom", LIST_READ, (ctx) => {
    const p = pageParams(ctx);
    // `search` is documented on the self route only; the agency route never sees it.
    const search = (ctx.query.get("search") ?? "").trim().toLowerCase();
    const rows = ctx.creator.customLists
      .filter((l) => !search || l.name.toLowerCase().includes(search))
      .sort((a, b) => a.createdAt - b.createdAt || a.uuid.localeCompare(b.uuid));
    send(
      ctx,
      200,
      paged(rows, p, (l) => ({
        uuid: l.uuid,
        name: l.name,
        membersCount: l.members.size,
        createdAt: iso(l.createdAt),
      })),
    );
  });

  api.route("POST", "/chats/lists/custom", LIST_WRITE, (ctx) => {
    const c = ctx.creator;
    const name = listName(c, jsonBody(ctx).name);
    const list: CustomList = { uuid: nextUuid(sb, "custom-list"), name, createdAt: sb.clock.now(), members: new Set() };
    c.customLists.push(list);
    send(ctx, 201, { uuid: list.uuid, name: list.name, createdAt: iso(list.createdAt) });
  });

  api.route("GET", "/chats/lists/custom/:uuid", LIST_READ, (ctx) => {
    const list = listOr404(ctx.creator, uuidParam(ctx, "uuid"));
    const p = pageParams(ctx);
    send(
      ctx,
      200,
      paged(
        [...list.members].sort((a, b) => a - b),
        p,
        member(ctx.creator),
      ),
    );
  });

  api.route("PATCH", "/chats/lists/custom/:uuid", LIST_WRITE, (ctx) => {
    const list = listOr404(ctx.creator, uuidParam(ctx, "uuid"));
    list.name = listName(ctx.creator, jsonBody(ctx).name, list);
    send(ctx, 204);
  });

  api.route("DELETE", "/chats/lists/custom/:uuid", LIST_WRITE, (ctx) => {
    const c = ctx.creator;
    const list = listOr404(c, uuidParam(ctx, "uuid"));
    c.customLists.splice(c.customLists.indexOf(list), 1);
    send(ctx, 204);
  });

  api.route("POST", "/chats/lists/custom/:uuid/members", LIST_WRITE, (ctx) => {
    const c = ctx.creator;
    const list = listOr404(c, uuidParam(ctx, "uuid"));
    const uuids = uuidList(jsonBody(ctx).userUuids, "userUuids", 100, 1);
    let added = 0;
    let skipped = 0;
    for (const u of new Set(uuids)) {
      const idx = c.fanIndex.get(u);
      if (idx === undefined || list.members.has(idx)) skipped++;
      else {
        list.members.add(idx);
        added++;
      }
    }
    send(ctx, 201, { added, skipped });
  });

  api.route("DELETE", "/chats/lists/custom/:uuid/members/:userUuid", LIST_WRITE, (ctx) => {
    const c = ctx.creator;
    const list = listOr404(c, uuidParam(ctx, "uuid"));
    const idx = c.fanIndex.get(uuidParam(ctx, "userUuid"));
    if (idx === undefined || !list.members.has(idx))
      throw new HttpError(404, { message: "User is not a member of this list" });
    list.members.delete(idx);
    send(ctx, 204);
  });
}
