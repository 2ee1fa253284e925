import { expect, test } from "@playwright/test";
import { contextAs, signIn, unique } from "./helpers";

test.describe("admin", () => {
  test("creates a team, a user in it, and an API key that works", async ({ browser, request }) => {
    const { context, page } = await contextAs(browser, "admin");

    // a team
    const team = unique("Escalations");
    await page.goto("/admin/teams");
    await page.getByLabel("Name").fill(team);
    await page.getByRole("button", { name: "Create team" }).click();
    await expect(page.getByTestId("teams-table")).toContainText(team);

    // an agent in that team, with a generated password shown once
    const email = `${unique("new.agent").replace(/\s+/g, ".").toLowerCase()}@example.test`;
    await page.goto("/admin/users");
    const form = page.getByTestId("new-user-form");
    await form.getByLabel("Email").fill(email);
    await form.getByLabel("Name", { exact: true }).fill("New Agent");
    await form.getByLabel("Role").selectOption("agent");
    await form.getByLabel("Team").selectOption({ label: team });
    await form.getByRole("button", { name: /create/i }).click();
    const password = (await page.getByTestId("created-password").innerText()).trim();
    expect(password.length).toBeGreaterThanOrEqual(10);
    await expect(page.getByTestId("users-table")).toContainText(email);

    // the team now lists the agent
    await page.goto("/admin/teams");
    await page.getByRole("link", { name: team }).click();
    await expect(page.getByTestId("members-table")).toContainText("New Agent");

    // an API key, shown once, that reads the agent directory
    await page.goto("/admin/api-keys");
    const keyName = unique("Helpdesk");
    await page.getByLabel("Name").fill(keyName);
    await page.getByLabel("kpis:read").check();
    await page.getByRole("button", { name: /create/i }).click();
    const key = (await page.getByTestId("created-api-key").innerText()).trim();
    expect(key).toMatch(/^pdm_/);
    await expect(page.getByTestId("api-keys-table")).toContainText(keyName);
    const agents = await request.get("/api/v1/agents", { headers: { Authorization: `Bearer ${key}` } });
    expect(agents.status()).toBe(200);
    expect(JSON.stringify(await agents.json())).toContain(email);

    // the new agent signs in with the generated password
    const fresh = await browser.newContext();
    const agentPage = await fresh.newPage();
    await signIn(agentPage, email, password);
    await expect(agentPage.getByTestId("home-agent")).toBeVisible();
    await expect(agentPage.getByTestId("home-agent")).toContainText(team);

    // revoking the key stops it at once
    const row = page.getByTestId("api-keys-table").getByRole("row", { name: new RegExp(keyName) });
    page.once("dialog", (d) => d.accept());
    await row.getByRole("button", { name: /revoke/i }).click();
    await expect(row).toContainText(/revoked/i);
    const after = await request.get("/api/v1/agents", { headers: { Authorization: `Bearer ${key}` } });
    expect(after.status()).toBe(401);

    // and all of it is in the audit log
    await page.goto("/admin/audit");
    await expect(page.getByTestId("audit-table")).toContainText("apikey.revoke");
    await expect(page.getByTestId("audit-table")).toContainText("user.create");
    await Promise.all([context.close(), fresh.close()]);
  });

  test("a form with bad input shows the error next to the field and saves nothing", async ({ browser }) => {
    const { context, page } = await contextAs(browser, "admin");
    await page.goto("/admin/users");
    const form = page.getByTestId("new-user-form");
    await form.getByLabel("Email").fill("not-an-email");
    await form.getByRole("button", { name: /create/i }).click();
    await expect(form.locator('[data-field="email"]')).toContainText("valid email");
    await expect(page.getByTestId("users-table")).not.toContainText("not-an-email");
    await context.close();
  });
});
