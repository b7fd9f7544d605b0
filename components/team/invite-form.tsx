"use client";

import { Check, Copy } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Field, Select } from "@/components/ui/select";
import { ApiClientError } from "@/lib/queries/fetcher";
import { useTeamMutations, useWorkspaceCreators } from "@/lib/queries/workspaces";
import { CreatorScope } from "./creator-scope";
import { CREATOR_SCOPE_MESSAGE } from "@/lib/schemas/team-values";
import { ROLE_HELP, ROLE_LABEL, STAFF_ROLES } from "./role-label";

type Role = (typeof STAFF_ROLES)[number];

export function InviteForm({ workspaceId }: { workspaceId: string }) {
  const creators = useWorkspaceCreators(workspaceId).data ?? [];
  const { createInvite } = useTeamMutations(workspaceId);
  const [role, setRole] = useState<Role>("chatter");
  const [scope, setScope] = useState({ allCreators: true, creatorIds: [] as string[] });
  const [days, setDays] = useState(7);
  const [link, setLink] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const err = createInvite.error instanceof ApiClientError ? createInvite.error : null;
  const scopeError =
    !scope.allCreators && scope.creatorIds.length === 0
      ? "Pick at least one creator."
      : role === "creator" && (scope.allCreators || scope.creatorIds.length !== 1)
        ? CREATOR_SCOPE_MESSAGE
        : err?.field === "creatorIds"
          ? err.message
          : null;

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (scopeError) return;
    setCopied(false);
    const res = await createInvite.mutateAsync({ role, ...scope, expiresInDays: days }).catch(() => null);
    if (res) setLink(res.url);
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>Invite a team member</CardTitle>
      </CardHeader>
      <CardBody>
        <form onSubmit={submit} className="flex flex-col gap-4" data-testid="invite-form">
          <InviteOptions role={role} setRole={setRole} days={days} setDays={setDays} />
          <CreatorScope creators={creators} idPrefix="invite" role={role} {...scope} onChange={setScope} />
          {scopeError ? (
            <p className="text-sm text-red-700" role="alert">
              {scopeError}
            </p>
          ) : null}
          {err && err.field !== "creatorIds" ? (
            <p className="text-sm text-red-700" role="alert">
              {err.message}
            </p>
          ) : null}
          <div>
            <Button type="submit" disabled={createInvite.isPending || Boolean(scopeError)}>
              {createInvite.isPending ? "Creating…" : "Create invite link"}
            </Button>
          </div>
        </form>
        {link ? <InviteLink link={link} copied={copied} onCopied={() => setCopied(true)} /> : null}
      </CardBody>
    </Card>
  );
}

function InviteOptions({
  role,
  setRole,
  days,
  setDays,
}: {
  role: Role;
  setRole: (r: Role) => void;
  days: number;
  setDays: (d: number) => void;
}) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field label="Role" htmlFor="invite-role">
        <Select id="invite-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {STAFF_ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABEL[r]}
            </option>
          ))}
        </Select>
        <p className="text-xs text-muted">{ROLE_HELP[role]}</p>
      </Field>
      <Field label="Link expires after" htmlFor="invite-days">
        <Select id="invite-days" value={days} onChange={(e) => setDays(Number(e.target.value))}>
          <option value={1}>1 day</option>
          <option value={7}>7 days</option>
          <option value={30}>30 days</option>
        </Select>
      </Field>
    </div>
  );
}

/** The invite's link, shown once, with a copy button. */
function InviteLink({ link, copied, onCopied }: { link: string; copied: boolean; onCopied: () => void }) {
  return (
    <div className="mt-4 rounded-lg border border-brand-200 bg-brand-50 p-3">
      <p className="text-sm font-medium text-brand-900">
        Share this link with them. It works once and is shown only now.
      </p>
      <div className="mt-2 flex gap-2">
        <Input
          size="sm"
          readOnly
          value={link}
          className="min-w-0 flex-1 font-mono text-xs"
          data-testid="invite-link"
          onFocus={(e) => e.target.select()}
        />
        <Button
          type="button"
          size="sm"
          variant="secondary"
          onClick={() => {
            void navigator.clipboard?.writeText(link).then(onCopied);
          }}
        >
          {copied ? <Check className="size-4" aria-hidden="true" /> : <Copy className="size-4" aria-hidden="true" />}
          {copied ? "Copied" : "Copy"}
        </Button>
      </div>
    </div>
  );
}
