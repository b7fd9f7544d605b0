import "server-only";
import type { EstimateView, ListRefsInput } from "@/lib/schemas/mass-messages";
import { getLists, type CreatorRef } from "@/lib/server/chats/lists";
import { clientForCreator } from "@/lib/server/creators/client";
import type { Priority } from "@/lib/server/fanvue/limiter";
import { collect, pages } from "@/lib/server/fanvue/paginate";
import { customListMembers, LIST_PAGE, smartListMembers } from "@/lib/server/fanvue/resources/chat-lists";
import { withSnapshot } from "@/lib/server/snapshots";
import type { CreatorAccess } from "@/lib/server/workspaces/access";
import { holdoutSize } from "./holdout";

// The audience of a mass message: members of the included lists minus the
// excluded ones, read from Fanvue list by list (cached briefly). Used for the
// estimate shown before sending and to draw a hold-out.

/** Reading more members than this (100 calls of 50) would spend half a
 * minute of the creator's rate budget: the estimate then shows a bound. */
export const MAX_MEMBERS_READ = 5_000;
/** List members barely move in minutes; the composer re-estimates often. */
const MEMBERS_MAX_AGE_MS = 5 * 60_000;

type Ref = { kind: "smart" | "custom"; id: string };
const refsOf = (r: ListRefsInput): Ref[] => [
  ...r.smart.map((id) => ({ kind: "smart" as const, id })),
  ...r.custom.map((id) => ({ kind: "custom" as const, id })),
];

async function membersOf(access: CreatorRef, ref: Ref, priority: Priority, fresh: boolean): Promise<string[]> {
  const client = clientForCreator(access);
  const read = (page: number) =>
    ref.kind === "smart"
      ? smartListMembers(client, ref.id, page, priority)
      : customListMembers(client, ref.id, page, priority);
  const snap = await withSnapshot(
    `list-members:${access.creator.id}:${ref.kind}:${ref.id}`,
    async () => (await collect(pages(read), MAX_MEMBERS_READ)).map((m) => m.uuid),
    { maxAgeMs: fresh ? 0 : MEMBERS_MAX_AGE_MS },
  );
  return snap.data;
}

/** Sizes as Fanvue reports them (smart-list counts, custom member counts). */
async function sizes(access: CreatorRef) {
  const lists = await getLists(access);
  const m = new Map<string, number>();
  for (const s of lists.smart) m.set(`smart:${s.id}`, s.count);
  for (const c of lists.custom) m.set(`custom:${c.uuid}`, c.membersCount);
  return m;
}

/** Fan uuids of the audience, or null when the lists are too large to read. */
export async function resolveAudience(
  access: CreatorRef,
  included: ListRefsInput,
  excluded: ListRefsInput,
  opts: { priority?: Priority; fresh?: boolean } = {},
) {
  const size = await sizes(access);
  const refs = [...refsOf(included), ...refsOf(excluded)];
  const total = refs.reduce((n, r) => n + (size.get(`${r.kind}:${r.id}`) ?? LIST_PAGE), 0);
  if (total > MAX_MEMBERS_READ) return null;
  const read = (r: Ref) => membersOf(access, r, opts.priority ?? "interactive", opts.fresh ?? false);
  const inc = new Set((await Promise.all(refsOf(included).map(read))).flat());
  for (const uuid of (await Promise.all(refsOf(excluded).map(read))).flat()) inc.delete(uuid);
  return [...inc];
}

export async function estimateAudience(
  access: CreatorAccess,
  included: ListRefsInput,
  excluded: ListRefsInput,
  holdoutPercent: number,
): Promise<EstimateView> {
  const size = await sizes(access);
  const upperBound = refsOf(included).reduce((n, r) => n + (size.get(`${r.kind}:${r.id}`) ?? 0), 0);
  const fans = await resolveAudience(access, included, excluded);
  const count = fans?.length ?? null;
  return { count, upperBound, heldOut: count === null ? null : holdoutSize(count, holdoutPercent) };
}

/** Which of the creator's custom lists hold this fan (reads each list once, cached). */
export async function listsOfFan(access: CreatorAccess, fanUuid: string) {
  const lists = await getLists(access);
  const out: Record<string, boolean> = {};
  for (const l of lists.custom) {
    if (l.membersCount > MAX_MEMBERS_READ) continue;
    out[l.uuid] =
      l.membersCount > 0 &&
      (await membersOf(access, { kind: "custom", id: l.uuid }, "interactive", false)).includes(fanUuid);
  }
  return out;
}
