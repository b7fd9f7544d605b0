import { Download } from "lucide-react";
import Link from "next/link";
import { can, type Role } from "@/lib/schemas/permissions";
import { FullExport } from "./full-export";
import { SettingsSection } from "./section";

export type DataScope = {
  creatorId: string | null;
  creatorName: string | null;
  creatorHandle: string | null;
  workspaceId: string;
  workspaceName: string;
  workspaceKind: "creator" | "agency";
  role: Role;
};

const STORED = [
  ["Your account", "name, handle and picture from Fanvue; your time zone, date format and theme."],
  [
    "Fanvue access",
    "the access and refresh tokens, encrypted (AES-256-GCM) on this server, and the permissions granted.",
  ],
  [
    "A copy of Fanvue data",
    "for the creators you work on: the earnings ledger, fans and subscriber history, chats and messages, posts and the schedule, vault details (the media files stay on Fanvue) and tracking links, so pages load fast and keep history.",
  ],
  [
    "Your team's work",
    "fan notes, tags and lists, chat claims, shifts and payouts, automations, and the activity log of every write and export.",
  ],
] as const;

/** The CSV exports that exist today: each page's "Download CSV" exports exactly what it shows. */
function exportsFor(s: DataScope): { label: string; href: string }[] {
  if (!can(s.role, "earnings:export")) return [];
  const base = s.creatorId ? `/c/${s.creatorId}` : `/w/${s.workspaceId}`;
  const out = [
    { label: "Earnings", href: `${base}/earnings` },
    { label: "Best times to post", href: `${base}/best-times` },
    { label: "Retention and cohort value", href: `${base}/retention` },
    { label: "Subscriber trends", href: `${base}/trends` },
    { label: "Tracking links", href: `${base}/links` },
  ];
  if (s.workspaceKind === "agency") {
    out.push({ label: "Performance leaderboard", href: `/w/${s.workspaceId}/performance` });
    out.push({ label: "Payout statements", href: `/w/${s.workspaceId}/payouts` });
  }
  return out;
}

export function DataSection({ scope }: { scope: DataScope }) {
  const exports = exportsFor(scope);
  return (
    <SettingsSection
      id="data"
      title="Your data"
      description="What Vuedeck keeps, how to take it with you, and how to delete it."
    >
      <div className="flex flex-col gap-6 text-sm">
        <dl className="flex flex-col gap-2">
          {STORED.map(([what, detail]) => (
            <div key={what}>
              <dt className="inline font-medium">{what}: </dt>
              <dd className="inline text-muted">{detail}</dd>
            </div>
          ))}
        </dl>
        <div>
          <h3 className="font-medium">Exports</h3>
          {exports.length ? (
            <>
              <p className="mt-1 text-muted">
                {scope.creatorName ? `For ${scope.creatorName}: each` : "Each"} of these pages has a Download CSV button
                that exports exactly what the page shows, for the dates you pick.
              </p>
              <ul className="mt-2 grid gap-1 sm:grid-cols-2" data-testid="data-exports">
                {exports.map((e) => (
                  <li key={e.href}>
                    <Link
                      href={e.href}
                      className="inline-flex min-h-11 items-center gap-2 rounded-lg px-2 text-brand-700 hover:bg-black/5 sm:min-h-9"
                    >
                      <Download className="size-4" aria-hidden="true" />
                      {e.label}
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p className="mt-1 text-muted">Your role does not include exports; ask the workspace owner.</p>
          )}
        </div>
        {can(scope.role, "data:export") ? (
          <FullExport
            scope={{
              workspaceId: scope.workspaceId,
              workspaceName: scope.workspaceName,
              creator:
                scope.creatorId && scope.creatorHandle
                  ? {
                      id: scope.creatorId,
                      handle: scope.creatorHandle,
                      displayName: scope.creatorName ?? scope.creatorHandle,
                    }
                  : null,
            }}
          />
        ) : (
          <p className="rounded-lg bg-canvas p-3 text-muted">
            The full export of everything Vuedeck stores, and deleting it, are for the workspace&apos;s owner: ask them.
            Disconnecting Fanvue (above) deletes the stored tokens.
          </p>
        )}
      </div>
    </SettingsSection>
  );
}
