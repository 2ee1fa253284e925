import { expect, test } from "@playwright/test";
import { DEMO, signIn, type DemoRole } from "./helpers";

const roles: DemoRole[] = ["agent", "manager", "hr", "admin"];

test.describe("sign-in", () => {
  for (const role of roles) {
    test(`${role} signs in and sees their home`, async ({ page }) => {
      await signIn(page, DEMO[role]);
      await expect(page.getByTestId(`home-${role}`)).toBeVisible();
      await expect(page.getByTestId("whoami")).toContainText(/agent|manager|hr|admin/i);
      if (role === "manager") await expect(page.getByTestId("managed-team").first()).toContainText("Billing");
      if (role === "admin") await expect(page.getByRole("link", { name: "Admin" })).toBeVisible();
      if (role === "agent") await expect(page.getByRole("link", { name: "Admin" })).toHaveCount(0);
      await page.getByRole("button", { name: /sign out/i }).click();
      await expect(page).toHaveURL(/\/signin/);
      await page.goto("/");
      await expect(page).toHaveURL(/\/signin/);
    });
  }

  test("a wrong password is refused with a clear message", async ({ page }) => {
    await page.goto("/signin");
    await page.getByLabel(/email/i).fill(DEMO.hr);
    await page.getByLabel(/password/i).fill("not the password");
    await page.getByRole("button", { name: /^sign in$/i }).click();
    await expect(page.locator(".alert.error")).toContainText("Wrong email or password");
    await expect(page).toHaveURL(/\/signin/);
  });

  test("a signed-out visitor is sent to sign-in and back to the page they wanted", async ({ page }) => {
    await page.goto("/admin/teams");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
    await page.getByLabel(/email/i).fill(DEMO.admin);
    await page.getByLabel(/password/i).fill("podium-demo");
    await page.getByRole("button", { name: /^sign in$/i }).click();
    await expect(page).toHaveURL(/\/admin\/teams$/);
  });

  test("the language switcher translates the interface and is remembered", async ({ page }) => {
    // its own agent: the choice is saved on the account, and other tests sign in as the first demo agent
    await signIn(page, "budi.santoso@demo.podium.test");
    await page.getByLabel("Language").selectOption("ms");
    await expect(page.getByRole("button", { name: "Log keluar" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Selamat datang");
    await page.reload();
    await expect(page.getByRole("link", { name: "Utama" })).toBeVisible();
    await page.getByLabel("Bahasa").selectOption("en");
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  });
});
