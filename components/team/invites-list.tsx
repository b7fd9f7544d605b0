"use client";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { useInvites, useTeamMutations, useWorkspaceCreators } from "@/lib/queries/workspaces";
import { scopeText } from "./creator-scope";
import { ROLE_LABEL } from "./role-label";
import { useFormat } from "@/components/viewer/viewer";

const TONE = { pending: "info", used: "brand", revoked: "neutral", expired: "neutral" } as const;

export function InvitesList({ workspaceId }: { workspaceId: string }) {
  const f = useFormat();
  const invites = useInvites(workspaceId).data ?? [];
  const creators = useWorkspaceCreators(workspaceId).data ?? [];
  const { revokeInvite } = useTeamMutations(workspaceId);
  if (invites.length === 0) return null;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Invites</CardTitle>
      </CardHeader>
      <CardBody className="px-0 pb-0">
        <ul className="divide-y divide-line border-t border-line" data-testid="invites">
          {invites.map((i) => (
            <li key={i.id} className="flex flex-wrap items-center gap-3 px-5 py-3 text-sm">
              <Badge tone={TONE[i.status]}>{i.status}</Badge>
              <span className="font-medium">{ROLE_LABEL[i.role]}</span>
              <span className="min-w-0 flex-1 truncate text-muted">
                {scopeText(i.allCreators, i.creatorIds, creators)} · expires {f.date(i.expiresAt)}
              </span>
              {i.status === "pending" ? (
                <Button
                  size="sm"
                  variant="secondary"
                  disabled={revokeInvite.isPending}
                  onClick={() => revokeInvite.mutate(i.id)}
                >
                  Revoke
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      </CardBody>
    </Card>
  );
}
