/** A live Fanvue read as our API returns it: fresh, or the last good answer
 * (stale) while Fanvue fails, with its age. */
export type Snapshot<T> =
  { data: T; fetchedAt: string; stale: false } | { data: T; fetchedAt: string; stale: true; staleReason: string };
