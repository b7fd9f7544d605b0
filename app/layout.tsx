import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { Providers } from "@/components/layout/providers";
import { ServiceWorker } from "@/components/pwa/service-worker";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Vuedeck", template: "%s · Vuedeck" },
  description: "The self-hosted dashboard for Fanvue creators and agencies.",
  applicationName: "Vuedeck",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: "#068447",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-dvh font-sans">
        <Providers>{children}</Providers>
        <ServiceWorker />
      </body>
    </html>
  );
}
