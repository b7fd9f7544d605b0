"use client";

import { ListMembershipMenu } from "@/components/chats/list-membership";
import { Crown, MessageCircle, UserX, X } from "lucide-react";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { ApiClientError } from "@/lib/queries/fetcher";
import { useFanPanel } from "@/lib/queries/fans";
import type { FanPanel as Panel } from "@/lib/schemas/fans";
import { FanNotes } from "./fan-notes";
import { FanSpending } from "./fan-spending";
import { FanTags } from "./fan-tags";
import { fanName, statusLabel, statusTone } from "./format";
import { useFormat } from "@/components/viewer/viewer";

type Props = {
  creatorId: string;
  fanUuid: string;
  /** Notes and tags can be edited (the role's fans:write). */
  canWrite?: boolean;
  /** Show "Message" (the role reads chats, and the panel is not beside the chat already). */
  canMessage?: boolean;
  onClose?: () => void;
  /** Who the fan is, when the caller already knows (e.g. a chat row) and
   * Vuedeck has not seen them in the creator's lists (expired subscribers). */
  known?: KnownFan | null;
};

export type KnownFan = { handle: string; displayName: string | null; avatarUrl: string | null; isTopSpender?: boolean };

/** Everything about one fan of one creator: status, spend by source, largest
 * payment, last purchase, renewal (with the data's age), notes and tags.
 * Self-contained (it loads its own data) so the fans table and the chat
 * inbox can both place it. */
export function FanPanel({ creatorId, fanUuid, canWrite = false, canMessage = false, onClose, known }: Props) {
  const { data, error, isPending, refetch } = useFanPanel(creatorId, fanUuid);
  return (
    <section className="flex h-full flex-col" aria-label="Fan details" data-testid="fan-panel">
      {isPending ? (
        <PanelSkeleton onClose={onClose} />
      ) : !data ? (
        <div className="flex flex-col gap-4 p-5">
          <Close onClose={onClose} />
          {error instanceof ApiClientError && error.code === "not_found" ? (
            // The server's words: "Not a fan of @x: …" or "Not visible to this account."
            <Alert
              tone="warning"
              data-testid="not-a-fan"
              title={
                <span className="flex items-start gap-2">
                  <UserX className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
                  {error.message}
                </span>
              }
            />
          ) : (
            <ErrorState error={error} onRetry={() => void refetch()} what="this fan" />
          )}
        </div>
      ) : (
        <Loaded
          creatorId={creatorId}
          fanUuid={fanUuid}
          data={data}
          canWrite={canWrite}
          canMessage={canMessage}
          onClose={onClose}
          known={known}
        />
      )}
    </section>
  );
}

function Close({ onClose }: { onClose?: () => void }) {
  if (!onClose) return null;
  return (
    <button
      type="button"
      onClick={onClose}
      className="ml-auto rounded-lg p-1.5 text-muted hover:bg-black/5 hover:text-ink touch:p-3"
      aria-label="Close fan details"
    >
      <X className="size-5" aria-hidden="true" />
    </button>
  );
}

/** Opens the chat with this fan in the inbox; Fanvue's chat is created by the first message if there is none yet. */
function MessageButton({ creatorId, fanUuid, name }: { creatorId: string; fanUuid: string; name: string }) {
  return (
    <Button asChild size="sm" className="mt-2" data-testid="fan-message">
      <Link href={`/c/${creatorId}/chats?chat=${encodeURIComponent(fanUuid)}`} aria-label={`Message ${name}`}>
        <MessageCircle className="size-4" aria-hidden="true" /> Message
      </Link>
    </Button>
  );
}

function Loaded({
  creatorId,
  fanUuid,
  data,
  canWrite,
  canMessage,
  onClose,
  known,
}: {
  creatorId: string;
  fanUuid: string;
  data: Panel;
  canWrite: boolean;
  canMessage: boolean;
  onClose?: () => void;
  known?: KnownFan | null;
}) {
  const fmt = useFormat();
  const f =
    data.fan ??
    (known
      ? {
          uuid: fanUuid,
          handle: known.handle,
          displayName: known.displayName,
          avatarUrl: known.avatarUrl,
          isTopSpender: known.isTopSpender ?? false,
        }
      : null);
  // Fanvue's insight, else the list the roster last saw the fan in.
  const status =
    data.insight.data?.status ??
    (data.fan?.list === "subscribers" ? "subscriber" : data.fan?.list === "followers" ? "follower" : undefined);
  const name = f ? fanName(f) : `Fan ${fanUuid.slice(0, 8)}`;
  return (
    <div className="flex flex-col gap-5 overflow-y-auto p-5">
      <header className="flex items-start gap-3">
        <Avatar src={f?.avatarUrl} name={f?.displayName ?? f?.handle ?? "?"} size="lg" />
        <div className="min-w-0 flex-1">
          <h2 className="truncate text-lg font-semibold" data-testid="fan-panel-name">
            {name}
          </h2>
          <p className="truncate text-sm text-muted">{f?.handle ? `@${f.handle}` : fanUuid}</p>
          {data.fan?.registeredAt || data.fan?.firstSeenAt ? (
            <p className="text-xs text-muted" data-testid="fan-seen">
              {[
                data.fan.registeredAt ? `On Fanvue since ${fmt.date(data.fan.registeredAt)}` : null,
                data.fan.firstSeenAt ? `first seen ${fmt.ago(data.fan.firstSeenAt)}` : null,
              ]
                .filter(Boolean)
                .join(" · ")}
            </p>
          ) : null}
          <p className="mt-1.5 flex flex-wrap gap-1.5">
            {status ? (
              <Badge tone={statusTone(status)} data-testid="fan-status">
                {statusLabel(status)}
              </Badge>
            ) : null}
            {f?.isTopSpender ? (
              <Badge tone="warning">
                <Crown className="size-3" aria-hidden="true" /> Top spender
              </Badge>
            ) : null}
          </p>
          {canMessage ? <MessageButton creatorId={creatorId} fanUuid={fanUuid} name={name} /> : null}
        </div>
        <Close onClose={onClose} />
      </header>
      <FanSpending panel={data} />
      <FanTags creatorId={creatorId} fanUuid={fanUuid} tags={data.tags} canWrite={canWrite} />
      {/* Custom lists (mass-message audiences): add or remove this fan. */}
      <ListMembershipMenu creatorId={creatorId} fanUuid={fanUuid} canWrite={canWrite} />
      <FanNotes creatorId={creatorId} fanUuid={fanUuid} notes={data.notes} canWrite={canWrite} />
    </div>
  );
}

function PanelSkeleton({ onClose }: { onClose?: () => void }) {
  return (
    <div className="flex flex-col gap-5 p-5" aria-busy="true" aria-label="Loading fan">
      <div className="flex items-center gap-3">
        <Skeleton className="size-14 rounded-full" />
        <div className="flex flex-1 flex-col gap-2">
          <Skeleton className="h-5 w-40" />
          <Skeleton className="h-4 w-24" />
        </div>
        <Close onClose={onClose} />
      </div>
      <Skeleton className="h-40 rounded-xl" />
      <Skeleton className="h-24 rounded-xl" />
    </div>
  );
}
