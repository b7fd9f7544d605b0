"use client";

import { Sheet } from "@/components/ui/dialog";
import { FanPanel, type KnownFan } from "./fan-panel";

/** The fan panel as a side sheet (full screen on phones). Escape or the
 * close button dismisses it; focus goes back to the row (the table does it). */
export function PanelDrawer({
  creatorId,
  fanUuid,
  canWrite,
  canMessage = false,
  onClose,
  known,
}: {
  creatorId: string;
  fanUuid: string | null;
  canWrite: boolean;
  canMessage?: boolean;
  onClose: () => void;
  known?: KnownFan | null;
}) {
  return (
    <Sheet
      open={fanUuid !== null}
      onOpenChange={(open) => !open && onClose()}
      title="Fan details"
      onCloseAutoFocus={(e) => e.preventDefault()}
    >
      {fanUuid ? (
        <FanPanel
          creatorId={creatorId}
          fanUuid={fanUuid}
          canWrite={canWrite}
          canMessage={canMessage}
          onClose={onClose}
          known={known}
        />
      ) : null}
    </Sheet>
  );
}
