"use client";

import { Dialog } from "@/components/ui/dialog";
import { PreferencesForm } from "./preferences-form";

// The account menu's quick way to the zone and date format (the Settings page shows the same form).

export function PreferencesDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (o: boolean) => void }) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title="Time zone and date format" testId="preferences-dialog">
      <div className="flex flex-col gap-4">
        <p className="text-sm text-muted">
          Every date, day boundary and chart in Vuedeck uses these, on every device you sign in on.
        </p>
        <PreferencesForm onSaved={() => onOpenChange(false)} onCancel={() => onOpenChange(false)} />
      </div>
    </Dialog>
  );
}
