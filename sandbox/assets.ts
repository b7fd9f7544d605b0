// Generated images the sandbox serves itself (avatars now; media variants
// later), so demo mode never reaches the internet.
import { send, type Router } from "./http";
import { hashToInt } from "./world/random";
import type { Sandbox } from "./state";

const PALETTE = ["#7c5cff", "#ff6b9a", "#17b890", "#ff9f1c", "#2ec4b6", "#e71d36", "#3a86ff", "#8338ec"];

export function avatarSvg(label: string, seed: string) {
  const h = hashToInt(seed);
  const bg = PALETTE[h % PALETTE.length]!;
  const letter = (label[0] ?? "?").toUpperCase();
  return `<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 128 128"><rect width="128" height="128" fill="${bg}"/><text x="64" y="82" font-family="system-ui,sans-serif" font-size="56" font-weight="700" fill="#fff" text-anchor="middle">${letter}</text></svg>`;
}

export function registerAssets(router: Router, sb: Sandbox) {
  router.get("/__assets/avatar/:name", (ctx) => {
    const handle = (ctx.params.name ?? "").replace(/\.svg$/, "");
    const acc = sb.world.byHandle.get(handle);
    send(ctx, 200, avatarSvg(acc?.displayName ?? handle, handle), {
      "Content-Type": "image/svg+xml",
      "Cache-Control": "public, max-age=86400",
    });
  });
}
