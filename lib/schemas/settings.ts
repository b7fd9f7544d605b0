// The Settings page's Fanvue connection card (GET /api/me/connections).

export type ConnectionState =
  /** Tokens held and working. */
  | "connected"
  /** Fanvue refused our tokens (revoked, expired chain): a new sign-in is needed. */
  | "needs_reconnect"
  /** The owner disconnected it in Settings: no tokens are stored. */
  | "disconnected";

export type ConnectionView = {
  workspaceId: string;
  workspaceName: string;
  workspaceKind: "creator" | "agency";
  state: ConnectionState;
  /** Why it needs a reconnect, in our words (null when connected). */
  reason: string | null;
  /** Demo mode: the local Fanvue sandbox, not fanvue.com. */
  isSandbox: boolean;
  /** What Fanvue granted on the last sign-in or refresh. */
  grantedScopes: string[];
  /** What Vuedeck asks for; a requested scope missing from the grant turns features off. */
  requestedScopes: string[];
  connectedSince: string;
  /** The last sign-in or token refresh (null: never refreshed). */
  lastRefreshAt: string | null;
};

/** `revocationSent`: Fanvue was asked to revoke the refresh token (false: none was stored). */
export type ConnectionDisconnected = { workspaceId: string; state: "disconnected"; revocationSent: boolean };
