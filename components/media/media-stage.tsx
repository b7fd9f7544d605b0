"use client";

import { AlertTriangle, FileText, Loader2, Music } from "lucide-react";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import type { MediaDetails, VaultItem } from "@/lib/schemas/media";
import { titleOf } from "./format";
import { RemoteImage } from "@/components/ui/remote-image";

type Props = {
  item: VaultItem;
  details: MediaDetails | undefined;
  /** Grid thumbnail shown (enlarged) while the main variant loads. */
  placeholderUrl: string | null;
  fanView: boolean;
  loading: boolean;
  error: string | null;
  /** Asks for fresh URLs (they expired, or the file failed to load). */
  onRefresh: () => void;
};

/** A file that fails to load is re-resolved once; a second failure of the same URL gives up. */
function useLoadRetry(uuid: string, shownUrl: string | null, onRefresh: () => void) {
  const [failedUrl, setFailedUrl] = useState<string | null>(null);
  const [gaveUp, setGaveUp] = useState(false);
  useEffect(() => setGaveUp(false), [uuid]);
  const onFail = () => {
    if (!shownUrl) return;
    if (failedUrl === shownUrl) return setGaveUp(true);
    setFailedUrl(shownUrl);
    onRefresh();
  };
  const retry = () => (setGaveUp(false), setFailedUrl(null), onRefresh());
  return { gaveUp, onFail, retry };
}

type Variant = NonNullable<MediaDetails["main"]>;

/** The loaded file itself: a video, audio, a document link or an image. */
function StageMedia({
  shown,
  type,
  fanView,
  title,
  placeholderUrl,
  onFail,
}: {
  shown: Variant;
  type: MediaDetails["mediaType"];
  fanView: boolean;
  title: string;
  placeholderUrl: string | null;
  onFail: () => void;
}) {
  if (!fanView && type === "video") {
    return (
      <video
        key={shown.url}
        src={shown.url}
        controls
        playsInline
        preload="metadata"
        poster={placeholderUrl ?? undefined}
        onError={onFail}
        className="size-full rounded-md bg-black object-contain"
        data-testid="preview-video"
      >
        <track kind="captions" />
      </video>
    );
  }
  if (!fanView && type === "audio") {
    return (
      <StageMessage
        icon={<Music className="size-10" />}
        text={title}
        action={<audio key={shown.url} src={shown.url} controls onError={onFail} data-testid="preview-audio" />}
      />
    );
  }
  if (!fanView && type === "document") {
    return (
      <StageMessage
        icon={<FileText className="size-10" />}
        text={title}
        action={
          <Button asChild variant="secondary" size="sm">
            <a href={shown.url} target="_blank" rel="noreferrer noopener">
              Open document
            </a>
          </Button>
        }
      />
    );
  }
  return (
    <RemoteImage
      key={shown.url}
      src={shown.url}
      alt={fanView ? `Blurred preview of ${title}` : title}
      width={shown.width ?? undefined}
      height={shown.height ?? undefined}
      onError={onFail}
      // The blurred variant is a tenth of the size: shown as large as the original would be.
      className={fanView ? "size-full rounded-md object-contain" : "max-h-full max-w-full rounded-md object-contain"}
      data-testid={fanView ? "preview-blurred" : "preview-image"}
    />
  );
}

/** The grid thumbnail, enlarged and blurred, with a spinner over it. */
function StageLoading({ placeholderUrl }: { placeholderUrl: string | null }) {
  return (
    <div className="relative flex size-full items-center justify-center" aria-busy="true">
      {placeholderUrl ? (
        <RemoteImage
          src={placeholderUrl}
          className="max-h-full max-w-full scale-100 object-contain opacity-60 blur-sm"
        />
      ) : null}
      <Loader2 className="absolute size-8 animate-spin text-white" aria-label="Loading" />
    </div>
  );
}

/** The main variant (or the blurred one fans see before buying). A file that
 * fails to load is re-resolved once, since its signed URL may have expired. */
export function MediaStage({ item, details, placeholderUrl, fanView, loading, error, onRefresh }: Props) {
  const main = details?.main ?? null;
  const shown = fanView ? (details?.blurred ?? null) : main;
  const { gaveUp, onFail, retry } = useLoadRetry(item.uuid, shown?.url ?? null, onRefresh);
  const title = titleOf(item);

  if (error)
    return (
      <StageMessage
        icon={<AlertTriangle className="size-8" />}
        text={error}
        action={
          <Button variant="secondary" size="sm" onClick={onRefresh}>
            Retry
          </Button>
        }
      />
    );
  if (item.status === "processing" || details?.status === "processing")
    return (
      <StageMessage icon={<Loader2 className="size-8 animate-spin" />} text="Fanvue is still processing this file." />
    );
  if (gaveUp)
    return (
      <StageMessage
        icon={<AlertTriangle className="size-8" />}
        text="This file could not be loaded."
        action={
          <Button variant="secondary" size="sm" onClick={retry}>
            Retry
          </Button>
        }
      />
    );
  if (loading || !details) return <StageLoading placeholderUrl={placeholderUrl} />;
  if (!shown) {
    return (
      <StageMessage
        icon={<AlertTriangle className="size-8" />}
        text={fanView ? "Fanvue has no blurred preview for this item." : "Fanvue sent no file for this item."}
      />
    );
  }
  return (
    <StageMedia
      shown={shown}
      type={details.mediaType}
      fanView={fanView}
      title={title}
      placeholderUrl={placeholderUrl}
      onFail={onFail}
    />
  );
}

function StageMessage({ icon, text, action }: { icon: React.ReactNode; text: string; action?: React.ReactNode }) {
  return (
    <div className="flex max-w-sm flex-col items-center gap-3 text-center text-white" role="status">
      <span className="opacity-80">{icon}</span>
      <p className="text-sm">{text}</p>
      {action}
    </div>
  );
}
