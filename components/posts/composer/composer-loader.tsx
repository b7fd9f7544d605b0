"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { ApiClientError } from "@/lib/queries/fetcher";
import { postsApi, useDrafts } from "@/lib/queries/posts";
import { emptyForm, MAX_MEDIA } from "@/lib/schemas/posts-values";
import { Composer, type ComposerCreator, type ComposerInit } from "./composer";
import { formOfPost, newPublishKey } from "./form";
import { useViewer } from "@/components/viewer/viewer";
import { formatDateTime } from "@/lib/utils/time";

type Props = { creator: ComposerCreator; draftId: string | null; media: string[]; postUuid: string | null };

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function load(p: Props): Promise<ComposerInit> {
  if (p.postUuid) {
    const [post, { drafts }] = await Promise.all([
      postsApi.getPost(p.creator.id, p.postUuid),
      postsApi.listDrafts(p.creator.id, p.postUuid),
    ]);
    const d = drafts[0];
    if (d) return { form: d.form, draft: d, publishKey: d.publishKey, original: post, restored: true };
    return { form: formOfPost(post), draft: null, publishKey: newPublishKey(), original: post, restored: false };
  }
  if (p.draftId) {
    const d = await postsApi.getDraft(p.creator.id, p.draftId);
    return { form: d.form, draft: d, publishKey: d.publishKey, original: null, restored: true };
  }
  // From the vault's "Use in a post": ?media=uuid,uuid (bad ids dropped).
  const media = [...new Set(p.media.filter((u) => UUID_RE.test(u)))].slice(0, MAX_MEDIA);
  return {
    form: { ...emptyForm(), mediaUuids: media },
    draft: null,
    publishKey: newPublishKey(),
    original: null,
    restored: false,
  };
}

/** Other drafts of this author, to pick one up instead of starting over. */
function OtherDrafts({ creatorId, since }: { creatorId: string; since: number }) {
  const viewer = useViewer();
  const drafts = useDrafts(creatorId);
  const list = (drafts.data ?? []).filter((d) => !d.editOf && Date.parse(d.updatedAt) < since);
  if (!list.length) return null;
  return (
    <Card className="p-4" data-testid="other-drafts">
      <h2 className="text-sm font-semibold">Continue a draft</h2>
      <ul className="mt-2 flex flex-col divide-y divide-line">
        {list.slice(0, 5).map((d) => (
          <li key={d.id} className="flex items-center gap-3 py-2 text-sm">
            <span className="min-w-0 flex-1 truncate">
              {d.form.text.trim() ||
                `${d.form.mediaUuids.length} media item${d.form.mediaUuids.length === 1 ? "" : "s"}, no text`}
            </span>
            <span className="shrink-0 text-xs text-muted">{formatDateTime(d.updatedAt, viewer, "short")}</span>
            <Link
              className="shrink-0 font-medium text-brand-700 hover:underline"
              href={`/c/${creatorId}/posts/new?draft=${d.id}`}
            >
              Open
            </Link>
          </li>
        ))}
      </ul>
    </Card>
  );
}

export function ComposerLoader(p: Props) {
  const tz = useViewer().zone;
  const [init, setInit] = useState<ComposerInit | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const [openedAt] = useState(() => Date.now());
  const key = `${p.postUuid}|${p.draftId}|${p.media.join()}|${attempt}`;
  useEffect(() => {
    let live = true;
    setInit(null);
    setError(null);
    load(p).then(
      (i) => live && setInit(i),
      (e) => live && setError(e),
    );
    return () => void (live = false);
  }, [key]); // eslint-disable-line react-hooks/exhaustive-deps -- `key` covers the props used
  if (error instanceof ApiClientError && error.code === "not_found") {
    return (
      <Card className="p-6" data-testid="composer-gone">
        <h1 className="text-lg font-semibold">
          {p.postUuid ? "This post cannot be edited here" : "This draft is gone"}
        </h1>
        <p className="mt-1 text-sm text-muted">{error.message}</p>
        <div className="mt-4 flex gap-2">
          <Button asChild>
            <Link href={`/c/${p.creator.id}/posts/new`}>Write a new post</Link>
          </Button>
          <Button asChild variant="secondary">
            <Link href={`/c/${p.creator.id}/posts`}>Back to queue</Link>
          </Button>
        </div>
      </Card>
    );
  }
  if (error)
    return (
      <ErrorState
        error={error}
        what={p.postUuid ? "this post" : "this draft"}
        onRetry={() => setAttempt((a) => a + 1)}
      />
    );
  if (!init) {
    return (
      <div className="flex flex-col gap-4" aria-busy="true">
        <Skeleton className="h-8 w-48" />
        <Skeleton className="h-96 w-full" />
      </div>
    );
  }
  return (
    <Composer
      key={key}
      creator={p.creator}
      init={init}
      tz={tz}
      banner={!p.postUuid && !p.draftId ? <OtherDrafts creatorId={p.creator.id} since={openedAt} /> : null}
    />
  );
}
