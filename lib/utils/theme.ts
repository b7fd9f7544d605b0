import type { Theme } from "@/lib/schemas/viewer";

// The colour theme: "system" follows the device (prefers-color-scheme), "light" and "dark" pin it.
// The choice lives in localStorage (read by THEME_SCRIPT before the first paint, so a page never
// flashes the wrong theme) and, for a signed-in user, on the server (User.theme), so it follows
// them to every device: the dashboard puts the server's choice into localStorage when they differ.

export type ThemeChoice = Theme | "system";
export const THEME_CHOICES: readonly ThemeChoice[] = ["system", "light", "dark"];
export const THEME_STORAGE_KEY = "vd-theme";
/** Fired on window when this tab changes the theme (the `storage` event covers other tabs). */
export const THEME_EVENT = "vd-theme";

export const toThemeChoice = (t: string | null | undefined): ThemeChoice =>
  t === "light" || t === "dark" ? t : "system";

/** Runs inline in <head> before the body is parsed: sets `dark` on <html> and color-scheme
 * (form controls, scrollbars) from the stored choice and the device's setting, and follows a
 * change of either (the OS switching at sunset, another tab choosing, this tab's THEME_EVENT whose
 * detail is the choice, kept in memory should storage be refused). A MutationObserver puts them
 * back if anything rewrites <html>'s attributes (React re-creating the root after a hydration
 * error clears them), before the next paint. Plain ES5, no imports. */
export const THEME_SCRIPT = `(function(){try{var k=${JSON.stringify(THEME_STORAGE_KEY)},d=document.documentElement,m=window.matchMedia("(prefers-color-scheme: dark)"),c;function on(){var t=c;if(t===void 0){t=null;try{t=localStorage.getItem(k)}catch(e){}}return t==="dark"||(t!=="light"&&m.matches)}function a(){var x=on(),s=x?"dark":"light";if(d.classList.contains("dark")!==x)d.classList.toggle("dark",x);if(d.style.colorScheme!==s)d.style.colorScheme=s}a();m.addEventListener("change",a);window.addEventListener("storage",function(e){if(e.key===k){c=void 0;a()}});window.addEventListener(${JSON.stringify(THEME_EVENT)},function(e){c=e.detail;a()});new MutationObserver(a).observe(d,{attributes:true,attributeFilter:["class","style"]})}catch(e){}})();`;
