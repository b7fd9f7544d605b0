"use client";

import { Pencil } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { useFormat, useViewer } from "@/components/viewer/viewer";
import { ApiClientError } from "@/lib/queries/fetcher";
import { useSetTrackingLinkCost } from "@/lib/queries/tracking-links";
import type { TrackingLinkRow } from "@/lib/schemas/tracking-links";
import { centsToDecimal, formatMoney, parseMoney } from "@/lib/utils/money";

type Props = { creatorId: string; link: TrackingLinkRow };

/** The cost as read-only text, with who set it. */
export function CostText({ link }: { link: TrackingLinkRow }) {
  const f = useFormat();
  if (!link.cost) return <span className="text-muted">—</span>;
  return (
    <span
      className="font-medium"
      title={[link.cost.note, link.cost.setBy ? `set by ${link.cost.setBy} ${f.ago(link.cost.setAt)}` : null]
        .filter(Boolean)
        .join(" · ")}
      data-testid="link-cost"
    >
      {formatMoney(link.cost.cents)}
    </span>
  );
}

/** Click the cost (or "Add cost") to type it in place: any form parseMoney reads; empty clears it. */
export function CostEditor({ creatorId, link }: Props) {
  const [editing, setEditing] = useState(false);
  if (!editing)
    return (
      <Button
        size="sm"
        variant="ghost"
        className="h-7 px-2"
        onClick={() => setEditing(true)}
        data-testid="link-cost-edit"
      >
        {/* The name read out holds the visible words (WCAG 2.5.3), then says which link. */}
        {link.cost ? (
          <>
            <span className="sr-only">Edit cost of {link.name}: </span>
            <CostText link={link} />
          </>
        ) : (
          <span className="text-brand-700">
            Add cost<span className="sr-only"> for {link.name}</span>
          </span>
        )}
        <Pencil className="size-3 text-muted" aria-hidden="true" />
      </Button>
    );
  return <CostForm creatorId={creatorId} link={link} onDone={() => setEditing(false)} />;
}

function CostForm({ creatorId, link, onDone }: Props & { onDone: () => void }) {
  const { locale } = useViewer();
  const [amount, setAmount] = useState(link.cost ? centsToDecimal(link.cost.cents) : "");
  const [note, setNote] = useState(link.cost?.note ?? "");
  const [error, setError] = useState<string | null>(null);
  const save = useSetTrackingLinkCost(creatorId);
  const submit = () => {
    const parsed = amount.trim() === "" ? { cents: null } : parseMoney(amount, locale);
    if ("error" in parsed) return setError(parsed.error);
    setError(null);
    save.mutate(
      { linkUuid: link.uuid, body: { costCents: parsed.cents, note: note.trim() || null } },
      { onSuccess: onDone },
    );
  };
  const server = save.error instanceof ApiClientError ? save.error.message : null;
  return (
    <form
      className="ml-auto flex w-44 flex-col items-stretch gap-1 text-left whitespace-normal"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      onKeyDown={(e) => e.key === "Escape" && onDone()}
      data-testid="link-cost-form"
    >
      <Input
        size="sm"
        autoFocus
        inputMode="decimal"
        placeholder="$0.00"
        aria-label={`Cost of ${link.name} in US dollars`}
        aria-invalid={error ? true : undefined}
        value={amount}
        onChange={(e) => setAmount(e.target.value)}
        data-testid="link-cost-input"
      />
      <Input
        size="sm"
        placeholder="Note (optional)"
        aria-label="Note"
        maxLength={200}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      {error || server ? (
        <p className="text-xs text-red-700" role="alert">
          {error ?? server}
        </p>
      ) : null}
      <span className="flex justify-end gap-1">
        <Button type="button" size="sm" variant="ghost" className="h-7 px-2" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" size="sm" className="h-7 px-2" disabled={save.isPending} data-testid="link-cost-save">
          {save.isPending ? "Saving…" : "Save"}
        </Button>
      </span>
    </form>
  );
}
