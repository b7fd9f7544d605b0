import "server-only";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";

/** Server-renders a page's first screen: the queries `prefetch` fills are
 * sent with the HTML (streamed inside the page's Suspense boundary), so a
 * phone shows content before its JavaScript has started or made a single API
 * call, and the client's first render finds them fresh (staleTime) instead
 * of asking again. Use the same query keys and the same server functions as
 * the API routes the client calls. A failed prefetch is left out (dehydrate
 * keeps only successful queries): the client then asks itself and shows the
 * error with its retry, exactly as without prefetching. */
export async function Prefetched({
  prefetch,
  children,
}: {
  prefetch: (qc: QueryClient) => Promise<unknown>;
  children: ReactNode;
}) {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 30_000 } } });
  await prefetch(qc).catch(() => undefined);
  return <HydrationBoundary state={dehydrate(qc)}>{children}</HydrationBoundary>;
}
