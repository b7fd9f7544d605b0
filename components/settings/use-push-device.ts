"use client";

import { useCallback, useEffect, useState } from "react";
import { fetchPushKey, usePushDeviceMutations } from "@/lib/queries/notifications";

// This browser's side of push: can it receive them at all, has the person
// blocked them, and is it subscribed (its endpoint is compared with the
// account's devices by hash, so the server never echoes endpoints).

export type DeviceSupport = "checking" | "unsupported" | "no-worker" | "denied" | "ready";

/** The service worker registers after the page loads (components/pwa/service-worker.tsx): waits a little for it. */
const WORKER_WAIT_MS = 5_000;

async function registration(): Promise<ServiceWorkerRegistration | null> {
  const now = await navigator.serviceWorker.getRegistration();
  if (now) return navigator.serviceWorker.ready;
  const later = new Promise<null>((r) => setTimeout(() => r(null), WORKER_WAIT_MS));
  return Promise.race([navigator.serviceWorker.ready, later]);
}

async function sha256Hex(text: string) {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

const isSupported = () =>
  typeof window !== "undefined" &&
  "serviceWorker" in navigator &&
  "PushManager" in window &&
  "Notification" in window &&
  window.isSecureContext;

/** A key in URL-safe base64 as the bytes PushManager.subscribe takes. */
function keyBytes(base64url: string) {
  const b64 = base64url.replace(/-/g, "+").replace(/_/g, "/");
  const raw = atob(b64 + "=".repeat((4 - (b64.length % 4)) % 4));
  return Uint8Array.from(raw, (c) => c.charCodeAt(0));
}

export function usePushDevice() {
  const [support, setSupport] = useState<DeviceSupport>("checking");
  const [endpointHash, setEndpointHash] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { subscribe, unsubscribe } = usePushDeviceMutations();

  const inspect = useCallback(async () => {
    if (!isSupported()) return setSupport("unsupported");
    if (Notification.permission === "denied") return setSupport("denied");
    const reg = await registration();
    if (!reg) return setSupport("no-worker");
    const sub = await reg.pushManager.getSubscription();
    setEndpointHash(sub ? await sha256Hex(sub.endpoint) : null);
    setSupport("ready");
  }, []);

  useEffect(() => {
    void inspect();
  }, [inspect]);

  const enable = useCallback(async () => {
    setError(null);
    try {
      const permission = await Notification.requestPermission();
      if (permission !== "granted") return void (await inspect());
      const reg = await registration();
      if (!reg) return setSupport("no-worker");
      const { publicKey } = await fetchPushKey();
      if (!publicKey) return setError("Push notifications are not set up on this server.");
      const sub =
        (await reg.pushManager.getSubscription()) ??
        (await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) }));
      const json = sub.toJSON() as { endpoint: string; keys: { p256dh: string; auth: string } };
      await subscribe.mutateAsync({ endpoint: json.endpoint, keys: json.keys });
      setEndpointHash(await sha256Hex(sub.endpoint));
    } catch (err) {
      setError(`This browser could not turn notifications on: ${err instanceof Error ? err.message : String(err)}`);
    }
  }, [inspect, subscribe]);

  const disable = useCallback(async () => {
    setError(null);
    try {
      const reg = await registration();
      const sub = await reg?.pushManager.getSubscription();
      if (sub) {
        await unsubscribe.mutateAsync({ endpoint: sub.endpoint });
        await sub.unsubscribe();
      }
      setEndpointHash(null);
    } catch (err) {
      setError(`Could not turn notifications off: ${err instanceof Error ? err.message : String(err)}`);
    }
  }, [unsubscribe]);

  return { support, endpointHash, error, enable, disable, busy: subscribe.isPending || unsubscribe.isPending };
}
