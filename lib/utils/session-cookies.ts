// Auth.js's session cookie (database sessions: it holds the Session row's
// token); the `__Secure-` name is used over HTTPS. Read by proxy.ts (is there
// a session at all?) and by the live stream (which session opened it).
export const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"] as const;
