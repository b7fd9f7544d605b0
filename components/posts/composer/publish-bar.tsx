"use client";

import { Loader2, Send } from "lucide-react";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import type { PostView } from "@/lib/schemas/post-views";
import { publishAction } from "./publish-action";
import type { SendProblem } from "./use-publish";
import { useViewer } from "@/components/viewer/viewer";

type Props = {
  mode: "create" | "edit";
  original: PostView | null;
  /** "Publish now" or "Schedule" as chosen in the form (its time may still be missing). */
  schedule: "now" | "later";
  publishAt: string | null;
  errorCount: number;
  sending: boolean;
  problem: SendProblem;
  onPublish: () => void;
  onPublishAgain: () => void;
};

function Countdown({ seconds }: { seconds: number }) {
  const [left, setLeft] = useState(seconds);
  useEffect(() => {
    if (left <= 0) return;
    const t = setTimeout(() => setLeft((l) => l - 1), 1000);
    return () => clearTimeout(t);
  }, [left]);
  return left > 0 ? <> Try again in {left} s.</> : null;
}

/** The main button says exactly what will happen; on phones it stays at the bottom of the screen. */
export function PublishBar(p: Props) {
  const mode = p.original?.cancelledAt ? "restore" : p.mode;
  const viewer = useViewer();
  const action = publishAction({
    mode,
    schedule: p.schedule,
    publishAt: p.publishAt,
    wasScheduled: Boolean(p.original && !p.original.publishedAt),
    viewer,
  });
  return (
    // On phones it takes the tab bar's place (app-shell.tsx).
    <div
      data-replaces-tabs
      className="fixed inset-x-0 bottom-0 z-30 flex flex-col gap-2 border-t border-line bg-surface/95 p-3 shadow-[0_-4px_12px_rgba(0,0,0,0.06)] backdrop-blur lg:static lg:rounded-xl lg:border lg:p-4 lg:shadow-sm"
    >
      {p.problem ? (
        <div role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="publish-problem">
          {p.problem.message}
          {p.problem.retryAfterSec ? <Countdown seconds={p.problem.retryAfterSec} /> : null}
          {p.problem.kind === "unknown" ? (
            <Button size="sm" variant="secondary" className="mt-2" onClick={p.onPublishAgain}>
              It is not there: post again
            </Button>
          ) : null}
        </div>
      ) : null}
      {action.problem ? (
        <p
          className="text-sm text-red-700"
          role="alert"
          id="publish-action-problem"
          data-testid="publish-action-problem"
        >
          {action.problem}
        </p>
      ) : null}
      {p.errorCount ? (
        <p className="text-xs text-red-700" data-testid="error-summary">
          {p.errorCount === 1
            ? "1 thing to fix before publishing."
            : `${p.errorCount} things to fix before publishing.`}
        </p>
      ) : null}
      <Button
        size="lg"
        onClick={p.onPublish}
        disabled={p.sending || action.disabled}
        aria-busy={p.sending}
        aria-describedby={action.problem ? "publish-action-problem" : undefined}
        data-testid="publish-button"
        className="w-full"
      >
        {p.sending ? (
          <Loader2 className="size-4 animate-spin" aria-hidden="true" />
        ) : (
          <Send className="size-4" aria-hidden="true" />
        )}
        {p.sending ? "Sending to Fanvue…" : action.label}
      </Button>
    </div>
  );
}
