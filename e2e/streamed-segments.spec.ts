import { expect, test } from "./fixtures/test";

// The journeys' workaround for React's transient hidden copies (e2e/fixtures/test.ts), on a
// document shaped as React streams it: two boundaries whose content arrived and is queued
// for reveal in window.$RB.
const STREAMED = `<!doctype html><html><body>
<!--$~--><template id="B:0"></template><p>Loading A</p><!--/$-->
<!--$~--><template id="B:1"></template><p>Loading B</p><!--/$-->
<div hidden id="S:0"><p>Content A</p></div>
<div hidden id="S:1"><p>Content B</p></div>
<script>window.$RB = [document.getElementById("B:0"), document.getElementById("S:0"), document.getElementById("B:1"), document.getElementById("S:1")];</script>
</body></html>`;

test("a queued segment whose boundary React rendered itself is gone at once; one still queued stays", async ({
  page,
}) => {
  await page.route("http://streamed.test/", (route) => route.fulfill({ contentType: "text/html", body: STREAMED }));
  await page.goto("http://streamed.test/");
  await expect(page.locator("#S\\:0")).toHaveCount(1);

  // React renders boundary A on the client: its fallback (with the template) is replaced by
  // a visible copy, in one task. Nothing may ever see two "Content A".
  const seen = await page.evaluate(async () => {
    const template = document.getElementById("B:0")!;
    const fallback = template.nextElementSibling!;
    const copy = document.createElement("p");
    copy.textContent = "Content A";
    template.before(copy);
    template.remove();
    fallback.remove();
    await Promise.resolve();
    return [...document.querySelectorAll("p")].filter((p) => p.textContent === "Content A").length;
  });
  expect(seen).toBe(1);
  await expect(page.getByText("Content A")).toBeVisible();
  await expect(page.locator("#S\\:0")).toHaveCount(0);
  // Boundary B was not touched: its segment waits for React's own reveal.
  await expect(page.locator("#S\\:1")).toHaveCount(1);
  await expect(page.getByText("Loading B")).toBeVisible();
});
