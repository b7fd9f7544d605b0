// Route overhead (issue 4): our API routes (session, membership, scope, role,
// parsing, snapshot or ledger read) against a direct call to the sandbox, in
// the same run, on a production build.
import { fmt, row, timeIt } from "./harness";
import { signInLuna, startProdStack, stopProdStack } from "./prod-stack";

const prod = await startProdStack("routes");
const { stack } = prod;

console.log("API routes");
const { creator, tokens, cookie } = await signInLuna(prod);

const get = async (url: string, headers: Record<string, string>) => {
  const res = await fetch(url, { headers });
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  await res.arrayBuffer();
};
const direct = { Authorization: `Bearer ${tokens.access_token}`, "X-Fanvue-API-Version": "2025-06-26" };
await get(`${stack.appUrl}/api/creators/${creator.id}/overview`, { Cookie: cookie }); // warm the route and its cache
const sandbox = await timeIt(100, () => get(`${stack.sandboxUrl}/chats/lists/smart`, direct));
const overview = await timeIt(100, () =>
  get(`${stack.appUrl}/api/creators/${creator.id}/overview`, { Cookie: cookie }),
);
const me = await timeIt(100, () => get(`${stack.appUrl}/api/me`, { Cookie: cookie }));
row("direct sandbox call (GET /chats/lists/smart), p50", fmt(sandbox.p50));
row("our route: GET /api/me (session + workspaces), p50", fmt(me.p50));
row(
  "our route: GET /api/creators/:id/overview (cached), p50",
  fmt(overview.p50),
  `overhead vs direct ${fmt(overview.p50 - sandbox.p50)}`,
);
await stopProdStack(prod);
process.exit(0);
