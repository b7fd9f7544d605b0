"use client";

import { useState } from "react";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { Textarea } from "@/components/ui/input";
import { Field, Select } from "@/components/ui/select";
import { ApiClientError } from "@/lib/queries/fetcher";
import { useReassignSale } from "@/lib/queries/performance";
import type { MemberFigures, Sale } from "@/lib/schemas/performance";
import { formatMoney } from "@/lib/utils/format";

const NOBODY = "__nobody__";

/** Credits one sale to another member (or to nobody), with the reason everyone will see. */
export function ReassignDialog(p: { workspaceId: string; sale: Sale; members: MemberFigures[]; onDone: () => void }) {
  const reassign = useReassignSale(p.workspaceId);
  const [to, setTo] = useState(p.members.find((m) => m.userId !== p.sale.userId)?.userId ?? NOBODY);
  const [reason, setReason] = useState("");
  const err = reassign.error instanceof ApiClientError ? reassign.error : null;
  const fieldError = (f: string) => (err?.field === f ? err.message : null);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    reassign.mutate(
      { saleId: p.sale.id, body: { userId: to === NOBODY ? null : to, reason } },
      { onSuccess: () => p.onDone() },
    );
  };
  return (
    <Dialog
      open
      onOpenChange={(o) => !o && p.onDone()}
      title="Credit this sale to someone else"
      testId="reassign-dialog"
    >
      <form className="flex flex-col gap-4" onSubmit={submit}>
        <p className="text-sm text-muted">
          {formatMoney(p.sale.gross)} from {p.sale.fan.name ?? p.sale.fan.handle ?? "a fan"}, now credited to{" "}
          {p.sale.userName ?? "nobody"}. The change and its reason are shown on the sale and kept in the activity log.
        </p>
        <Field label="Credit to" htmlFor="reassign-to" error={fieldError("userId")}>
          <Select id="reassign-to" value={to} onChange={(e) => setTo(e.target.value)} data-testid="reassign-to">
            {p.members.map((m) => (
              <option key={m.userId} value={m.userId!} disabled={m.userId === p.sale.userId}>
                {m.name}
              </option>
            ))}
            <option value={NOBODY}>Nobody (Fanvue, not through Vuedeck)</option>
          </Select>
        </Field>
        <Field label="Reason" htmlFor="reassign-reason" error={fieldError("reason")}>
          <Textarea
            id="reassign-reason"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            rows={3}
            maxLength={500}
            placeholder="e.g. Kai wrote the pitch; Sam only sent it"
            data-testid="reassign-reason"
          />
        </Field>
        <DialogActions
          error={err && !err.field ? err.message : null}
          onCancel={p.onDone}
          submitLabel="Reassign"
          pending={reassign.isPending}
          submitTestId="reassign-submit"
        />
      </form>
    </Dialog>
  );
}
