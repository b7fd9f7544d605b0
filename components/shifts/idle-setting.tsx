"use client";

import { Select } from "@/components/ui/select";
import { useSetIdleMinutes } from "@/lib/queries/payouts";

// The choices an owner needs; the route takes any whole number of minutes from 5 to 480.
const CHOICES = [10, 15, 20, 30, 45, 60, 90, 120];

/** The owner's idle time after which an open shift ends at its last activity. */
export function IdleSetting({ workspaceId, value }: { workspaceId: string; value: number }) {
  const save = useSetIdleMinutes(workspaceId);
  const options = CHOICES.includes(value) ? CHOICES : [...CHOICES, value].sort((a, b) => a - b);
  return (
    <label className="flex items-center gap-2 text-xs font-medium text-muted">
      Auto clock-out when idle for
      <Select
        value={value}
        disabled={save.isPending}
        onChange={(e) => save.mutate(Number(e.target.value))}
        data-testid="idle-minutes"
        className="h-8 w-24"
      >
        {options.map((m) => (
          <option key={m} value={m}>
            {m} min
          </option>
        ))}
      </Select>
    </label>
  );
}
