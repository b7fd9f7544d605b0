// Importing env validates it: `next start`/`next dev` refuse to boot on a
// missing or malformed variable and name it.
import "./lib/env.mjs";

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // pg and the Prisma adapter stay as Node modules (no bundling of native bits).
  serverExternalPackages: ["pg", "@prisma/adapter-pg"],
  // Development overlays and the e2e build share one dist dir per mode.
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
    ];
  },
};

export default nextConfig;
