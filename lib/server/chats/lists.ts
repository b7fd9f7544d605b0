import "server-only";
import type { CustomListView, ListMembersPage, ListsView } from "@/lib/schemas/mass-messages";
import { ApiError } from "@/lib/server/api/errors";
import { clientForCreator } from "@/lib/server/creators/client";
import type { CreatorRef } from "@/lib/server/creators/ref";
import { FanvueError } from "@/lib/server/fanvue/errors";
import { collect, pages } from "@/lib/server/fanvue/paginate";
import {
  addListMembers,
  createCustomList,
  customListMembers,
  deleteCustomList,
  listCustomLists,
  removeListMember,
  renameCustomList,
} from "@/lib/server/fanvue/resources/chat-lists";
import { listSmartLists } from "@/lib/server/fanvue/resources/chats";
import { withSnapshot } from "@/lib/server/snapshots";
import { invalidateListMembers } from "./inbox-cache";
import type { CreatorAccess } from "@/lib/server/workspaces/access";

// Smart and custom lists: the inbox's list filter, the mass-message audience
// picker and list management. Custom-list writes are self-route only (§6).

/** Lists change through our own writes (which refresh them) or rarely on
 * Fanvue: every view within this age reuses the cached answer, and says how
 * old it is. */
const LISTS_MAX_AGE_MS = 5 * 60_000;
/** A creator with more custom lists than this is beyond what a picker shows. */
const MAX_LISTS = 500;

/** Only the creator and the workspace's connection are needed (jobs have no member). */
export type { CreatorRef };

type Kind<T> = { items: T[]; fetchedAt: string; stale: boolean; missing: string | null; error: unknown };

const UNOFFERED = {
  smart: "Fanvue does not offer smart lists for this account.",
  custom: "Fanvue does not offer custom lists for this account.",
};
const UNREAD = {
  smart: "Smart lists could not be loaded from Fanvue just now.",
  custom: "Custom lists could not be loaded from Fanvue just now.",
};

/** One kind of list, cached on its own: a kind Fanvue does not have (404,
 * 405) is remembered as such, and a failing kind never hides the other. */
async function loadKind<T>(
  creatorId: string,
  kind: "smart" | "custom",
  read: () => Promise<T[]>,
  fresh: boolean,
): Promise<Kind<T>> {
  try {
    const snap = await withSnapshot(
      `chat-lists:${creatorId}:${kind}`,
      async () => {
        try {
          return { items: await read(), unoffered: false };
        } catch (err) {
          if (err instanceof FanvueError && (err.kind === "not_found" || err.kind === "unsupported"))
            return { items: [] as T[], unoffered: true };
          throw err;
        }
      },
      { maxAgeMs: fresh ? 0 : LISTS_MAX_AGE_MS },
    );
    return {
      items: snap.data.items,
      fetchedAt: snap.fetchedAt,
      stale: snap.stale,
      missing: snap.data.unoffered ? UNOFFERED[kind] : null,
      error: null,
    };
  } catch (err) {
    return { items: [], fetchedAt: new Date().toISOString(), stale: false, missing: UNREAD[kind], error: err };
  }
}

export async function getLists(access: CreatorRef, opts: { fresh?: boolean } = {}): Promise<ListsView> {
  const client = clientForCreator(access);
  const fresh = opts.fresh ?? false;
  const [smart, custom] = await Promise.all([
    loadKind(
      access.creator.id,
      "smart",
      async () => (await listSmartLists(client)).map((s) => ({ id: s.uuid, name: s.name, count: s.count })),
      fresh,
    ),
    loadKind(
      access.creator.id,
      "custom",
      async () =>
        (
          await collect(
            pages((p) => listCustomLists(client, p)),
            MAX_LISTS,
          )
        ).map((c): CustomListView => ({
          uuid: c.uuid,
          name: c.name,
          membersCount: c.membersCount,
          createdAt: c.createdAt,
        })),
      fresh,
    ),
  ]);
  // Nothing at all to show: the error itself (a rate limit counts down, a reconnect is asked for).
  if (smart.error && custom.error) throw smart.error;
  return {
    smart: smart.items,
    custom: custom.items,
    canEdit: client.mode === "self" && !custom.missing,
    fetchedAt: smart.fetchedAt < custom.fetchedAt ? smart.fetchedAt : custom.fetchedAt,
    stale: smart.stale || custom.stale,
    missing: { smart: smart.missing, custom: custom.missing },
  };
}

function mapListError(err: unknown): never {
  // No status: refused before calling, as an agency (Fanvue has no agency list writes).
  if (err instanceof FanvueError && err.kind === "unsupported" && !err.details.status) {
    throw new ApiError(
      "forbidden",
      "Fanvue lets agencies read custom lists but not change them: edit them from the creator's own account.",
    );
  }
  if (err instanceof FanvueError && err.kind === "unsupported")
    throw new ApiError("conflict", "Fanvue does not offer changing custom lists for this account.");
  if (err instanceof FanvueError && err.kind === "not_found")
    throw new ApiError("not_found", "This list no longer exists on Fanvue.");
  if (err instanceof FanvueError && err.kind === "conflict")
    throw new ApiError("conflict", "A list with this name already exists.", { field: "name" });
  throw err;
}

async function write<T>(access: CreatorRef, fn: () => Promise<T>): Promise<T> {
  const out = await fn().catch(mapListError);
  await getLists(access, { fresh: true }).catch(() => undefined);
  return out;
}

export const createList = (a: CreatorAccess, name: string) =>
  write(a, () => createCustomList(clientForCreator(a), name));
export const renameList = (a: CreatorAccess, uuid: string, name: string) =>
  write(a, () => renameCustomList(clientForCreator(a), uuid, name).then(() => ({ ok: true }) as const));
export const deleteList = (a: CreatorAccess, uuid: string) =>
  write(a, () => deleteCustomList(clientForCreator(a), uuid).then(() => ({ ok: true }) as const));
export const addMembers = (a: CreatorRef, uuid: string, fanUuids: string[]) =>
  write(a, async () => {
    const res = await addListMembers(clientForCreator(a), uuid, fanUuids);
    await invalidateListMembers(a.creator.id, uuid);
    return res;
  });
export const removeMember = (a: CreatorRef, uuid: string, fanUuid: string) =>
  write(a, async () => {
    await removeListMember(clientForCreator(a), uuid, fanUuid).catch((err: unknown) => {
      // Already not a member: the goal is reached (a retried click).
      if (!(err instanceof FanvueError && err.kind === "not_found" && /member/i.test(err.details.upstreamText ?? "")))
        throw err;
    });
    await invalidateListMembers(a.creator.id, uuid);
    return { ok: true } as const;
  });

export async function getListMembers(access: CreatorAccess, uuid: string, page: number): Promise<ListMembersPage> {
  const res = await customListMembers(clientForCreator(access), uuid, page).catch(mapListError);
  return {
    items: res.data.map((m) => ({ uuid: m.uuid, handle: m.handle, displayName: m.displayName })),
    page,
    hasMore: res.pagination.hasMore,
  };
}
