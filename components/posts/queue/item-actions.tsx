"use client";

import { MoreHorizontal } from "lucide-react";
import dynamic from "next/dynamic";
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { LazyMenu } from "@/components/ui/lazy-menu";
import { useOpenedOnce } from "@/components/layout/use-opened-once";
import { ApiClientError } from "@/lib/queries/fetcher";
import type { QueueItem } from "@/lib/schemas/post-views";
import type { Confirm } from "./item-menu";

// The menu (Radix dropdown) and the confirmation (dialog) load when first used, not with the
// posts page: most visits only read the queue.
const loadMenu = () => import("./item-menu").then((m) => m.ItemMenu);
const ConfirmDialog = dynamic(() => import("./item-menu").then((m) => m.ConfirmDialog), { ssr: false });

export type Notice = { tone: "info" | "danger"; text: string };
type Actions = { publishNow: (uuid: string) => Promise<unknown>; cancel: (uuid: string) => Promise<unknown> };

const messageOf = (e: unknown) => (e instanceof ApiClientError ? e.message : "Something went wrong. Try again.");

/** Edit, publish now, cancel: the last two ask first (they act on Fanvue at once). */
export function ItemActions({
  item,
  actions,
  onNotice,
}: {
  item: QueueItem;
  actions: Actions;
  onNotice: (n: Notice) => void;
}) {
  const [confirm, setConfirm] = useState<Confirm | null>(null);
  const [busy, setBusy] = useState(false);
  const asked = useOpenedOnce(confirm !== null);
  if (item.kind !== "post")
    return item.href ? (
      <Link href={item.href} className="text-sm font-medium text-brand-700 hover:underline">
        Open
      </Link>
    ) : null;
  const run = async () => {
    const what = confirm;
    setBusy(true);
    try {
      if (what === "publish") await actions.publishNow(item.id);
      else await actions.cancel(item.id);
      onNotice({
        tone: "info",
        text:
          what === "publish"
            ? `Published “${item.title}”.`
            : `Cancelled “${item.title}”. It is listed under Cancelled, where you can schedule it again.`,
      });
    } catch (e) {
      onNotice({ tone: "danger", text: messageOf(e) });
    } finally {
      setBusy(false);
      setConfirm(null);
    }
  };
  return (
    <>
      <LazyMenu
        load={loadMenu}
        trigger={
          <Button variant="ghost" size="sm" aria-label={`Actions for “${item.title}”`} data-testid="queue-item-actions">
            <MoreHorizontal className="size-4" aria-hidden="true" />
          </Button>
        }
        props={{ item, onConfirm: setConfirm }}
      />
      {asked ? (
        <ConfirmDialog
          item={item}
          confirm={confirm}
          busy={busy}
          onClose={() => setConfirm(null)}
          onRun={() => void run()}
        />
      ) : null}
    </>
  );
}
