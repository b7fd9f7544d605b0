"use client";

import { useState } from "react";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { Input, Textarea } from "@/components/ui/input";
import { Field } from "@/components/ui/select";
import { useViewer } from "@/components/viewer/viewer";
import { ApiClientError } from "@/lib/queries/fetcher";
import { useCorrectShift } from "@/lib/queries/payouts";
import type { ShiftRow } from "@/lib/schemas/payouts";
import { fromDateTimeLocal, toDateTimeLocal } from "@/lib/utils/post-time";

/** A manager's correction of a shift's start and end (in the viewer's zone), with the reason required. */
export function CorrectShiftDialog({
  workspaceId,
  shift,
  onClose,
}: {
  workspaceId: string;
  shift: ShiftRow;
  onClose: () => void;
}) {
  const zone = useViewer().zone;
  const [start, setStart] = useState(toDateTimeLocal(shift.startedAt, zone));
  const [end, setEnd] = useState(toDateTimeLocal(shift.endedAt ?? new Date().toISOString(), zone));
  const [reason, setReason] = useState("");
  const save = useCorrectShift(workspaceId);
  const err = save.error instanceof ApiClientError ? save.error : null;
  const fieldError = (f: string) => (err?.field === f ? err.message : null);
  const submit = () => {
    const startedAt = fromDateTimeLocal(start, zone) ?? "";
    const endedAt = fromDateTimeLocal(end, zone) ?? "";
    save.mutate({ shiftId: shift.id, body: { startedAt, endedAt, reason } }, { onSuccess: onClose });
  };
  return (
    <Dialog
      open
      onOpenChange={(o) => !o && onClose()}
      title={`Correct ${shift.userName}'s shift`}
      testId="correct-shift"
    >
      <form
        className="mt-3 flex flex-col gap-4"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Field label={`Start (${zone})`} error={fieldError("startedAt")}>
          <Input type="datetime-local" value={start} onChange={(e) => setStart(e.target.value)} />
        </Field>
        <Field label={`End (${zone})`} error={fieldError("endedAt")}>
          <Input type="datetime-local" value={end} onChange={(e) => setEnd(e.target.value)} />
        </Field>
        <Field label="Reason" error={fieldError("reason")}>
          <Textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={2} data-testid="correct-reason" />
        </Field>
        <DialogActions
          error={err && !err.field ? err.message : null}
          onCancel={onClose}
          submitLabel="Save correction"
          pending={save.isPending}
        />
      </form>
    </Dialog>
  );
}
