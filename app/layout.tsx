import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { Providers } from "@/components/layout/providers";
import { ServiceWorker } from "@/components/pwa/service-worker";
import { THEME_SCRIPT } from "@/lib/utils/theme";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Vuedeck", template: "%s · Vuedeck" },
  description: "The self-hosted dashboard for Fanvue creators and agencies.",
  applicationName: "Vuedeck",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  // Edge to edge on phones with a notch or home indicator: the tab bar, the composer and sheets pad
  // themselves with env(safe-area-inset-*), which is 0 without it.
  viewportFit: "cover",
  themeColor: "#068447",
};

/** This request's CSP nonce (proxy.ts puts the policy on the request): inline scripts run only with it. */
async function cspNonce() {
  const csp = (await headers()).get("content-security-policy");
  return csp?.match(/'nonce-([^']+)'/)?.[1];
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const nonce = await cspNonce();
  // suppressHydrationWarning: THEME_SCRIPT sets html's class and color-scheme before React runs.
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body className="min-h-dvh font-sans">
        <Providers>{children}</Providers>
        <ServiceWorker />
      </body>
    </html>
  );
}
