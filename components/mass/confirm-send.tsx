"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useCampaignMutations, useEstimate } from "@/lib/queries/mass-messages";
import type { CampaignView, ListsView } from "@/lib/schemas/mass-messages";
import { formatCount, formatMoney } from "@/lib/utils/format";
import { listNames } from "./format";
import type { Draft } from "./mass-composer";
import { useFormat } from "@/components/viewer/viewer";

type Props = {
  creatorId: string;
  review: { key: string; draft: Draft } | null;
  lists: ListsView | undefined;
  onClose: () => void;
  onCreated: (c: CampaignView) => void;
};

/** The last look before sending to many fans: who, how many, price, when. */
export function ConfirmSend({ creatorId, review, lists, onClose, onCreated }: Props) {
  const f = useFormat();
  const { create } = useCampaignMutations(creatorId);
  const d = review?.draft;
  const est = useEstimate(
    creatorId,
    d?.included ?? { smart: [], custom: [] },
    d?.excluded ?? { smart: [], custom: [] },
    d?.holdoutPercent ?? 0,
  );
  const count = est.data?.count;
  const receive = count === null || count === undefined ? null : count - (est.data?.heldOut ?? 0);
  const rows: [string, string][] = d
    ? [
        ["To", listNames(d.included, lists)],
        ["Leaving out", d.excluded.smart.length + d.excluded.custom.length ? listNames(d.excluded, lists) : "Nobody"],
        ["Recipients", receive === null ? (est.isFetching ? "Counting…" : "—") : `about ${formatCount(receive)}`],
        [
          "Hold-out",
          d.holdoutPercent
            ? `${d.holdoutPercent} %${est.data?.heldOut ? ` (${formatCount(est.data.heldOut)} fans)` : ""}`
            : "None",
        ],
        ["Price", d.price === null ? "Free" : `${formatMoney(d.price)} to unlock`],
        ["When", d.scheduledAt ? f.dateTime(d.scheduledAt) : "Now"],
      ]
    : [];
  return (
    <Dialog
      open={review !== null}
      onOpenChange={(o) => !o && !create.isPending && onClose()}
      title={d?.scheduledAt ? "Schedule this mass message?" : "Send this mass message?"}
      size="md"
      testId="mass-confirm"
    >
      <div className="flex flex-col gap-4">
        {d?.text ? <p className="rounded-lg bg-canvas px-3 py-2 text-sm whitespace-pre-wrap">{d.text}</p> : null}
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
          {rows.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="text-muted">{k}</dt>
              <dd className="font-medium">{v}</dd>
            </div>
          ))}
        </dl>
        {create.isError ? (
          <Alert tone="danger" title="Not sent" data-testid="mass-confirm-error">
            {create.error.message}
          </Alert>
        ) : null}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose} disabled={create.isPending}>
            Back
          </Button>
          <Button
            disabled={create.isPending || !review}
            data-testid="mass-confirm-send"
            onClick={() =>
              review && create.mutate({ idempotencyKey: review.key, ...review.draft }, { onSuccess: onCreated })
            }
          >
            {create.isPending ? "Recording…" : d?.scheduledAt ? "Schedule" : "Send"}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
