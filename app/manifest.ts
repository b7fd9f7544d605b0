import type { MetadataRoute } from "next";

// Served at /manifest.webmanifest and linked from every page's <head> by Next
// (its metadata file convention). Static: Next renders it once at build time.
// Colours from app/globals.css: the brand green (--color-brand-600, the same
// theme colour as the root layout's viewport) and the page's canvas, so the
// splash screen of the installed app opens on the colour the app paints first.
// Icons are drawn by scripts/pwa-assets.mjs.
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/",
    name: "Vuedeck",
    short_name: "Vuedeck",
    description: "The self-hosted dashboard for Fanvue creators and agencies.",
    start_url: "/",
    scope: "/",
    display: "standalone",
    theme_color: "#068447",
    background_color: "#f6f7f9",
    categories: ["business", "productivity"],
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-192.png", sizes: "192x192", type: "image/png", purpose: "maskable" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
    ],
  };
}
