import type { ReactNode } from "react";
import { ViewerProvider } from "@/components/viewer/viewer";
import { Alert } from "@/components/ui/alert";
import type { ShellData } from "@/lib/schemas/shell";
import type { Role } from "@/lib/schemas/permissions";
import { AppShell } from "./app-shell";
import { LiveFrame } from "./live-frame";
import { navFor } from "./nav-items";
import { ReconnectBanner } from "./reconnect-banner";

type Current = { workspaceId: string; creatorId: string | null; role: Role };

/** Server-side frame of every dashboard page: the shell for the workspace (and
 * creator) in view, with the connection banner when Fanvue needs a sign-in. */
export function DashboardFrame({
  shell,
  current,
  children,
}: {
  shell: ShellData;
  current: Current;
  children: ReactNode;
}) {
  const ws = shell.workspaces.find((w) => w.id === current.workspaceId)!;
  const nav = navFor({ creatorId: current.creatorId, workspaceId: ws.id, workspaceKind: ws.kind, role: current.role });
  let banner: ReactNode = null;
  if (ws.needsReauth) {
    banner =
      current.role === "owner" ? (
        <ReconnectBanner reason={ws.reauthReason} />
      ) : (
        <div className="px-4 pt-4 sm:px-6">
          <Alert tone="warning" title="Fanvue needs to be reconnected" data-testid="reconnect-banner">
            Fanvue access for {ws.name} has ended. Ask the workspace owner to sign in again; data shown may be out of
            date.
          </Alert>
        </div>
      );
  }
  // Several creators in view (an agency): toasts say whose fan it was.
  const inWorkspace = shell.creators.filter((c) => c.workspaceId === ws.id);
  const creatorNames =
    inWorkspace.length > 1 ? Object.fromEntries(inWorkspace.map((c) => [c.id, `@${c.handle}`])) : undefined;
  return (
    <ViewerProvider saved={shell.viewer.saved} guess={shell.viewer.guess}>
      <LiveFrame workspaceId={ws.id} creatorNames={creatorNames}>
        <AppShell
          user={shell.user}
          nav={nav}
          isSandbox={shell.isSandbox}
          banner={banner}
          switcher={{
            creators: shell.creators.map((c) => ({
              id: c.id,
              handle: c.handle,
              displayName: c.displayName,
              avatarUrl: c.avatarUrl,
              workspaceId: c.workspaceId,
            })),
            workspaces: shell.workspaces.map((w) => ({ id: w.id, name: w.name, kind: w.kind })),
            currentCreatorId: current.creatorId,
            currentWorkspaceId: current.workspaceId,
          }}
        >
          {children}
        </AppShell>
      </LiveFrame>
    </ViewerProvider>
  );
}
