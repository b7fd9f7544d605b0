import "server-only";
import type { CustomListView, ListsView } from "@/lib/schemas/mass-messages";
import { ApiError } from "@/lib/server/api/errors";
import { clientForCreator } from "@/lib/server/creators/client";
import { FanvueError } from "@/lib/server/fanvue/errors";
import { collect, pages } from "@/lib/server/fanvue/paginate";
import { addListMembers, createCustomList, customListMembers, deleteCustomList, listCustomLists, removeListMember, renameCustomList } from "@/lib/server/fanvue/resources/chat-lists";
import { listSmartLists } from "@/lib/server/fanvue/resources/chats";
import { withSnapshot } from "@/lib/server/snapshots";
import { invalidateListMembers } from "./inbox-cache";
import type { CreatorAccess } from "@/lib/server/workspaces/access";

// Smart and custom lists: the inbox's list filter, the mass-message audience
// picker and list management. Custom-list writes are self-route only (§6).

/** Lists change through our own writes (which bust this) or rarely on Fanvue. */
const LISTS_MAX_AGE_MS = 30_000;
/** A creator with more custom lists than this is beyond what a picker shows. */
const MAX_LISTS = 500;

const listsKey = (creatorId: string) => `chat-lists:${creatorId}`;

/** Only the creator and the workspace's connection are needed (jobs have no member). */
export type CreatorRef = Pick<CreatorAccess, "workspace" | "creator">;

export async function getLists(access: CreatorRef, opts: { fresh?: boolean } = {}): Promise<ListsView> {
  const client = clientForCreator(access);
  const snap = await withSnapshot(
    listsKey(access.creator.id),
    async () => {
      const [smart, custom] = await Promise.all([listSmartLists(client), collect(pages((p) => listCustomLists(client, p)), MAX_LISTS)]);
      return {
        smart: smart.map((s) => ({ id: s.uuid, name: s.name, count: s.count })),
        custom: custom.map((c): CustomListView => ({ uuid: c.uuid, name: c.name, membersCount: c.membersCount, createdAt: c.createdAt })),
      };
    },
    { maxAgeMs: opts.fresh ? 0 : LISTS_MAX_AGE_MS },
  );
  return { ...snap.data, canEdit: client.mode === "self", fetchedAt: snap.fetchedAt, stale: snap.stale };
}

function mapListError(err: unknown): never {
  if (err instanceof FanvueError && err.kind === "unsupported") throw new ApiError("forbidden", "Fanvue lets agencies read custom lists but not change them: edit them from the creator's own account.");
  if (err instanceof FanvueError && err.kind === "not_found") throw new ApiError("not_found", "This list no longer exists on Fanvue.");
  if (err instanceof FanvueError && err.kind === "conflict") throw new ApiError("conflict", "A list with this name already exists.", { field: "name" });
  throw err;
}

async function write<T>(access: CreatorAccess, fn: () => Promise<T>): Promise<T> {
  const out = await fn().catch(mapListError);
  await getLists(access, { fresh: true }).catch(() => undefined);
  return out;
}

export const createList = (a: CreatorAccess, name: string) => write(a, () => createCustomList(clientForCreator(a), name));
export const renameList = (a: CreatorAccess, uuid: string, name: string) => write(a, () => renameCustomList(clientForCreator(a), uuid, name).then(() => ({ ok: true })));
export const deleteList = (a: CreatorAccess, uuid: string) => write(a, () => deleteCustomList(clientForCreator(a), uuid).then(() => ({ ok: true })));
export const addMembers = (a: CreatorAccess, uuid: string, fanUuids: string[]) =>
  write(a, async () => {
    const res = await addListMembers(clientForCreator(a), uuid, fanUuids);
    await invalidateListMembers(a.creator.id, uuid);
    return res;
  });
export const removeMember = (a: CreatorAccess, uuid: string, fanUuid: string) =>
  write(a, async () => {
    await removeListMember(clientForCreator(a), uuid, fanUuid).catch((err: unknown) => {
      // Already not a member: the goal is reached (a retried click).
      if (!(err instanceof FanvueError && err.kind === "not_found" && /member/i.test(err.details.upstreamText ?? ""))) throw err;
    });
    await invalidateListMembers(a.creator.id, uuid);
    return { ok: true };
  });

export async function getListMembers(access: CreatorAccess, uuid: string, page: number) {
  const res = await customListMembers(clientForCreator(access), uuid, page).catch(mapListError);
  return { items: res.data.map((m) => ({ uuid: m.uuid, handle: m.handle, displayName: m.displayName })), page, hasMore: res.pagination.hasMore };
}
