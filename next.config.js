import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM and must not be bundled (webpack crashes; Turbopack copies it into static files).
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
  typedRoutes: false,
  // Lets several builds or dev servers of one checkout run side by side (e.g. a benchmark build beside `next dev`).
  distDir: process.env.PODIUM_NEXT_DIST_DIR || ".next",
};

export default withNextIntl(nextConfig);
