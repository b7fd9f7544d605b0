import { expect, type Page } from "@playwright/test";
import { signInAs } from "./fixtures/auth";
import { sandboxAdmin, sandboxUrl } from "./fixtures/sandbox";

/**
 * Signs in, riding out a drained Fanvue rate bucket. Sign-in calls Fanvue's
 * /users/me outside the rate limiter (lib/server/fanvue/users.ts
 * getMeWithToken): while background syncs drain the account's bucket (right
 * after the stack starts, the earnings backfill does), Fanvue answers 429 and
 * sign-in fails with error=Configuration. Reported to the lead; until fixed,
 * wait until the account's bucket has room (Fanvue answers 200) and retry.
 */
export async function signInWhenFanvueAllows(page: Page, handle: string) {
  await signInAs(page, handle);
  if (!page.url().includes("error=")) return;
  const { access } = await sandboxAdmin<{ access: string[] }>(`/oauth/tokens?handle=${handle}`);
  const me = () =>
    fetch(`${sandboxUrl()}/users/me`, {
      headers: { Authorization: `Bearer ${access[0]}`, "X-Fanvue-API-Version": "2025-06-26" },
    }).then((r) => r.status);
  // One rate window (60 s) at most.
  await expect.poll(me, { timeout: 65_000, intervals: [1_000] }).toBe(200);
  await signInAs(page, handle);
}
