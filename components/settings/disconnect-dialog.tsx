"use client";

import { useRouter } from "next/navigation";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { useDisconnectFanvue } from "@/lib/queries/settings";
import { ApiClientError } from "@/lib/queries/fetcher";

/** Confirms a disconnect and says what stops working; the shell repaints with the reconnect banner. */
export function DisconnectDialog(p: { workspaceId: string; name: string; onOpenChange: (open: boolean) => void }) {
  const router = useRouter();
  const disconnect = useDisconnectFanvue();
  const run = () =>
    disconnect.mutate(p.workspaceId, {
      onSuccess: () => {
        p.onOpenChange(false);
        router.refresh();
      },
    });
  const failure =
    disconnect.error instanceof ApiClientError
      ? disconnect.error.message
      : disconnect.error
        ? "Could not disconnect. Check your connection and try again."
        : null;
  return (
    <Dialog open onOpenChange={p.onOpenChange} title={`Disconnect Fanvue from ${p.name}?`} testId="disconnect-dialog">
      <div className="flex flex-col gap-3 text-sm">
        <p>
          Vuedeck revokes its access at Fanvue and deletes the access and refresh tokens it stores. Until you reconnect:
        </p>
        <ul className="list-disc space-y-1 pl-5 text-muted">
          <li>earnings, fans, chats, posts and the vault stop syncing, and the inbox stops receiving messages live;</li>
          <li>scheduled posts, mass messages and automations do not send;</li>
          <li>your team sees a banner asking you to reconnect.</li>
        </ul>
        <p className="text-muted">
          What Vuedeck already stored stays: history, notes, tags, payouts and the activity log. Reconnect by signing in
          with the same Fanvue account.
        </p>
        <DialogActions
          error={failure}
          onCancel={() => p.onOpenChange(false)}
          onSubmit={run}
          pending={disconnect.isPending}
          pendingLabel="Disconnecting…"
          submitLabel="Disconnect Fanvue"
          submitTestId="confirm-disconnect"
          tone="danger"
        />
      </div>
    </Dialog>
  );
}
