"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { ApiClientError } from "@/lib/queries/fetcher";
import { sentences } from "@/lib/utils/sentences";
import { useFormat } from "@/components/viewer/viewer";

/** 20 s before a failed read is tried again by itself: long enough for a rate
 * window or a Fanvue hiccup to pass, short enough to feel live. */
const AUTO_RETRY_SEC = 20;

/** Failures that can heal by themselves, and when to try again (seconds; 0: never by itself). */
function autoRetrySec(e: ApiClientError | null): number {
  if (!e) return 0;
  // Waits the server named (Fanvue's refill, our database coming back).
  if (e.code === "rate_limited" || e.code === "unavailable") return Math.max(1, e.retryAfterSec ?? AUTO_RETRY_SEC);
  // Fanvue slow or failing, Vuedeck unreachable: shown at once, retried with a countdown.
  if (e.code === "upstream_unavailable" || e.code === "upstream_error" || e.code === "network") return AUTO_RETRY_SEC;
  return 0;
}

/** Counts down to the next automatic try of `error` and runs it; a new error starts a new countdown. */
function useAutoRetry(error: unknown, onRetry: () => void) {
  const e = error instanceof ApiClientError ? error : null;
  const countdown = autoRetrySec(e);
  const [wait, setWait] = useState(countdown);
  const [shown, setShown] = useState(error);
  if (shown !== error) {
    setShown(error);
    setWait(countdown);
  }
  const retry = useRef(onRetry);
  useEffect(() => {
    retry.current = onRetry;
  }, [onRetry]);
  useEffect(() => {
    if (wait <= 0) return;
    const t = setTimeout(() => {
      if (wait === 1) retry.current();
      setWait(wait - 1);
    }, 1000);
    return () => clearTimeout(t);
  }, [wait]);
  return { e, wait };
}

/** The headline of a failure, in our words. */
function titleOf(e: ApiClientError | null, what: string, settled: boolean) {
  if (e?.code === "rate_limited") return "Fanvue's rate limit: waiting for it to refill";
  if (e?.code === "upstream_unavailable" || e?.code === "upstream_error") return "Fanvue is not answering right now";
  if (e?.code === "network") return "Vuedeck could not be reached";
  if (e?.code === "unavailable") return "Vuedeck is unavailable for a moment";
  return settled ? `${what.charAt(0).toUpperCase()}${what.slice(1)} not available` : `Could not load ${what}`;
}

/** "Retrying in 18 s" and "Retry now" (a rate limit cannot be hurried: its button waits). */
function RetryAction({ e, wait, onRetry }: { e: ApiClientError | null; wait: number; onRetry: () => void }) {
  const limited = e?.code === "rate_limited";
  return (
    <span className="inline-flex items-center gap-2">
      {wait > 0 && !limited ? (
        <span className="tabular text-xs whitespace-nowrap" data-testid="retry-countdown">
          Retrying in {wait} s
        </span>
      ) : null}
      <Button size="sm" variant="secondary" onClick={onRetry} disabled={limited && wait > 0}>
        {limited && wait > 0 ? `Retrying in ${wait} s` : wait > 0 ? "Retry now" : "Retry"}
      </Button>
    </span>
  );
}

/** Failure of a data widget: what happened, and a retry (counting down and
 * trying again by itself when the failure can heal). Never a blank area or a misleading zero. */
export function ErrorState({ error, onRetry, what }: { error: unknown; onRetry: () => void; what: string }) {
  const { e, wait } = useAutoRetry(error, onRetry);
  if (e?.code === "fanvue_reauth") {
    return (
      <Alert tone="warning" title="Reconnect Fanvue to see this">
        {e.message}
      </Alert>
    );
  }
  // Fanvue answered and said no (not offered, not allowed, no such item):
  // the same request will get the same answer, so no "Retry" — the message
  // says what is missing and the rest of the page goes on.
  const settled = e !== null && !e.isTransient && e.code !== "unauthorized";
  return (
    <Alert
      tone={e?.code === "rate_limited" || settled ? "warning" : "danger"}
      title={titleOf(e, what, settled)}
      data-testid="error-state"
      data-code={e?.code}
      action={settled ? undefined : <RetryAction e={e} wait={wait} onRetry={onRetry} />}
    >
      {e?.message ?? "Something went wrong."}
    </Alert>
  );
}

/** A refresh failed while earlier data stays on screen: one line above it,
 * with the data's age and the countdown to the next try. */
export function RefreshError(p: {
  error: unknown;
  onRetry: () => void;
  what: string;
  /** When the data shown was fetched (ms); 0: unknown. */
  updatedAt: number;
}) {
  const f = useFormat();
  const { e, wait } = useAutoRetry(p.error, p.onRetry);
  if (e?.code === "fanvue_reauth") return null; // The page's reconnect banner says it.
  const age = p.updatedAt ? `Showing ${p.what} from ${f.ago(new Date(p.updatedAt).toISOString())}.` : null;
  return (
    <Alert
      tone="warning"
      title={`Could not refresh ${p.what}`}
      data-testid="refresh-error"
      data-code={e?.code}
      action={<RetryAction e={e} wait={wait} onRetry={p.onRetry} />}
    >
      {sentences(e?.message ?? "Something went wrong.", age)}
    </Alert>
  );
}

type Loadable<T> = {
  isPending: boolean;
  data: T | undefined;
  error: unknown;
  refetch: () => unknown;
  isFetching?: boolean;
  dataUpdatedAt?: number;
};

/** A report's body: the message of a refused input (a 400 names its field), a skeleton while the first answer
 * loads, the error with its retry when there is nothing to show, else the data (with a note when its refresh failed). */
export function QueryBody<T>(p: {
  q: Loadable<T>;
  what: string;
  /** The skeleton's height class, close to the loaded body's so nothing jumps. */
  height: string;
  children: (data: T) => ReactNode;
}) {
  const bad = p.q.error instanceof ApiClientError && p.q.error.status === 400 ? p.q.error : null;
  return (
    <>
      {bad ? (
        <p className="text-sm text-red-700" role="alert" data-testid="input-error">
          {bad.message}
        </p>
      ) : null}
      {p.q.isPending ? (
        <Skeleton className={`${p.height} rounded-xl`} />
      ) : p.q.data === undefined ? (
        <ErrorState error={p.q.error} onRetry={() => void p.q.refetch()} what={p.what} />
      ) : (
        <>
          {p.q.error && !bad && !p.q.isFetching ? <KeptData q={p.q} what={p.what} /> : null}
          {p.children(p.q.data)}
        </>
      )}
    </>
  );
}

function KeptData<T>({ q, what }: { q: Loadable<T>; what: string }) {
  return <RefreshError error={q.error} onRetry={() => void q.refetch()} what={what} updatedAt={q.dataUpdatedAt ?? 0} />;
}
