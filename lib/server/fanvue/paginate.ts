import "server-only";

// Async iterators over Fanvue's two pagination styles (contract §2.2). They
// yield whole pages so callers (sync jobs) can checkpoint between pages.

export type PageStyle<T> = { data: T[]; pagination: { page: number; size: number; hasMore: boolean } };
export type CursorStyle<T> = { data: T[]; nextCursor: string | null };

/** page=1,2,… until `hasMore` is false (or a page comes back empty). */
export async function* pages<T>(
  fetchPage: (page: number) => Promise<PageStyle<T>>,
  startPage = 1,
): AsyncGenerator<{ page: number; items: T[] }> {
  for (let page = startPage; ; page++) {
    const res = await fetchPage(page);
    yield { page, items: res.data };
    if (!res.pagination.hasMore || res.data.length === 0) return;
  }
}

/** Follows nextCursor until it is null. `startCursor` resumes a stopped run. */
export async function* cursorPages<T>(
  fetchPage: (cursor: string | undefined) => Promise<CursorStyle<T>>,
  startCursor?: string,
): AsyncGenerator<{ cursor: string | undefined; nextCursor: string | null; items: T[] }> {
  let cursor = startCursor;
  for (;;) {
    const res = await fetchPage(cursor);
    yield { cursor, nextCursor: res.nextCursor, items: res.data };
    if (!res.nextCursor || res.data.length === 0) return;
    cursor = res.nextCursor;
  }
}

/** Collects every item (for small lists only: lists, folders, creators). */
export async function collect<T>(it: AsyncGenerator<{ items: T[] }>, max = 10_000): Promise<T[]> {
  const out: T[] = [];
  for await (const p of it) {
    out.push(...p.items);
    if (out.length >= max) break;
  }
  return out;
}
