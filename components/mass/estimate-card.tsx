"use client";

import { Users } from "lucide-react";
import { useEffect, useState } from "react";
import { useEstimate } from "@/lib/queries/mass-messages";
import type { ListRefsInput } from "@/lib/schemas/mass-messages";
import { formatCount } from "@/lib/utils/format";

/** Lists settle this long before the estimate is asked for (each read may
 * cost Fanvue calls). */
const DEBOUNCE_MS = 400;

function useDebounced<T>(v: T, ms: number) {
  const [d, setD] = useState(v);
  useEffect(() => {
    const t = setTimeout(() => setD(v), ms);
    return () => clearTimeout(t);
  }, [v, ms]);
  return d;
}

/** "≈ 312 fans will receive it", before sending. */
export function EstimateCard({
  creatorId,
  included,
  excluded,
  holdout,
}: {
  creatorId: string;
  included: ListRefsInput;
  excluded: ListRefsInput;
  holdout: number;
}) {
  const args = useDebounced(JSON.stringify([included, excluded, holdout]), DEBOUNCE_MS);
  const [inc, exc, h] = JSON.parse(args) as [ListRefsInput, ListRefsInput, number];
  const q = useEstimate(creatorId, inc, exc, h);
  const none = included.smart.length + included.custom.length === 0;
  const e = q.data;
  const receive = e?.count === null || e?.count === undefined ? null : e.count - (e.heldOut ?? 0);
  return (
    <div
      className="flex items-start gap-3 rounded-xl border border-line bg-canvas px-4 py-3"
      data-testid="estimate"
      aria-live="polite"
    >
      <Users className="mt-0.5 size-5 text-muted" aria-hidden="true" />
      <div className="text-sm">
        {none ? (
          <p className="text-muted">Choose who receives it to see how many fans that is.</p>
        ) : q.isError ? (
          <p className="text-red-700">Could not estimate: {q.error.message}</p>
        ) : !e || q.isFetching ? (
          <p className="text-muted">Counting recipients…</p>
        ) : e.count === null ? (
          <p>
            Up to <strong className="tabular">{formatCount(e.upperBound)}</strong> fans (too many to count exactly
            here).
          </p>
        ) : (
          <>
            <p>
              About{" "}
              <strong className="tabular" data-testid="estimate-count">
                {formatCount(receive!)}
              </strong>{" "}
              fans will receive it
            </p>
            {e.heldOut ? (
              <p className="text-muted" data-testid="estimate-holdout">
                {formatCount(e.heldOut)} of {formatCount(e.count)} kept out as the hold-out group
              </p>
            ) : null}
            <p className="text-xs text-muted">Fans Fanvue does not allow messaging are skipped.</p>
          </>
        )}
      </div>
    </div>
  );
}
