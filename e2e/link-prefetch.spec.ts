import { expect, test, type Response } from "./fixtures/test";
import { signInWhenFanvueAllows } from "./chats-fixtures";
import { budgetLeft } from "./fixtures/sandbox";

// Issue 23, "prefetch that does not render whole pages": the dashboard's
// pages are dynamic and have no loading.tsx, so Next prefetches a link in
// view without rendering its page (components/layout/link-pending.tsx says
// why): the fans page's prefetch carries none of the fans the page itself
// sends with its render. Navigating still works, and shows the page.

test.beforeEach(() => budgetLeft("luna"));

const isPrefetch = (h: Record<string, string>) => "next-router-prefetch" in h || "next-router-segment-prefetch" in h;

test("links in view are prefetched without rendering their page", async ({ page }) => {
  const prefetches: Response[] = [];
  page.on("response", (r) => {
    if (isPrefetch(r.request().headers())) prefetches.push(r);
  });
  await signInWhenFanvueAllows(page, "luna");
  await page.waitForURL(/\/c\/[^/?]+$/);
  const creatorId = page.url().match(/\/c\/([^/?]+)/)![1]!;
  const fans = (await (await page.request.get(`/api/creators/${creatorId}/fans`)).json()) as {
    rows: { handle: string }[];
  };
  expect(fans.rows.length).toBeGreaterThan(0);

  // The sidebar's Fans link is in view: its route is prefetched.
  const toFans = () => prefetches.filter((r) => new URL(r.url()).pathname === `/c/${creatorId}/fans`);
  await expect.poll(() => toFans().length, { timeout: 15_000 }).toBeGreaterThan(0);
  await page.waitForTimeout(3000);
  for (const r of prefetches) {
    const b = await r.text().catch(() => "ERR");
    console.log(
      "PF",
      r.url(),
      JSON.stringify(r.request().headers()).slice(0, 300),
      b.length,
      fans.rows.slice(0, 3).map((x) => b.includes(x.handle)),
    );
  }
  const bodies = await Promise.all(toFans().map((r) => r.text().catch(() => "")));
  // The page's render carries its first screen (the fans' handles: the check can see them)…
  const render = await page.request.get(`/c/${creatorId}/fans`, { headers: { RSC: "1" } });
  expect(await render.text()).toContain(`"${fans.rows[0]!.handle}"`);
  // …its prefetch does not.
  for (const body of bodies) for (const r of fans.rows.slice(0, 5)) expect(body).not.toContain(`"${r.handle}"`);

  await page.getByRole("link", { name: "Fans" }).first().click();
  await expect(page.getByRole("heading", { name: "Fans" })).toBeVisible();
  await expect(page.getByTestId(`fan-row-${fans.rows[0]!.handle}`)).toBeVisible();
});

test("static assets are cached for good and pages are compressed", async ({ page }) => {
  const scripts: string[] = [];
  page.on("request", (r) => {
    if (r.resourceType() === "script" && r.url().includes("/_next/static/")) scripts.push(r.url());
  });
  await page.goto("/sign-in");
  await expect.poll(() => scripts.length).toBeGreaterThan(0);
  const chunk = await page.request.get(scripts[0]!, { headers: { "Accept-Encoding": "gzip" } });
  expect(chunk.status()).toBe(200);
  // File names carry their content's hash: a browser never asks twice.
  expect(chunk.headers()["cache-control"]).toContain("immutable");
  expect(chunk.headers()["cache-control"]).toMatch(/max-age=31536000/);
  expect(chunk.headers()["content-encoding"]).toBe("gzip");
  const html = await page.request.get("/sign-in", { headers: { "Accept-Encoding": "gzip" } });
  expect(html.headers()["content-encoding"]).toBe("gzip");
  // Pages are per user: never kept by a shared cache.
  expect(html.headers()["cache-control"] ?? "").not.toMatch(/public/);
});
