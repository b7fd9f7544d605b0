// Server-rendered pages of the sandbox's authorization server.
import type { Account } from "../world/types";

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

const KIND_LABEL: Record<Account["kind"], string> = {
  creator: "Creator",
  agency: "Agency admin",
  team: "Agency team member",
  fan: "Fan",
};

const SCOPE_LABEL: Record<string, string> = {
  "read:self": "See your profile",
  "read:chat": "Read your chats",
  "write:chat": "Send messages on your behalf",
  "read:fan": "See your fans, followers and subscribers",
  "read:post": "See your posts",
  "write:post": "Create and edit posts",
  "read:media": "See your vault",
  "write:media": "Upload media and manage vault folders",
  "read:creator": "Act on creators you manage",
  "write:creator": "Create content for creators you manage",
  "read:insights": "See earnings and fan insights",
  "read:tracking_links": "See tracking links",
  "write:tracking_links": "Manage tracking links",
  "read:agency": "See your agency",
  "write:agency": "Manage your agency",
};

const STYLE = `
*{box-sizing:border-box}body{margin:0;font:15px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;background:#0f1115;color:#e8e8ea;display:flex;min-height:100vh;align-items:center;justify-content:center;padding:24px}
.card{width:100%;max-width:460px;background:#181b22;border:1px solid #2a2f3a;border-radius:16px;padding:28px}
.brand{display:flex;align-items:center;gap:8px;font-weight:700;color:#a3f7bf;margin-bottom:18px}.brand span{font-size:12px;font-weight:600;color:#0f1115;background:#a3f7bf;border-radius:999px;padding:2px 8px}
h1{font-size:20px;margin:0 0 6px}p{margin:0 0 16px;color:#b7bac3}
fieldset{border:0;padding:0;margin:0 0 16px}legend{font-weight:600;margin-bottom:8px}
label.acc{display:flex;align-items:center;gap:12px;padding:10px 12px;border:1px solid #2a2f3a;border-radius:10px;margin-bottom:8px;cursor:pointer}
label.acc:has(input:checked){border-color:#a3f7bf;background:#1d2a24}
.av{width:36px;height:36px;border-radius:50%;display:flex;align-items:center;justify-content:center;font-weight:700;background:#2f3646}
.meta small{display:block;color:#8d92a0}
ul{margin:0 0 20px;padding-left:18px;color:#b7bac3}
.row{display:flex;gap:10px}button{flex:1;padding:11px 14px;border-radius:10px;border:1px solid #2a2f3a;font:inherit;font-weight:600;cursor:pointer;background:#232833;color:#e8e8ea}
button.primary{background:#a3f7bf;color:#0f1115;border-color:#a3f7bf}
.err{color:#ffb4b4}`;

export function consentPage(o: {
  request: Record<string, string>;
  appName: string;
  accounts: Account[];
  hint: string;
}) {
  const r = o.request;
  const hidden = [
    ["client_id", r.clientId],
    ["redirect_uri", r.redirectUri],
    ["scope", r.scope],
    ["state", r.state],
    ["code_challenge", r.codeChallenge],
    ["code_challenge_method", r.codeChallengeMethod],
    ["nonce", r.nonce],
  ]
    .map(([k, v]) => `<input type="hidden" name="${k}" value="${esc(v ?? "")}">`)
    .join("");
  const hinted = o.accounts.find((a) => a.handle === o.hint);
  const accounts = o.accounts
    .map((a, i) => {
      const checked = hinted ? a === hinted : i === 0;
      return `<label class="acc"><input type="radio" name="account" value="${a.uuid}"${checked ? " checked" : ""} aria-label="${esc(a.displayName)} (@${esc(a.handle)})">
<span class="av" aria-hidden="true">${esc(a.displayName.slice(0, 1))}</span>
<span class="meta">${esc(a.displayName)} <small>@${esc(a.handle)} · ${KIND_LABEL[a.kind]}</small></span></label>`;
    })
    .join("");
  const scopes = (r.scope ?? "")
    .split(" ")
    .filter((s) => SCOPE_LABEL[s])
    .map((s) => `<li>${esc(SCOPE_LABEL[s]!)}</li>`)
    .join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Authorize ${esc(o.appName)} · Fanvue sandbox</title><style>${STYLE}</style></head><body>
<main class="card"><div class="brand">Fanvue <span>Sandbox</span></div>
<h1>${esc(o.appName)} wants to access your Fanvue account</h1>
<p>Pick the seeded account to sign in as. This is the local Fanvue emulator; no real account is used.</p>
<form method="post" action="/oauth2/auth/decision">${hidden}
<fieldset><legend>Sign in as</legend>${accounts}</fieldset>
<p>${esc(o.appName)} will be able to:</p><ul>${scopes}</ul>
<div class="row"><button type="submit" name="decision" value="deny">Deny</button>
<button type="submit" name="decision" value="allow" class="primary">Allow</button></div>
</form></main></body></html>`;
}

export function errorPage(message: string) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Authorization error · Fanvue sandbox</title><style>${STYLE}</style></head><body>
<main class="card"><div class="brand">Fanvue <span>Sandbox</span></div><h1>Authorization error</h1><p class="err">${esc(message)}</p></main></body></html>`;
}
