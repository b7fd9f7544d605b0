"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { QueryBody } from "@/components/ui/error-state";
import { useFormat } from "@/components/viewer/viewer";
import { useMyConnections } from "@/lib/queries/settings";
import type { ConnectionView } from "@/lib/schemas/settings";
import { DisconnectDialog } from "./disconnect-dialog";
import { SettingsSection } from "./section";

const STATE = {
  connected: { tone: "brand", label: "Connected" },
  needs_reconnect: { tone: "warning", label: "Needs reconnect" },
  disconnected: { tone: "danger", label: "Disconnected" },
} as const;

function reconnect() {
  // The same sign-in as the reconnect banner: Fanvue's consent, then back here.
  void signIn("fanvue", { redirectTo: "/settings#fanvue" });
}

function Scopes({ c }: { c: ConnectionView }) {
  const missing = c.requestedScopes.filter((s) => !c.grantedScopes.includes(s));
  return (
    <div className="flex flex-col gap-2">
      <p className="text-sm" data-testid="scopes-summary">
        {c.state === "disconnected"
          ? "No access granted: nothing is stored."
          : missing.length === 0
            ? `All ${c.requestedScopes.length} permissions Vuedeck asks for are granted.`
            : `${c.requestedScopes.length - missing.length} of ${c.requestedScopes.length} permissions granted. Missing: ${missing.join(", ")} (reconnect and allow them, or the features that need them fail).`}
      </p>
      {c.state !== "disconnected" ? (
        <details className="text-sm">
          <summary className="cursor-pointer text-brand-700">Permissions in detail</summary>
          <ul className="mt-2 flex flex-wrap gap-1.5">
            {c.requestedScopes.map((s) => (
              <li key={s}>
                <Badge tone={c.grantedScopes.includes(s) ? "neutral" : "warning"} className="font-mono">
                  {s}
                  {c.grantedScopes.includes(s) ? "" : " (not granted)"}
                </Badge>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}

function ConnectionCard({ c }: { c: ConnectionView }) {
  const f = useFormat();
  const [confirm, setConfirm] = useState(false);
  const state = STATE[c.state];
  return (
    <div className="flex flex-col gap-4 rounded-lg border border-line p-4" data-testid="connection-card">
      <div className="flex flex-wrap items-center gap-2">
        <p className="font-medium">{c.workspaceName}</p>
        <span className="text-xs text-muted">
          {c.workspaceKind === "agency" ? "Agency account" : "Creator account"}
        </span>
        <Badge tone={state.tone} data-testid="connection-state">
          {state.label}
        </Badge>
        {c.isSandbox ? <Badge tone="info">Sandbox</Badge> : null}
      </div>
      {c.reason ? <p className="text-sm text-muted">{c.reason}</p> : null}
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-muted">Connected since</dt>
          <dd className="tabular">{f.date(c.connectedSince)}</dd>
        </div>
        <div>
          <dt className="text-muted">Last sign-in or token refresh</dt>
          <dd className="tabular">
            {c.lastRefreshAt ? `${f.dateTime(c.lastRefreshAt)} (${f.ago(c.lastRefreshAt)})` : "—"}
          </dd>
        </div>
      </dl>
      <Scopes c={c} />
      <div className="flex flex-wrap gap-2">
        <Button variant={c.state === "connected" ? "secondary" : "primary"} onClick={reconnect} data-testid="reconnect">
          Reconnect Fanvue
        </Button>
        {c.state !== "disconnected" ? (
          <Button
            variant="secondary"
            className="text-red-700"
            onClick={() => setConfirm(true)}
            data-testid="disconnect"
          >
            Disconnect
          </Button>
        ) : null}
      </div>
      {confirm ? (
        <DisconnectDialog workspaceId={c.workspaceId} name={c.workspaceName} onOpenChange={setConfirm} />
      ) : null}
    </div>
  );
}

/** The Fanvue accounts this user connected. Staff who joined by invite hold none: the owner does. */
export function ConnectionSection() {
  const q = useMyConnections();
  return (
    <SettingsSection
      id="fanvue"
      title="Fanvue connection"
      description="Vuedeck reads and acts on Fanvue with the access you granted when you signed in. The tokens are stored encrypted on this server and never sent to your browser."
    >
      <QueryBody q={q} what="the Fanvue connection" height="h-48">
        {(rows) =>
          rows.length ? (
            <div className="flex flex-col gap-4">
              {rows.map((c) => (
                <ConnectionCard key={c.workspaceId} c={c} />
              ))}
            </div>
          ) : (
            <p className="text-sm text-muted" data-testid="no-connection">
              You work in a team through an invite, so there is no Fanvue account of yours to manage here: the
              workspace&apos;s owner manages its connection.
            </p>
          )
        }
      </QueryBody>
    </SettingsSection>
  );
}
