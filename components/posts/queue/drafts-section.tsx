"use client";

import { FileText, Trash2 } from "lucide-react";
import Link from "next/link";
import { useQueryClient } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { postKeys, postsApi, useDrafts } from "@/lib/queries/posts";
import { formatDateTime } from "@/lib/utils/time";
import { useViewer } from "@/components/viewer/viewer";

/** The signed-in author's drafts for this creator (nobody else sees them). */
export function DraftsSection({ creatorId }: { creatorId: string }) {
  const viewer = useViewer();
  const drafts = useDrafts(creatorId);
  const qc = useQueryClient();
  const list = drafts.data ?? [];
  if (!list.length) return null;
  const discard = async (id: string) => {
    await postsApi.deleteDraft(creatorId, id);
    await qc.invalidateQueries({ queryKey: postKeys.drafts(creatorId) });
  };
  return (
    <section className="flex flex-col gap-2" aria-labelledby="drafts-heading" data-testid="drafts-section">
      <h2 id="drafts-heading" className="flex items-center gap-2 text-lg font-semibold">
        <FileText className="size-5 text-brand-700" aria-hidden="true" /> Your drafts{" "}
        <span className="text-sm font-normal text-muted">({list.length})</span>
      </h2>
      <ul className="divide-y divide-line rounded-xl border border-line bg-surface shadow-sm">
        {list.map((d) => (
          <li key={d.id} className="flex items-center gap-3 px-4 py-2.5 text-sm" data-testid="draft-item">
            <Link
              href={d.editOf ? `/c/${creatorId}/posts/${d.editOf}/edit` : `/c/${creatorId}/posts/new?draft=${d.id}`}
              className="min-w-0 flex-1 truncate font-medium hover:underline"
            >
              {d.editOf ? "Unsaved edit: " : ""}
              {d.form.text.trim().split("\n")[0] ||
                `${d.form.mediaUuids.length} media item${d.form.mediaUuids.length === 1 ? "" : "s"}, no text`}
            </Link>
            <span className="hidden shrink-0 text-xs text-muted sm:inline">{formatDateTime(d.updatedAt, viewer)}</span>
            <Button variant="ghost" size="sm" onClick={() => void discard(d.id)} aria-label="Discard draft">
              <Trash2 className="size-4" aria-hidden="true" />
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
