// Stub: filled in by the sandbox API work (issue 3).
import type { Router } from "../http";
import type { Sandbox } from "../state";
import type { Api } from "./registry";

export function registerAudience(_api: Api, _sb: Sandbox, _open: Router) {}
