import "server-only";
import type { QueueItem, QueueKind, QueueResponse } from "@/lib/schemas/post-views";
import type { CreatorAccess } from "@/lib/server/workspaces/access";

// The queue: everything scheduled to go out for a creator, from several
// sources (posts here; scheduled mass messages can register their own), as
// one list sorted by time. A source failing does not hide the others.

export type QueueSourceResult = Pick<QueueResponse, "coverage" | "limitedBy" | "fetchedAt" | "stale" | "cancelled"> & {
  items: QueueItem[];
};
export type QueueSource = (access: CreatorAccess) => Promise<Partial<QueueSourceResult> & { items: QueueItem[] }>;

const g = globalThis as unknown as { postQueueSources?: Map<QueueKind, QueueSource> };
const sources: Map<QueueKind, QueueSource> = (g.postQueueSources ??= new Map());

/** Adds a kind of scheduled item to the queue (see queue-sources.ts). */
export function registerQueueSource(kind: QueueKind, source: QueueSource) {
  sources.set(kind, source);
}

export async function getQueue(access: CreatorAccess): Promise<QueueResponse> {
  const post = sources.get("post");
  if (!post) throw new Error("the post queue source is not registered");
  // The post source decides coverage and staleness; it must not fail quietly.
  const main = await post(access);
  const others = await Promise.all(
    [...sources.entries()]
      .filter(([kind]) => kind !== "post")
      .map(([kind, source]) =>
        source(access).catch((err) => {
          console.error(`[posts] queue source ${kind} failed`, err);
          return { items: [] as QueueItem[] };
        }),
      ),
  );
  const items = [main, ...others].flatMap((r) => r.items).sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return {
    items,
    coverage: main.coverage ?? "vuedeck",
    limitedBy: main.limitedBy ?? null,
    fetchedAt: main.fetchedAt ?? new Date().toISOString(),
    stale: main.stale ?? false,
    cancelled: main.cancelled ?? [],
  };
}
