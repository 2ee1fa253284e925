import { expect, test } from "@playwright/test";
import { contextAs, unique } from "./helpers";

// The demo organization holds 90 days of calls, tickets and surveys up to today (SPEC §12), so last month has data.
test.describe("incentive campaigns", () => {
  test("a manager builds a tiered CSAT campaign for their team, replays it on last month, saves and launches it", async ({ browser }) => {
    const { context, page } = await contextAs(browser, "manager");
    await page.locator("nav.mainnav").getByRole("link", { name: "Campaigns" }).click();
    await expect(page).toHaveURL(/\/campaigns$/);
    await page.getByTestId("new-campaign").click();

    // a template picker, each with a line of description, plus blank
    const picker = page.getByTestId("template-picker");
    await expect(picker.locator('[data-template="tiered-csat"]')).toContainText("highest tier reached pays");
    await picker.locator('[data-template="blank"]').click();
    await expect(page).toHaveURL(/template=blank/);

    const builder = page.getByTestId("campaign-builder");
    const name = unique("CSAT tiers e2e");
    await builder.getByLabel("Name", { exact: true }).fill(name);
    // a manager's draft starts with the team they manage, and only theirs is offered
    const participants = builder.getByTestId("participants");
    await expect(participants.getByRole("checkbox")).toHaveCount(1);
    await expect(participants.getByRole("checkbox", { name: "Billing" })).toBeChecked();

    await builder.getByTestId("rule-kind").getByText("Tiers", { exact: true }).click();
    const tiers = builder.getByTestId("tiers");
    await expect(tiers.locator("tbody tr")).toHaveCount(3);
    await expect(builder.getByLabel("KPI", { exact: true })).toHaveValue("csat");
    for (const [i, value, points] of [
      [1, "70", "50"],
      [2, "80", "100"],
      [3, "90", "200"],
    ] as const) {
      await tiers.getByLabel(`Value of tier ${i}`, { exact: true }).fill(value);
      await tiers.getByLabel(`Award of tier ${i}: amount`, { exact: true }).fill(points);
    }
    // a tier out of order is refused next to its field, then fixed
    await tiers.getByLabel("Value of tier 3", { exact: true }).fill("75");
    await expect(builder.locator('[data-field="rule.tiers[2].value"]')).toContainText("must be higher than tier 2");
    await expect(page.getByTestId("campaign-errors")).toContainText("rule.tiers[2].value");
    await tiers.getByLabel("Value of tier 3", { exact: true }).fill("90");
    await expect(builder.locator('[data-field="rule.tiers[2].value"]')).toHaveCount(0);

    // the live preview runs on the current period
    await expect(page.getByTestId("preview-results")).toBeVisible();

    // the JSON view shows the same document
    await builder.getByRole("tab", { name: "JSON" }).click();
    const json = JSON.parse(await builder.getByLabel("Campaign JSON").inputValue());
    expect(json.rule).toMatchObject({ kind: "tiered", metric: "csat", op: "gte", tiers: [{ value: 70 }, { value: 80 }, { value: 90, award: { type: "points", amount: 200 } }] });
    expect(json.participants.teams).toHaveLength(1);
    // edits in the JSON view reach the form; text that does not parse says why and changes nothing
    const text = builder.getByLabel("Campaign JSON");
    await text.fill("{ not json");
    await expect(builder.getByTestId("json-error")).toContainText("Not valid JSON");
    // … and holds Save and the form tab, so the edits cannot be dropped by saving the last valid draft
    await expect(builder.getByTestId("save-campaign")).toBeDisabled();
    await expect(builder.getByTestId("save-blocked")).toContainText("does not parse");
    await expect(builder.getByRole("tab", { name: "Form" })).toBeDisabled();
    await text.fill(JSON.stringify({ ...json, description: "Edited as JSON" }, null, 2));
    await expect(builder.getByTestId("json-error")).toHaveCount(0);
    await builder.getByRole("tab", { name: "Form" }).click();
    await expect(builder.getByLabel("Description", { exact: true })).toHaveValue("Edited as JSON");
    await expect(builder.getByTestId("tiers").getByLabel("Value of tier 3", { exact: true })).toHaveValue("90");

    // what-if replay on last month: winners, cost, distribution, fairness
    const replay = page.getByTestId("replay");
    await replay.getByText("Last month", { exact: true }).click();
    await replay.getByTestId("run-replay").click();
    const results = replay.getByTestId("replay-results");
    await expect(results).toBeVisible({ timeout: 30_000 });
    await expect(results.getByTestId("replay-winners")).toContainText(/[1-9]\d* of \d+ agents/);
    await expect(results.getByTestId("replay-cost")).toContainText(/\d+ points/);
    await expect(results.getByTestId("distribution-chart").locator(".recharts-bar-rectangle").first()).toBeVisible();
    await expect(results.getByTestId("fairness-analytics")).toContainText("Top 10 % get");
    const table = results.getByTestId("replay-table");
    const winner = table.locator('tr[data-awarded="true"]').first();
    await expect(winner).toContainText("Awarded");
    await winner.getByRole("button", { name: "Why?" }).click();
    await expect(table.getByTestId("why").first()).toContainText(/CSAT was .+ over \d+ samples/);
    await expect(table.getByTestId("why").first()).toContainText(/Tier \d reached/);
    await page.screenshot({ path: "test-results/campaign-replay.png", fullPage: true });

    // save as a draft, then launch: it runs from this month, so it is active
    await builder.getByTestId("save-campaign").click();
    await expect(page).toHaveURL(/\/campaigns\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId("builder-notice")).toContainText("version 1");
    await expect(page.getByTestId("campaign-status")).toHaveText("Draft");
    await page.getByRole("button", { name: "Launch", exact: true }).click();
    await page.getByTestId("confirm-launch").getByRole("button", { name: "Yes, launch" }).click();
    await expect(page.getByTestId("campaign-status")).toHaveText("Active");
    await expect(page.getByTestId("builder-notice")).toContainText("now Active");

    // the list shows it running, with its reach and cost so far; its history has version 1
    await page.goto("/campaigns");
    const row = page.getByTestId("campaigns-table").locator("tr", { hasText: name });
    await expect(row).toContainText("Active");
    await expect(row).toContainText("Monthly");
    await row.getByRole("link", { name }).click();
    await page.getByRole("link", { name: "Version history" }).click();
    await expect(page.getByTestId("version-1")).toContainText("manager.billing@demo.podium.test");
    await context.close();

    // An agent of Billing follows it on "My incentives": value vs target with n, a progress bar, what is still needed,
    // what they would earn if the period ended today, and why.
    const agent = await contextAs(browser, "agent");
    await agent.page.locator("nav.mainnav").getByRole("link", { name: "My incentives" }).click();
    await expect(agent.page).toHaveURL(/\/incentives$/);
    const card = agent.page.locator("section", { has: agent.page.getByRole("heading", { name, exact: true }) });
    await expect(card).toBeVisible();
    await expect(card).toContainText(/n = \d+/);
    await expect(card.getByRole("progressbar")).toBeVisible();
    await expect(card.getByTestId("incentive-needed")).not.toBeEmpty();
    await expect(card.getByTestId("incentive-earned")).not.toBeEmpty();
    await card.getByText("Why?").click();
    await expect(card.getByTestId("incentive-why")).toContainText(/CSAT was .+ over \d+ samples/);
    // campaigns in shadow mode are not shown to agents
    await expect(agent.page.getByRole("heading", { name: "Tech Support ticket points" })).toHaveCount(0);
    await agent.page.screenshot({ path: "test-results/my-incentives.png", fullPage: true });
    await agent.context.close();
  });

  test("an agent has no campaign pages", async ({ browser }) => {
    const { context, page } = await contextAs(browser, "agent");
    await expect(page.locator("nav.mainnav").getByRole("link", { name: "Campaigns", exact: true })).toHaveCount(0);
    for (const path of ["/campaigns", "/campaigns/new?template=blank"]) {
      await page.goto(path);
      await expect(page, path).toHaveURL(/\/forbidden$/);
    }
    await context.close();
  });
});
