"use client";

import { Dialog } from "radix-ui";
import { FanPanel, type KnownFan } from "./fan-panel";

/** The fan panel as a side sheet (full screen on phones). Escape or the
 * close button dismisses it; focus goes back to the row (the table does it). */
export function PanelDrawer({ creatorId, fanUuid, canWrite, onClose, known }: { creatorId: string; fanUuid: string | null; canWrite: boolean; onClose: () => void; known?: KnownFan | null }) {
  return (
    <Dialog.Root open={fanUuid !== null} onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/20" />
        <Dialog.Content
          className="fixed inset-y-0 right-0 z-50 flex w-full flex-col bg-surface shadow-2xl outline-none sm:max-w-md sm:border-l sm:border-line"
          onCloseAutoFocus={(e) => e.preventDefault()}
          aria-describedby={undefined}
        >
          <Dialog.Title className="sr-only">Fan details</Dialog.Title>
          {fanUuid ? <FanPanel creatorId={creatorId} fanUuid={fanUuid} canWrite={canWrite} onClose={onClose} known={known} /> : null}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
