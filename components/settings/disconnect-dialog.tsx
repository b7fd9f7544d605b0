"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
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
        {failure ? (
          <p className="text-red-700" role="alert">
            {failure}
          </p>
        ) : null}
        <div className="mt-2 flex justify-end gap-2">
          <Button variant="secondary" onClick={() => p.onOpenChange(false)}>
            Cancel
          </Button>
          <Button variant="danger" onClick={run} disabled={disconnect.isPending} data-testid="confirm-disconnect">
            {disconnect.isPending ? "Disconnecting…" : "Disconnect Fanvue"}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
