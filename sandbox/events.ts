// Platform events (contract §7.1). API modules and the admin "simulate"
// actions call `emitEvent` whenever state changes in a way Fanvue announces;
// the webhook module delivers them (signed) to the configured URL.
import type { Sandbox } from "./state";

export type PlatformEvent =
  "message-received" | "message-read" | "new-follower" | "new-subscriber" | "purchase-received" | "tip-received";

export type EventSink = (event: PlatformEvent, payload: Record<string, unknown>) => void;

const sinks = new WeakMap<Sandbox, EventSink[]>();

export function onEvent(sb: Sandbox, sink: EventSink) {
  const list = sinks.get(sb) ?? [];
  list.push(sink);
  sinks.set(sb, list);
}

export function emitEvent(sb: Sandbox, event: PlatformEvent, payload: Record<string, unknown>) {
  for (const sink of sinks.get(sb) ?? []) sink(event, payload);
}
