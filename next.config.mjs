import { PHASE_PRODUCTION_BUILD } from "next/constants.js";

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // pg and the Prisma adapter stay plain Node modules (not bundled).
  serverExternalPackages: ["pg", "@prisma/adapter-pg"],
  experimental: {
    // The stylesheet (Tailwind: ~14 kB gzip for the whole app) comes inside the HTML instead of
    // as a render-blocking request: a phone on a slow network paints the first screen one
    // round trip sooner (`npm run bench -- phone`). Client navigations do not repeat it.
    inlineCss: true,
  },
  // `npm test` type-checks the whole project (tsc --noEmit) before it
  // builds; the build does not repeat it.
  typescript: { ignoreBuildErrors: true },
  // Parallel e2e runs (several worktrees or agents) build into their own dir.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
      {
        // The service worker (public/sw.js) is checked on every visit, never
        // read from a cache, and may itself load or fetch from this origin only.
        source: "/sw.js",
        headers: [
          { key: "Cache-Control", value: "no-cache" },
          { key: "Content-Security-Policy", value: "default-src 'self'; script-src 'self'" },
        ],
      },
    ];
  },
};

export default async function config(phase) {
  // Validating env here makes `next start` / `next dev` refuse to boot on a
  // missing or malformed variable, naming it. `next build` needs no secrets.
  if (phase !== PHASE_PRODUCTION_BUILD) await import("./lib/env.mjs");
  return nextConfig;
}
