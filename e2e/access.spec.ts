import { expect, test } from "@playwright/test";
import { contextAs, unique } from "./helpers";

const ADMIN_PAGES = ["/admin", "/admin/users", "/admin/teams", "/admin/organization", "/admin/api-keys", "/admin/audit"];

test.describe("access control", () => {
  test("an agent is refused every admin page", async ({ browser }) => {
    const { context, page } = await contextAs(browser, "agent");
    for (const path of ADMIN_PAGES) {
      await page.goto(path);
      await expect(page, path).toHaveURL(/\/forbidden$/);
      await expect(page.getByTestId("forbidden")).toBeVisible();
    }
    await context.close();
  });

  test("HR reaches the audit log but not the admin settings", async ({ browser }) => {
    const { context, page } = await contextAs(browser, "hr");
    await page.goto("/admin/audit");
    await expect(page).toHaveURL(/\/admin\/audit$/);
    await page.goto("/admin/users");
    await expect(page).toHaveURL(/\/forbidden$/);
    // an address with no page says so, with the way home
    const missing = await page.goto("/no-such-page");
    expect(missing?.status()).toBe(404);
    await expect(page.getByTestId("not-found")).toContainText("Page not found");
    await page.getByRole("link", { name: "Back to home" }).click();
    await expect(page).toHaveURL(/\/$/);
    await context.close();
  });

  test("headers that once bypassed middleware grant nothing", async ({ request }) => {
    for (const value of ["middleware:middleware:middleware:middleware:middleware", "proxy:proxy:proxy:proxy:proxy", "src/middleware"]) {
      const page = await request.get("/admin/users", { headers: { "x-middleware-subrequest": value }, maxRedirects: 0 });
      expect([302, 303, 307, 308]).toContain(page.status());
      expect(page.headers()["location"]).toMatch(/\/signin/);
      const api = await request.get("/api/v1/agents", { headers: { "x-middleware-subrequest": value } });
      expect(api.status()).toBe(401);
      expect((await api.json()).error.code).toBe("unauthorized");
    }
  });

  test("an agent submitting an admin form (a server action) is refused and nothing changes", async ({ browser }) => {
    const admin = await contextAs(browser, "admin");
    const agent = await contextAs(browser, "agent");
    const agentCookies = await agent.context.cookies();

    // The admin's page is loaded, then the session is swapped for the agent's before the form is sent:
    // the server action itself must check who is calling, not rely on the page having been reachable.
    const stale = await admin.context.browser()!.newContext();
    const page = await stale.newPage();
    await page.context().addCookies(await admin.context.cookies());
    await page.goto("/admin/teams");
    const name = unique("Sneaky team");
    await page.getByLabel("Name").fill(name);
    // Let link prefetches finish first: their responses refresh the session cookie and would undo the swap.
    await page.waitForLoadState("networkidle");
    await stale.clearCookies();
    await stale.addCookies(agentCookies);
    await page.getByRole("button", { name: "Create team" }).click();
    await expect(page.locator(".alert.error")).toContainText("You do not have permission");

    await admin.page.goto("/admin/teams");
    await expect(admin.page.getByTestId("teams-table")).not.toContainText(name);
    await Promise.all([stale.close(), admin.context.close(), agent.context.close()]);
  });

  test("a signed-out visitor's server action is refused", async ({ browser }) => {
    const admin = await contextAs(browser, "admin");
    await admin.page.goto("/admin/teams");
    const name = unique("Ghost team");
    await admin.page.getByLabel("Name").fill(name);
    await admin.page.waitForLoadState("networkidle");
    await admin.context.clearCookies();
    await admin.page.getByRole("button", { name: "Create team" }).click();
    await expect(admin.page.locator(".alert.error")).toContainText(/session has ended/i);
    await admin.context.close();
  });
});
