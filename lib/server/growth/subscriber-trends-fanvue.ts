import "server-only";
import type { FanvueState } from "@/lib/schemas/subscriber-trends";
import { clientForCreator } from "@/lib/server/creators/client";
import type { CreatorRef } from "@/lib/server/creators/ref";
import { FanvueError } from "@/lib/server/fanvue/errors";
import { getSubscriberCounts } from "@/lib/server/fanvue/resources/subscriber-counts";
import { withSnapshot } from "@/lib/server/snapshots";
import { localDate, type OffsetSpan, type Ymd } from "@/lib/utils/date-range";
import { mapLimit } from "@/lib/utils/map-limit";

// Fanvue's daily new and cancelled subscriber counts, per local day of the
// viewer's zone. Fanvue counts days from midnight at the one offset a
// request's startDate carries, so the range is asked for in spans of one
// offset (lib/utils/date-range offsetSpans: split at the zone's DST changes),
// each span's days being local days; each day Fanvue returns is placed on
// the local date of its start. Answers are kept (withSnapshot): when Fanvue
// fails, the last good answer is served marked stale; with none, the
// columns are unavailable, never zeros.

/** Past days' counts barely move; a 10-minute-old answer spares the creator's shared rate budget when
 * the page is reopened or the granularity changes (the spans, and so the keys, stay the same). */
const MAX_AGE_MS = 10 * 60_000;
/** Creators asked at once on an agency's page: each has its own rate bucket, the app's pool does not. */
const CREATORS_AT_ONCE = 4;

/** What a snapshot keeps per day: [Fanvue's date, new, cancelled]. */
type KeptDay = [string, number, number];
export type DayCounts = Map<Ymd, { fanvueNew: number; cancelled: number }>;

type Outcome =
  | { ok: true; days: KeptDay[]; fetchedAt: string; stale: string | null }
  | { ok: false; error: FanvueError; handle: string };

async function creatorSpans(ref: CreatorRef, spans: OffsetSpan[]): Promise<Outcome> {
  const client = clientForCreator(ref);
  const days: KeptDay[] = [];
  let fetchedAt = "";
  let stale: string | null = null;
  try {
    for (const span of spans) {
      const snap = await withSnapshot(
        `subscriber-trends:${ref.creator.id}:${span.startDate}:${span.endDate}`,
        async () =>
          (await getSubscriberCounts(client, span)).map((d): KeptDay => [
            d.date,
            d.newSubscribersCount,
            d.cancelledSubscribersCount,
          ]),
        { maxAgeMs: MAX_AGE_MS },
      );
      days.push(...snap.data);
      if (!fetchedAt || snap.fetchedAt < fetchedAt) fetchedAt = snap.fetchedAt;
      if (snap.stale) stale ??= snap.staleReason;
    }
  } catch (err) {
    if (err instanceof FanvueError) return { ok: false, error: err, handle: ref.creator.handle };
    throw err;
  }
  return { ok: true, days, fetchedAt, stale };
}

const reasonOf = (s: string) => (s === "reauth" ? "Fanvue access has ended; reconnect Fanvue" : s.replace(/\.$/, ""));

/** Fanvue's counts per local day, summed over the creators, and whether they are fresh, stale or missing. */
export async function fanvueDailyCounts(
  refs: CreatorRef[],
  spans: OffsetSpan[],
  tz: string,
): Promise<{ days: DayCounts; fanvue: FanvueState }> {
  const outcomes = await mapLimit(refs, CREATORS_AT_ONCE, (ref) => creatorSpans(ref, spans));
  const days: DayCounts = new Map();
  const failed = outcomes.find((o) => !o.ok);
  if (failed && !failed.ok) {
    const who = refs.length > 1 ? ` (@${failed.handle})` : "";
    const retrying = failed.error.isTransient || failed.error.kind === "bad_response";
    return { days, fanvue: { state: "unavailable", reason: `${reasonOf(failed.error.message)}${who}`, retrying } };
  }
  let fetchedAt = new Date().toISOString();
  let stale: string | null = null;
  for (const o of outcomes) {
    if (!o.ok) continue;
    if (o.fetchedAt && o.fetchedAt < fetchedAt) fetchedAt = o.fetchedAt;
    stale ??= o.stale;
    for (const [date, fanvueNew, cancelled] of o.days) {
      const day = localDate(Date.parse(date), tz);
      const d = days.get(day) ?? { fanvueNew: 0, cancelled: 0 };
      d.fanvueNew += fanvueNew;
      d.cancelled += cancelled;
      days.set(day, d);
    }
  }
  const fanvue: FanvueState =
    stale === null
      ? { state: "fresh", fetchedAt }
      : { state: "stale", fetchedAt, reason: reasonOf(stale), retrying: stale !== "reauth" };
  return { days, fanvue };
}
