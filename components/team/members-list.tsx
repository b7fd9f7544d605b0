"use client";

import { useState } from "react";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/error-state";
import { Field, Select } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { ApiClientError } from "@/lib/queries/fetcher";
import { useMembers, useTeamMutations, useWorkspaceCreators } from "@/lib/queries/workspaces";
import type { MemberView } from "@/lib/schemas/team";
import { CreatorScope, scopeText } from "./creator-scope";
import { CREATOR_SCOPE_MESSAGE } from "@/lib/schemas/team-values";
import { ROLE_LABEL, STAFF_ROLES } from "./role-label";

export function MembersList({ workspaceId, currentUserId }: { workspaceId: string; currentUserId: string }) {
  const members = useMembers(workspaceId);
  const creators = useWorkspaceCreators(workspaceId).data ?? [];
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <Card>
      <CardHeader>
        <CardTitle>Members</CardTitle>
      </CardHeader>
      <CardBody className="px-0 pb-0">
        {members.isPending ? (
          <div className="px-5 pb-5">
            <Skeleton className="h-24" />
          </div>
        ) : !members.data ? (
          <div className="px-5 pb-5">
            <ErrorState error={members.error} onRetry={() => void members.refetch()} what="the team" />
          </div>
        ) : (
          <ul className="divide-y divide-line border-t border-line" data-testid="members">
            {members.data.map((m) => (
              <li key={m.id} className="px-5 py-4" data-testid={`member-${m.handle ?? m.id}`}>
                <div className="flex flex-wrap items-center gap-3">
                  <Avatar src={m.image} name={m.name} size="sm" />
                  <div className="min-w-0 flex-1">
                    <p className="truncate font-medium">
                      {m.name} {m.userId === currentUserId ? <span className="text-xs text-muted">(you)</span> : null}
                    </p>
                    <p className="truncate text-xs text-muted">
                      {m.handle ? `@${m.handle} · ` : ""}
                      {scopeText(m.allCreators, m.creatorIds, creators)}
                    </p>
                  </div>
                  <Badge tone={m.role === "owner" ? "brand" : "neutral"}>{ROLE_LABEL[m.role]}</Badge>
                  {m.role !== "owner" ? (
                    <Button
                      size="sm"
                      variant="secondary"
                      onClick={() => setEditing(editing === m.id ? null : m.id)}
                      aria-expanded={editing === m.id}
                    >
                      {editing === m.id ? "Close" : "Edit"}
                    </Button>
                  ) : null}
                </div>
                {editing === m.id ? (
                  <MemberEditor
                    workspaceId={workspaceId}
                    member={m}
                    creators={creators}
                    onDone={() => setEditing(null)}
                  />
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </CardBody>
    </Card>
  );
}

function MemberEditor({
  workspaceId,
  member,
  creators,
  onDone,
}: {
  workspaceId: string;
  member: MemberView;
  creators: { id: string; displayName: string; handle: string }[];
  onDone: () => void;
}) {
  const { updateMember, removeMember } = useTeamMutations(workspaceId);
  const [role, setRole] = useState(member.role as (typeof STAFF_ROLES)[number]);
  const [scope, setScope] = useState({ allCreators: member.allCreators, creatorIds: member.creatorIds });
  const [confirmRemove, setConfirmRemove] = useState(false);
  const err = (updateMember.error ?? removeMember.error) as ApiClientError | null;
  const scopeError =
    !scope.allCreators && scope.creatorIds.length === 0
      ? "Pick at least one creator."
      : role === "creator" && (scope.allCreators || scope.creatorIds.length !== 1)
        ? CREATOR_SCOPE_MESSAGE
        : null;
  return (
    <div className="mt-4 flex flex-col gap-4 rounded-lg border border-line bg-canvas p-4">
      <Field label="Role" htmlFor={`role-${member.id}`}>
        <Select
          id={`role-${member.id}`}
          value={role}
          onChange={(e) => setRole(e.target.value as typeof role)}
          className="max-w-60"
        >
          {STAFF_ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABEL[r]}
            </option>
          ))}
        </Select>
      </Field>
      <CreatorScope creators={creators} idPrefix={`m-${member.id}`} role={role} {...scope} onChange={setScope} />
      {scopeError || err ? (
        <p className="text-sm text-red-700" role="alert">
          {scopeError ?? err?.message}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button
          size="sm"
          disabled={updateMember.isPending || Boolean(scopeError)}
          onClick={() =>
            updateMember.mutate({ memberId: member.id, change: { role, ...scope } }, { onSuccess: onDone })
          }
        >
          Save changes
        </Button>
        {confirmRemove ? (
          <Button
            size="sm"
            variant="danger"
            disabled={removeMember.isPending}
            onClick={() => removeMember.mutate(member.id, { onSuccess: onDone })}
          >
            Remove {member.name} now
          </Button>
        ) : (
          <Button size="sm" variant="ghost" className="text-red-700" onClick={() => setConfirmRemove(true)}>
            Remove from team…
          </Button>
        )}
      </div>
    </div>
  );
}
