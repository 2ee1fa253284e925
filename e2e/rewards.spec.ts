import { expect, test, type Page } from "@playwright/test";
import { contextAs, unique } from "./helpers";

/** Adds an item through HR's form at /rewards; the new card appears in the catalog. */
async function addReward(page: Page, values: { name: string; cost: string; stock?: string; approval?: boolean }) {
  await page.goto("/rewards");
  const form = page.getByTestId("new-reward-form");
  await form.getByLabel("Name", { exact: true }).fill(values.name);
  await form.getByLabel("Cost in points", { exact: true }).fill(values.cost);
  await form.getByLabel(/^Stock/).fill(values.stock ?? "");
  await form.getByLabel("Description", { exact: true }).fill("Made by the end-to-end suite");
  const approval = form.getByLabel(/HR fulfils each redemption/);
  if (values.approval === false) await approval.uncheck();
  else await approval.check();
  await form.getByRole("button", { name: "Add reward" }).click();
  await expect(form.getByRole("status")).toHaveText("Reward added.");
  await expect(page.locator(`[data-testid="reward-card"][data-name="${values.name}"]`)).toBeVisible();
}

const card = (page: Page, name: string) => page.locator(`[data-testid="reward-card"][data-name="${name}"]`);

test.describe("rewards catalog", () => {
  test("HR adds rewards with checked fields; an agent sees them with their balance and cannot redeem what they cannot afford", async ({ browser }) => {
    const hr = await contextAs(browser, "hr");
    // a bad cost is refused next to the field, and what was typed stays
    await hr.page.goto("/rewards");
    const form = hr.page.getByTestId("new-reward-form");
    await form.getByLabel("Name", { exact: true }).fill("Half a point");
    await form.getByLabel("Cost in points", { exact: true }).fill("0");
    await form.getByRole("button", { name: "Add reward" }).click();
    await expect(form.locator('[data-field="pointsCost"]')).toHaveText("must be at least 1 point");
    await expect(form.getByLabel("Name", { exact: true })).toHaveValue("Half a point");

    const pricey = unique("Corner office for a year");
    const soldOut = unique("Sold-out tickets");
    await addReward(hr.page, { name: pricey, cost: "1000000", stock: "1" });
    await addReward(hr.page, { name: soldOut, cost: "1", stock: "0", approval: false });
    await expect(card(hr.page, pricey).getByTestId("reward-stock")).toHaveText("1 left");
    await expect(card(hr.page, pricey)).toContainText("Needs approval");
    await expect(hr.page.getByTestId("redemption-queue")).toBeVisible();
    await hr.page.screenshot({ path: "test-results/rewards-hr.png", fullPage: true });

    const agent = await contextAs(browser, "agent");
    await agent.page.locator("nav.mainnav").getByRole("link", { name: "Rewards" }).click();
    await expect(agent.page).toHaveURL(/\/rewards$/);
    const balance = Number(await agent.page.getByTestId("points-balance").getAttribute("data-points"));
    expect(balance).toBeGreaterThanOrEqual(0);
    // agents neither manage the catalog nor see the queue
    await expect(agent.page.getByTestId("new-reward-form")).toHaveCount(0);
    await expect(agent.page.getByTestId("redemption-queue")).toHaveCount(0);

    const expensive = card(agent.page, pricey);
    await expect(expensive.getByTestId("reward-cost")).toHaveText("1,000,000 points");
    await expect(expensive.getByTestId("redeem")).toBeDisabled();
    await expect(expensive.getByTestId("redeem-blocked")).toHaveText(/^You need [\d,]+ points? more$/);
    const gone = card(agent.page, soldOut);
    await expect(gone.getByTestId("reward-stock")).toHaveText("Out of stock");
    await expect(gone.getByTestId("redeem")).toBeDisabled();
    await expect(gone.getByTestId("redeem-blocked")).toHaveText("Out of stock");
    await agent.page.screenshot({ path: "test-results/rewards-agent.png", fullPage: true });

    // HR takes the expensive one out of the catalog: the agent no longer sees it
    hr.page.once("dialog", (d) => d.accept());
    await card(hr.page, pricey).getByRole("button", { name: "Deactivate" }).click();
    await expect(card(hr.page, pricey)).toContainText("Inactive");
    await agent.page.reload();
    await expect(card(agent.page, pricey)).toHaveCount(0);
    await Promise.all([hr.context.close(), agent.context.close()]);
  });

  test("an agent with points redeems after confirming, and HR rejects it, which gives the points back", async ({ browser }) => {
    const agent = await contextAs(browser, "agent");
    await agent.page.goto("/rewards");
    const balance = Number(await agent.page.getByTestId("points-balance").getAttribute("data-points"));
    // The demo's closed months pay the Billing agents ticket points (CSAT ≥ 75 %): the demo agent has some to spend.
    expect(balance, "the demo agent's points from the seeded pay history").toBeGreaterThan(0);

    const hr = await contextAs(browser, "hr");
    const name = unique("Coffee e2e");
    await addReward(hr.page, { name, cost: "1", stock: "5", approval: true });

    await agent.page.reload();
    const item = card(agent.page, name);
    await item.getByTestId("redeem").click();
    await expect(item.getByTestId("redeem-confirm")).toContainText(`Spend 1 point on “${name}”?`);
    await item.getByRole("button", { name: "Yes, redeem" }).click();
    await expect(item.getByTestId("redeem-done")).toHaveText("Redeemed. HR will fulfil it soon.");
    await expect(agent.page.getByTestId("points-balance")).toHaveAttribute("data-points", String(balance - 1));
    await expect(item.getByTestId("reward-stock")).toHaveText("4 left");
    const mine = agent.page.getByTestId("my-redemptions").getByTestId("redemption-row").filter({ hasText: name });
    await expect(mine).toHaveAttribute("data-state", "requested");

    await hr.page.goto("/rewards");
    const row = hr.page.getByTestId("queue-table").getByTestId("redemption-row").filter({ hasText: name });
    await row.getByRole("textbox").fill("Machine is broken this week");
    await row.getByTestId("decide-reject").click();
    await expect(row).toHaveCount(0); // gone from the requested queue
    await hr.page.goto("/rewards?state=rejected");
    await expect(hr.page.getByTestId("queue-table").getByTestId("redemption-row").filter({ hasText: name })).toContainText("Machine is broken this week");

    await agent.page.reload();
    await expect(agent.page.getByTestId("points-balance")).toHaveAttribute("data-points", String(balance));
    await expect(mine).toHaveAttribute("data-state", "rejected");
    await Promise.all([hr.context.close(), agent.context.close()]);
  });
});
