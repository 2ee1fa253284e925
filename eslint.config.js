import js from "@eslint/js";
import tseslint from "typescript-eslint";

/** Layering (STYLE.md): app → lib/server → (lib/domain, db). These rules keep it without anyone having to remember. */
const DOMAIN_FORBIDDEN = [
  { group: ["@/db", "@/db/*", "../../db/*"], message: "lib/domain is pure: no database. Pass data in as arguments." },
  { group: ["@/app/*", "@/lib/server/*", "@/lib/auth/*", "@/lib/http/*"], message: "lib/domain must not depend on outer layers." },
  { group: ["next", "next/*", "next-auth", "next-auth/*", "react", "react-dom"], message: "lib/domain is framework-free." },
  { group: ["postgres", "@electric-sql/*", "drizzle-orm", "drizzle-orm/*"], message: "lib/domain does no I/O." },
  { group: ["node:fs", "node:fs/*", "fs", "node:net", "node:http", "node:child_process"], message: "lib/domain does no I/O." },
];

export default tseslint.config(
  { ignores: [".next/**", ".next-*/**", "node_modules/**", ".data/**", "db/migrations/**", "next-env.d.ts", "test-results/**", "playwright-report/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: "readonly", console: "readonly", Buffer: "readonly", URL: "readonly" } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "error",
    },
  },
  {
    files: ["lib/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: DOMAIN_FORBIDDEN }],
      "no-restricted-syntax": [
        "error",
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: "lib/domain takes time as an argument." },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "lib/domain takes time as an argument." },
      ],
    },
  },
  {
    files: ["app/**/*.ts", "app/**/*.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/db", "@/db/*"], message: "app/ calls operations in lib/server; it never touches the database directly." },
          ],
        },
      ],
    },
  },
  {
    files: ["bin/**/*.mjs", "*.config.js", "*.config.mjs"],
    languageOptions: { globals: { process: "readonly", console: "readonly" } },
  },
);
