"use client";

import { useViewer } from "@/components/viewer/viewer";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Progress } from "@/components/ui/progress";
import { useInvites, useMembers } from "@/lib/queries/workspaces";
import type { Role } from "@/lib/schemas/permissions";
import { useHidden, useInstall, usePaletteOpened, usePushState } from "./device-state";
import { StepItem } from "./step-item";
import { canInviteTeam, onboardingProgress, onboardingSteps } from "./steps";

type Props = {
  userId: string;
  workspaceId: string;
  role: Role;
  /** The workspace has a creator (an agency may have none yet): only then is there a team to invite. */
  hasCreators: boolean;
};

/** Another member, or an invite not answered yet; null while unknown (or not this role's to ask). */
function useTeamShared(workspaceId: string, enabled: boolean) {
  const members = useMembers(workspaceId, enabled);
  const invites = useInvites(workspaceId, enabled);
  if (!enabled) return { shared: null, pending: false };
  if (members.isPending || invites.isPending) return { shared: null, pending: true };
  const others = (members.data?.length ?? 0) > 1;
  const invited = invites.data?.some((i) => i.status === "pending") ?? false;
  // A failed read is not "nobody": the step stays to do, without claiming the team is empty.
  const shared = others || invited ? true : members.data && invites.data ? false : null;
  return { shared, pending: false };
}

/**
 * "Getting started" at the top of an overview: the few things that make Vuedeck fit, each ticked
 * from real state as it is done. Hidden for good (on this device) with "Hide", gone by itself
 * once everything is done. Rendered only in the browser: most of what it knows is the device's.
 */
export function GettingStarted({ userId, workspaceId, role, hasCreators }: Props) {
  const viewer = useViewer();
  const { hidden, hide } = useHidden(userId);
  const push = usePushState();
  const paletteOpened = usePaletteOpened();
  const install = useInstall();
  const team = useTeamShared(workspaceId, canInviteTeam(role, hasCreators));
  if (hidden !== false || push === null || paletteOpened === null || install.installed === null || team.pending)
    return null;
  const steps = onboardingSteps({
    role,
    hasCreators,
    zoneSaved: viewer.saved.timeZone !== null,
    push,
    teamShared: team.shared,
    paletteOpened,
    installed: install.installed,
  });
  const progress = onboardingProgress(steps);
  if (progress.complete) return null;
  return (
    <Card aria-labelledby="getting-started-title" className="p-5" data-testid="getting-started">
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <h2 id="getting-started-title" className="text-base font-semibold text-ink">
            Getting started
          </h2>
          <p className="mt-0.5 text-sm text-muted" data-testid="getting-started-progress">
            {progress.label}
          </p>
        </div>
        <Button
          variant="ghost"
          size="sm"
          onClick={hide}
          aria-label="Hide getting started"
          data-testid="getting-started-hide"
        >
          Hide
        </Button>
      </div>
      <Progress
        value={Math.round((progress.done / progress.total) * 100)}
        label={`Getting started: ${progress.label}`}
        thin
        className="mt-3"
      />
      <ol className="mt-4 flex flex-col divide-y divide-line" aria-label="Steps">
        {steps.map((s) => (
          <StepItem key={s.id} step={s} workspaceId={workspaceId} install={install} zone={viewer.zone} />
        ))}
      </ol>
    </Card>
  );
}
