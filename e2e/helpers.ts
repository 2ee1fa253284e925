import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "podium-demo";
export const DEMO = {
  admin: "admin@demo.podium.test",
  hr: "hr@demo.podium.test",
  manager: "manager.billing@demo.podium.test",
  agent: "aisyah.rahman@demo.podium.test",
} as const;
export type DemoRole = keyof typeof DEMO;

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/signin");
  await page.getByLabel(/email/i).fill(email);
  await page.getByLabel(/password/i).fill(password);
  await page.getByRole("button", { name: /^sign in$/i }).click();
  await expect(page).not.toHaveURL(/\/signin/);
}

/** A fresh browser context signed in as a demo role. */
export async function contextAs(browser: Browser, role: DemoRole): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, DEMO[role]);
  return { context, page };
}

export const unique = (prefix: string) => `${prefix} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
