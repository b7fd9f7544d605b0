"use client";

import { useState } from "react";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Field } from "@/components/ui/select";
import { ApiClientError } from "@/lib/queries/fetcher";
import { useSetRule } from "@/lib/queries/payouts";
import type { PayoutMember } from "@/lib/schemas/payouts";
import { centsToDecimal, parseMoney } from "@/lib/utils/money";
import { parseRate, rateText } from "@/lib/utils/payouts";

/** A member's commission (percentage of attributed net) and optional hourly rate. */
export function RuleDialog({
  workspaceId,
  member,
  onClose,
}: {
  workspaceId: string;
  member: PayoutMember;
  onClose: () => void;
}) {
  const [rate, setRate] = useState(member.rule ? rateText(member.rule.rateBps) : "");
  const [hourly, setHourly] = useState(member.rule?.hourlyCents ? centsToDecimal(member.rule.hourlyCents) : "");
  const [error, setError] = useState<{ field: "rate" | "hourly"; message: string } | null>(null);
  const save = useSetRule(workspaceId);
  const submit = () => {
    const rateBps = parseRate(rate);
    if (rateBps === null) return setError({ field: "rate", message: "Enter a percentage from 0 to 100, e.g. 12.5" });
    const money = hourly.trim() ? parseMoney(hourly) : { cents: null };
    if ("error" in money) return setError({ field: "hourly", message: money.error });
    setError(null);
    save.mutate({ userId: member.userId, body: { rateBps, hourlyCents: money.cents } }, { onSuccess: onClose });
  };
  const server = save.error instanceof ApiClientError ? save.error.message : null;
  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title={`Pay rule: ${member.name}`} testId="rule-dialog">
      <form
        className="mt-3 flex flex-col gap-4"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Field label="Commission (% of attributed net)" error={error?.field === "rate" ? error.message : null}>
          <Input value={rate} onChange={(e) => setRate(e.target.value)} inputMode="decimal" data-testid="rule-rate" />
        </Field>
        <Field label="Hourly rate (USD, optional)" error={error?.field === "hourly" ? error.message : null}>
          <Input
            value={hourly}
            onChange={(e) => setHourly(e.target.value)}
            inputMode="decimal"
            data-testid="rule-hourly"
          />
        </Field>
        <DialogActions
          error={server}
          onCancel={onClose}
          submitLabel="Save"
          pending={save.isPending}
          submitTestId="rule-save"
        />
      </form>
    </Dialog>
  );
}
