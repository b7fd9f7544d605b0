// Stub: filled in by the sandbox API work (issue 3).
import type { Router } from "./http";
import type { Sandbox } from "./state";

export function registerWebhooks(_open: Router, _sb: Sandbox) {}
