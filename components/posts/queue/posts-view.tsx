"use client";

import { PenSquare, X } from "lucide-react";
import Link from "next/link";
import { useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useQueue } from "@/lib/queries/posts";
import { formatWhen } from "@/lib/utils/time";
import { DraftsSection } from "./drafts-section";
import { HistorySection } from "./history-section";
import type { Notice } from "./item-actions";
import { QueueSection } from "./queue-section";
import { useViewer } from "@/components/viewer/viewer";
import { oneOf, text, urlSchema } from "@/lib/url-state/fields";
import { useUrlState } from "@/lib/url-state/use-url-state";
import type { Viewer } from "@/lib/utils/time";

type Props = { creatorId: string; handle: string; canWrite: boolean };

/** The page's URL: the queue's view, and what the composer just did (?done=&action=). */
const postsUrlSchema = urlSchema({
  view: oneOf(["list", "week"], "list"),
  done: text({ max: 100 }),
  action: oneOf(["published", "saved", "rescheduled", "scheduled"]),
});

/** Success notes fade after 8 s; errors stay until dismissed. */
const NOTICE_MS = 8_000;

/** What the composer just did, from the URL it sent us to (?done=&action=). */
function useDoneNotice(
  creatorId: string,
  viewer: Viewer,
  done: string | undefined,
  action: string | undefined,
): Notice | null {
  const item = useQueue(creatorId).data?.items.find((i) => i.id === done);
  if (!done || !action) return null;
  if (action === "published") return { tone: "info", text: "Published on Fanvue." };
  if (action === "saved") return { tone: "info", text: "Changes saved on Fanvue." };
  const when = item ? formatWhen(item.at, viewer) : null;
  if (action === "rescheduled") return { tone: "info", text: when ? `Saved. It goes out ${when}.` : "Saved." };
  return { tone: "info", text: when ? `Scheduled for ${when}.` : "Scheduled." };
}

export function PostsView({ creatorId, handle, canWrite }: Props) {
  const viewer = useViewer();
  const tz = viewer.zone;
  const { state: url, update } = useUrlState(postsUrlSchema);
  const view = url.view;
  const done = useDoneNotice(creatorId, viewer, url.done, url.action);
  const [notice, setNotice] = useState<Notice | null>(null);
  const shown = notice ?? done;
  useEffect(() => {
    if (notice?.tone !== "info") return;
    const t = setTimeout(() => setNotice(null), NOTICE_MS);
    return () => clearTimeout(t);
  }, [notice]);
  const setView = (v: "list" | "week") => update({ view: v });
  const dismiss = () => {
    setNotice(null);
    if (done) update({ done: undefined, action: undefined });
  };
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold tracking-tight">Posts</h1>
          <p className="mt-1 text-sm text-muted">
            What goes out on @{handle}&apos;s profile and when, in your time zone ({tz}).
          </p>
        </div>
        {canWrite ? (
          <Button asChild>
            <Link href={`/c/${creatorId}/posts/new`} data-testid="new-post">
              <PenSquare className="size-4" aria-hidden="true" /> New post
            </Link>
          </Button>
        ) : null}
      </div>
      {shown ? (
        <Alert
          tone={shown.tone}
          title={shown.tone === "danger" ? "Not done" : "Done"}
          data-testid="posts-notice"
          action={
            <button type="button" className="rounded-md p-1 hover:bg-black/5" onClick={dismiss} aria-label="Dismiss">
              <X className="size-4" aria-hidden="true" />
            </button>
          }
        >
          {shown.text}
        </Alert>
      ) : null}
      {canWrite ? <DraftsSection creatorId={creatorId} /> : null}
      <QueueSection
        creatorId={creatorId}
        handle={handle}
        tz={tz}
        canWrite={canWrite}
        view={view}
        onView={setView}
        highlight={url.done ?? null}
        onNotice={setNotice}
      />
      <HistorySection creatorId={creatorId} tz={tz} />
    </div>
  );
}
