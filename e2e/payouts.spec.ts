import fs from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { contextAs, unique } from "./helpers";

// The demo organization (Asia/Kuala_Lumpur) has 90 days of history to yesterday, but its campaigns start this month,
// so nothing of theirs pays last month. The test launches its own campaign over the past months (everyone with a
// CSAT survey earns 10 points, approved by HR), then closes last month — or an earlier one if another spec of this
// run (one database for the whole run) already closed it.
const TZ = "Asia/Kuala_Lumpur";
const today = new Intl.DateTimeFormat("en-CA", { timeZone: TZ, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());

/** The calendar month `back` months before this one, as YYYY-MM-DD bounds. */
function monthBack(back: number): { from: string; to: string } {
  const [y, m] = today.split("-").map(Number) as [number, number];
  const first = new Date(Date.UTC(y, m - 1 - back, 1));
  const last = new Date(Date.UTC(y, m - back, 0));
  return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
}

/** An API key for the campaigns API, made by the demo admin at /admin/api-keys; → the key. */
async function campaignsKey(page: Page): Promise<string> {
  await page.goto("/admin/api-keys");
  await page.getByLabel("Name").fill(unique("Payouts e2e"));
  await page.getByLabel("campaigns:write").check();
  await page.getByRole("button", { name: /create/i }).click();
  return (await page.getByTestId("created-api-key").innerText()).trim();
}

/** Fills and submits the close form; → the run's id, or null when the range overlaps a closed period. */
async function closeMonth(page: Page, range: { from: string; to: string }): Promise<string | null> {
  await page.goto("/payouts");
  const form = page.getByTestId("close-form");
  await form.getByLabel("From").fill(range.from);
  await form.getByLabel("To").fill(range.to);
  page.once("dialog", (d) => void d.accept());
  await form.getByTestId("close-period").click();
  const overlap = form.getByRole("alert").filter({ hasText: /overlaps/ });
  await expect(page.getByTestId("run-title").or(overlap)).toBeVisible({ timeout: 30_000 });
  if (await overlap.isVisible()) return null;
  return new URL(page.url()).pathname.split("/").pop()!;
}

async function runMove(page: Page, action: "submit" | "approve", state: string) {
  page.once("dialog", (d) => void d.accept());
  await page.getByTestId(`run-${action}`).click();
  await expect(page.getByTestId("run-state")).toHaveText(state);
}

test.describe("payouts", () => {
  test("HR closes a month, approves and exports the run; an agent's dispute becomes an adjustment", async ({ browser, playwright, baseURL }) => {
    test.setTimeout(120_000);
    const campaign = unique("Payout e2e CSAT points");

    // a campaign paying in the past months, created and launched through the API
    const admin = await contextAs(browser, "admin");
    const key = await campaignsKey(admin.page);
    await admin.context.close();
    const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${key}` } });
    const created = await api.post("/api/v1/campaigns", {
      data: {
        name: campaign,
        schedule: { period: "month", from: monthBack(3).from, to: monthBack(-1).to },
        rule: { kind: "threshold", metric: "csat", op: "gte", target: 0, fairness: { minSamples: 1, method: "raw" }, award: { type: "points", amount: 10 } },
        approval: "hr",
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const launched = await api.post(`/api/v1/campaigns/${id}/launch`);
    expect(launched.ok(), await launched.text()).toBe(true);
    await api.dispose();

    // HR closes last month (or the latest month not closed yet)
    const hr = await contextAs(browser, "hr");
    await hr.page.locator("nav.mainnav").getByRole("link", { name: "Payouts" }).click();
    await expect(hr.page.getByTestId("close-form").getByLabel("From")).not.toHaveValue("");
    let runId: string | null = null;
    for (let back = 1; back <= 3 && !runId; back++) runId = await closeMonth(hr.page, monthBack(back));
    expect(runId, "a month to close").not.toBeNull();
    const page = hr.page;
    await expect(page.getByTestId("run-state")).toHaveText("Draft");
    const lines = page.getByTestId("run-line").filter({ hasText: campaign });
    await expect(lines.first()).toBeVisible();
    // each line opens its why
    await lines.first().getByText("Why").click();
    await expect(lines.first().getByTestId("line-why")).toContainText("Target reached");

    // review: approve every pending line, then the run
    await runMove(page, "submit", "In review");
    await expect(page.getByTestId("blocker-pending")).toBeVisible();
    page.once("dialog", (d) => void d.accept());
    await page.getByTestId("approve-all").click();
    await expect(page.getByTestId("blocker-pending")).toHaveCount(0, { timeout: 30_000 });
    await runMove(page, "approve", "Approved");

    // export: the CSV's header, and the run is exported
    const downloading = page.waitForEvent("download");
    await page.getByTestId("export-csv").click();
    const csv = await fs.readFile((await (await downloading).path())!, "utf8");
    expect(csv.replace(/^\uFEFF/, "").split(/\r?\n/)[0]).toMatch(/^period_start,period_end,line_type,employee_id/);
    await expect(page.getByTestId("run-state")).toHaveText("Exported");

    // the agent disputes one of the lines on their statement
    const agent = await contextAs(browser, "agent");
    await agent.page.locator("nav.mainnav").getByRole("link", { name: "Statements" }).click();
    const mine = agent.page.getByTestId("statement-line").filter({ hasText: campaign }).first();
    await expect(mine).toContainText("10 points");
    await mine.getByTestId("dispute-line").click();
    const comment = unique("I had more surveys than this");
    await mine.getByLabel("What is wrong?").fill(comment);
    await mine.getByRole("button", { name: "Send dispute" }).click();
    await expect(mine).toContainText("Dispute open");

    // HR accepts it with a correction of 25 points
    await page.goto("/payouts/disputes");
    const dispute = page.getByTestId("dispute-row").filter({ hasText: comment });
    await dispute.getByLabel("Correction").fill("25");
    await dispute.getByLabel("Comment").fill("Two surveys were missing");
    await dispute.getByTestId("accept-dispute").click();
    await expect(dispute).toHaveCount(0);
    await page.getByTestId("tab-accepted").click();
    await expect(page.getByTestId("dispute-row").filter({ hasText: comment })).toContainText("Two surveys were missing");

    // the agent sees the adjustment, the resolution and the ledger entry
    await agent.page.reload();
    const adjustment = agent.page.getByTestId("statement-line").filter({ hasText: campaign }).and(agent.page.locator('[data-line-type="adjustment"]'));
    await expect(adjustment.first()).toContainText("25 points");
    await expect(agent.page.getByTestId("my-dispute").filter({ hasText: comment })).toContainText("Accepted");
    await expect(agent.page.getByTestId("ledger-history")).toContainText("+25 points");
    await agent.context.close();
    await hr.context.close();
  });
});
