import { expect, type Page } from "@playwright/test";

/** Full-page screenshots at desktop (1280 px) and phone (390 px) widths,
 * saved under test-results/screenshots/ for review. At each width the page
 * must not scroll sideways: a wide element fails the test and is named. */
export async function screenshots(page: Page, name: string) {
  const original = page.viewportSize();
  for (const [label, width, height] of [
    ["desktop", 1280, 800],
    ["phone", 390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    const measure = () =>
      page.evaluate(() => {
        const w = document.documentElement.clientWidth;
        if (document.documentElement.scrollWidth <= w + 1) return null;
        const clipped = (el: Element) => {
          for (let p = el.parentElement; p; p = p.parentElement) {
            const o = getComputedStyle(p).overflowX;
            if (o === "auto" || o === "hidden" || o === "scroll" || o === "clip") return true;
          }
          return false;
        };
        const over = [...document.querySelectorAll("body *")].filter(
          (el) => el.getBoundingClientRect().right > w + 1 && !clipped(el),
        );
        // The innermost ones first: the element that pushes, not every box around it.
        const wide = over
          .filter((el) => !over.some((o) => o !== el && el.contains(o)))
          .concat(over)
          .slice(0, 5)
          .map(
            (el) =>
              `${el.tagName.toLowerCase()}.${(el.getAttribute("class") ?? "").split(" ").slice(0, 4).join(".")} (${Math.round(el.getBoundingClientRect().right)}px)`,
          );
        return { scrollWidth: document.documentElement.scrollWidth, wide };
      });
    // Charts re-measure on the resize (a ResizeObserver, a frame or two later): wait for the layout
    // to settle, then it must fit. A page that still scrolls sideways after 5 s is a real overflow.
    await expect.poll(measure, { message: `${name} scrolls sideways at ${width}px`, timeout: 5_000 }).toBeNull();
    // A figure cut off with "…" (or spilling out of its tile) hides digits.
    const cut = await page.evaluate(() =>
      [...document.querySelectorAll(".tabular")]
        .filter(
          (el) =>
            el instanceof HTMLElement &&
            el.offsetParent !== null &&
            el.scrollWidth > el.clientWidth + 1 &&
            getComputedStyle(el).display !== "inline",
        )
        .slice(0, 5)
        .map((el) => `${el.getAttribute("data-testid") ?? el.tagName.toLowerCase()}: ${el.textContent}`),
    );
    expect(cut, `${name}: figures cut off at ${width}px`).toEqual([]);
    await page.screenshot({ path: `test-results/screenshots/${name}-${label}.png`, fullPage: true });
  }
  if (original) await page.setViewportSize(original);
}

/** What a finger can hit. */
const TAPPABLE =
  'a[href], button, [role="button"], input:not([type="hidden"]), select, textarea, [role="tab"], [role="menuitem"], [role="radio"], [role="checkbox"], [role="switch"], summary';

/**
 * Every visible control on the page is at least 44 × 44 px (Apple's minimum, WCAG 2.5.5) at the
 * page's current width (call it at 390 px). Not counted: links inside running text (a sentence's
 * link is as tall as its line, WCAG's inline exception), a tick box or radio inside its label (the
 * label is the target, measured instead), and elements marked `data-tap-exempt="<why>"` (the
 * reason is required). Fails listing the offenders with their size.
 */
export async function expectTapTargets(page: Page, name: string, { soft = false } = {}) {
  const offenders = await page.evaluate(
    ({ selector, min }) => {
      const visible = (el: Element, r: DOMRect) => {
        if (r.width <= 1 || r.height <= 1) return false; // sr-only, collapsed
        const s = getComputedStyle(el);
        if (s.visibility === "hidden" || Number(s.opacity) === 0) return false;
        // Clipped away (sr-only: a skip link until it is focused).
        if (s.clip === "rect(0px, 0px, 0px, 0px)" || s.clipPath === "inset(50%)") return false;
        return !el.closest('[aria-hidden="true"], [inert]');
      };
      // A link in a sentence: inline, with text of its own block around it.
      const inText = (el: Element) => {
        if (el.tagName !== "A" || getComputedStyle(el).display !== "inline") return false;
        const block = el.parentElement;
        return Boolean(block && (block.textContent ?? "").trim().length > (el.textContent ?? "").trim().length);
      };
      const targetOf = (el: Element) => {
        const input = el instanceof HTMLInputElement && (el.type === "checkbox" || el.type === "radio");
        return input ? (el.closest("label") ?? el) : el;
      };
      const label = (el: Element) => {
        const id = el.getAttribute("data-testid");
        const text = (el.getAttribute("aria-label") ?? el.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 40);
        return `${el.tagName.toLowerCase()}${id ? `[${id}]` : ""} "${text}"`;
      };
      const out: string[] = [];
      for (const el of document.querySelectorAll(selector)) {
        if (el.closest("[data-tap-exempt]")) continue;
        const target = targetOf(el);
        const r = target.getBoundingClientRect();
        if (!visible(el, el.getBoundingClientRect()) || inText(el)) continue;
        // Half a pixel of rounding (borders, sub-pixel layout) is not a smaller target.
        if (r.width < min - 0.5 || r.height < min - 0.5)
          out.push(`${label(el)} ${Math.round(r.width)}×${Math.round(r.height)}`);
      }
      return [...new Set(out)];
    },
    { selector: TAPPABLE, min: 44 },
  );
  const width = page.viewportSize()?.width;
  (soft ? expect.soft : expect)(offenders, `${name}: tap targets under 44 × 44 px at ${width}px`).toEqual([]);
}
