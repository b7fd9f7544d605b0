"use client";

import { Dialog } from "@/components/ui/dialog";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { useFormat } from "@/components/viewer/viewer";
import { useAutomationPreview } from "@/lib/queries/automations";
import type { AutomationView } from "@/lib/schemas/automations";
import { formatCount } from "@/lib/utils/format";

/** "Who would receive this now": a count and a sample, before anything is sent. */
export function AutomationPreviewDialog(p: { creatorId: string; a: AutomationView; onClose: () => void }) {
  const q = useAutomationPreview(p.creatorId, p.a.id);
  const f = useFormat();
  const d = q.data;
  return (
    <Dialog open onOpenChange={(o) => !o && p.onClose()} title={`Who gets ${p.a.name}`} testId="automation-preview">
      <div className="mt-3 flex flex-col gap-3 text-sm">
        {q.isPending ? <Skeleton className="h-24 rounded-xl" /> : null}
        {q.isError ? <ErrorState error={q.error} onRetry={() => void q.refetch()} what="the preview" /> : null}
        {d ? (
          <>
            <p data-testid="preview-count">
              {d.basis === "now"
                ? `${formatCount(d.count)} ${d.count === 1 ? "fan matches" : "fans match"} now.`
                : `In the last 7 days it would have fired for ${formatCount(d.count)} ${d.count === 1 ? "fan" : "fans"}.`}{" "}
              <span className="text-muted">
                The chat rules (recent writing, a waiting fan, caps, quiet hours) are checked when each send is due.
                {d.asOf ? ` Data as of ${f.ago(d.asOf)}.` : ""}
              </span>
            </p>
            <ul className="flex flex-col divide-y divide-line rounded-xl border border-line">
              {d.sample.map((s) => (
                <li key={s.uuid} className="flex flex-col px-3 py-2">
                  <span className="font-medium">{s.name ?? (s.handle ? `@${s.handle}` : "A fan")}</span>
                  <span className="text-xs text-muted">{s.why}</span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
    </Dialog>
  );
}
