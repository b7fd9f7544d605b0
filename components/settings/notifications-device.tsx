"use client";

import { BellOff, BellRing, Smartphone } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { useFormat } from "@/components/viewer/viewer";
import type { NotificationSettings, PushTestResult } from "@/lib/schemas/push";
import { usePushDeviceMutations } from "@/lib/queries/notifications";
import { usePushDevice } from "./use-push-device";

/** This browser: can it receive notifications, and are they on here. */
export function ThisDevice({ settings }: { settings: NotificationSettings }) {
  const device = usePushDevice();
  const mine = settings.devices.find((d) => d.endpointHash === device.endpointHash) ?? null;
  if (!settings.available)
    return (
      <Alert tone="warning" title="Push notifications are not set up on this server" data-testid="push-state">
        The server has no VAPID keys (VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY, see .env.example). Ask whoever runs
        Vuedeck to set them.
      </Alert>
    );
  if (device.support === "checking") return <p className="text-sm text-muted">Checking this browser…</p>;
  if (device.support === "unsupported")
    return (
      <Alert
        tone="info"
        title="This browser cannot receive notifications"
        data-testid="push-state"
        data-state="unsupported"
      >
        On iPhone and iPad, add Vuedeck to your Home Screen first (Share → Add to Home Screen) and open it from there.
        Elsewhere, use a current Chrome, Edge, Firefox or Safari over https.
      </Alert>
    );
  if (device.support === "no-worker")
    return (
      <Alert
        tone="info"
        title="Notifications need the installed app's service worker"
        data-testid="push-state"
        data-state="no-worker"
      >
        It runs in production builds (npm run build, npm start), not under npm run dev. Reload the page if it just
        finished installing.
      </Alert>
    );
  if (device.support === "denied")
    return (
      <Alert
        tone="warning"
        title="Notifications are blocked for Vuedeck in this browser"
        data-testid="push-state"
        data-state="denied"
      >
        To allow them: open the site settings (the icon left of the address bar) → Notifications → Allow, then reload
        this page. In the installed app on Android: long-press its icon → App info → Notifications.
      </Alert>
    );
  return <DevicePanel device={device} label={mine?.label ?? null} />;
}

function DevicePanel({ device, label }: { device: ReturnType<typeof usePushDevice>; label: string | null }) {
  return (
    <div className="flex flex-col gap-3 rounded-lg border border-line p-4 sm:flex-row sm:items-center sm:justify-between">
      <div className="flex items-start gap-3">
        {label ? (
          <BellRing className="mt-0.5 size-5 text-brand-600" aria-hidden="true" />
        ) : (
          <BellOff className="mt-0.5 size-5 text-muted" aria-hidden="true" />
        )}
        <div data-testid="push-state" data-state={label ? "enabled" : "off"}>
          <p className="text-sm font-medium">{label ? `On for this device (${label})` : "Off on this device"}</p>
          <p className="text-sm text-muted">
            {label
              ? "Signing out of this browser turns them off here."
              : "Turn them on to be told while Vuedeck is closed. Your browser asks for permission first."}
          </p>
        </div>
      </div>
      {label ? (
        <Button variant="secondary" onClick={() => void device.disable()} disabled={device.busy}>
          Turn off on this device
        </Button>
      ) : (
        <Button onClick={() => void device.enable()} disabled={device.busy} data-testid="push-enable">
          Turn on for this device
        </Button>
      )}
      {device.error ? (
        <p className="text-sm text-red-700 sm:basis-full" role="alert">
          {device.error}
        </p>
      ) : null}
    </div>
  );
}

const OUTCOME = { sent: "Sent", removed: "Removed", failed: "Failed" } as const;

/** Every device of the account, with the test push and its answer per device. */
export function DeviceList({ settings }: { settings: NotificationSettings }) {
  const f = useFormat();
  const { test, unsubscribe } = usePushDeviceMutations();
  const results = new Map((test.data as PushTestResult | undefined)?.devices.map((d) => [d.id, d]) ?? []);
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-sm font-semibold">Your devices</h3>
        <Button
          variant="secondary"
          size="sm"
          onClick={() => test.mutate()}
          disabled={test.isPending || settings.devices.length === 0}
          data-testid="push-test"
        >
          {test.isPending ? "Sending…" : "Send a test notification"}
        </Button>
      </div>
      {settings.devices.length === 0 ? (
        <p className="text-sm text-muted">No device has notifications on yet.</p>
      ) : (
        <ul className="divide-y divide-line rounded-lg border border-line" data-testid="push-devices">
          {settings.devices.map((d) => {
            const r = results.get(d.id);
            return (
              <li key={d.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-3">
                <Smartphone className="size-4 shrink-0 text-muted" aria-hidden="true" />
                <div className="min-w-0 flex-1">
                  <p className="text-sm font-medium">{d.label}</p>
                  <p className="text-xs text-muted">
                    Added {f.ago(d.createdAt)} ·{" "}
                    {d.lastSuccessAt ? `last delivered ${f.ago(d.lastSuccessAt)}` : "nothing delivered yet"}
                    {d.failureCount > 0 ? ` · ${d.failureCount} failed since` : ""}
                  </p>
                  {r?.detail ? <p className="text-xs text-red-700">{r.detail}</p> : null}
                </div>
                {r ? (
                  <Badge tone={r.outcome === "sent" ? "brand" : "danger"} data-testid="push-test-outcome">
                    {OUTCOME[r.outcome]}
                  </Badge>
                ) : null}
                <Button
                  variant="ghost"
                  size="sm"
                  onClick={() => unsubscribe.mutate({ deviceId: d.id })}
                  disabled={unsubscribe.isPending}
                  aria-label={`Remove ${d.label}`}
                >
                  Remove
                </Button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
