import { expect, test } from "@playwright/test";
import { contextAs } from "./helpers";

// The demo's "Employee of the month" (SPEC §8.2) covers the whole organization: HR and admins run it. Its shortlist is
// the five best by a balanced score; the month that is running has a shortlist from the demo history already.
test.describe("employee of the month", () => {
  test("an admin picks the month's winner from the shortlist, with a reason, and can take the pick back", async ({ browser }) => {
    const { context, page } = await contextAs(browser, "admin");
    await page.goto("/campaigns");
    await page.getByTestId("campaigns-table").getByRole("link", { name: "Employee of the month" }).click();
    await page.getByTestId("pick-link").click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Employee of the month: pick the winner");

    const period = page.locator("[data-testid=pick-period][data-state=open]");
    const rows = period.getByTestId("shortlist-row");
    await expect(rows.first()).toBeVisible();
    expect(await rows.count()).toBeGreaterThanOrEqual(5);
    const second = rows.nth(1);
    const name = (await second.locator("td").nth(1).innerText()).trim();
    await second.getByLabel("Why (shown with the award)").fill("Calm on the busiest days of the month");
    await second.getByTestId("pick").click();

    await expect(period.getByTestId("picked")).toContainText(`Winner: ${name}`);
    await expect(period.getByTestId("picked")).toContainText("Calm on the busiest days of the month");
    await expect(period.locator("[data-testid=shortlist-row][data-picked=true]")).toHaveCount(1);
    await expect(period.locator("[data-testid=shortlist-row][data-picked=true]")).toContainText(name);
    await page.screenshot({ path: "test-results/employee-of-the-month.png", fullPage: true });

    await period.locator("[data-testid=shortlist-row][data-picked=true]").getByTestId("unpick").click();
    await expect(period.getByTestId("picked")).toHaveCount(0);
    await expect(period.locator("[data-testid=shortlist-row][data-picked=true]")).toHaveCount(0);
    await context.close();
  });
});
