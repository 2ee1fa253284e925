import { expect, test, type Page } from "@playwright/test";
import { contextAs, unique } from "./helpers";

// The demo organization (Asia/Kuala_Lumpur) has 90 days of history to yesterday; the Retention team's CRM reports a
// daily "upsells" metric, which makes a board whose ranks an event can change at will.
const TZ = "Asia/Kuala_Lumpur";
const dayIn = (d: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: TZ, year: "numeric", month: "2-digit", day: "2-digit" }).format(d);
const daysAgo = (n: number) => dayIn(new Date(Date.now() - n * 86_400_000));

/** A Retention board of upsells over the last 30 days up to today, made through the form; → its id. */
async function createUpsellsBoard(page: Page, name: string): Promise<string> {
  await page.goto("/leaderboards");
  await page.getByTestId("new-board").click();
  const form = page.getByTestId("board-form");
  // saving without a name takes the person to the field (the Save button is at the bottom of a long form)
  await form.getByTestId("save-board").click();
  // (the element is checked directly: toBeFocused also wants the window focused, which parallel workers do not give)
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-path"))).toBe("name");
  await expect(page.getByTestId("board-form-error")).toBeVisible();
  await expect(form.locator('[data-field="name"]')).toHaveText("is required");
  await form.getByLabel(/^Name/).fill(name);
  await form.getByLabel("Ranks by", { exact: true }).selectOption({ label: "Custom metric…" });
  await form.getByLabel("Ranks by: metric key").fill("metric:upsells");
  await form.getByLabel("Period", { exact: true }).selectOption("custom");
  await form.getByLabel("From", { exact: true }).fill(daysAgo(30));
  await form.getByLabel("To", { exact: true }).fill(dayIn(new Date()));
  await form.getByTestId("board-teams").getByRole("checkbox", { name: "Retention" }).check();
  await form.getByTestId("save-board").click();
  await expect(page).toHaveURL(/\/leaderboards\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("board-title")).toHaveText(name);
  return page.url().split("/").pop()!;
}

/** An API key that may post events, made by the demo admin at /admin/api-keys; → the key. */
async function eventsKey(page: Page): Promise<string> {
  await page.goto("/admin/api-keys");
  await page.getByLabel("Name").fill(unique("Leaderboard e2e"));
  await page.getByLabel("events:write").check();
  await page.getByRole("button", { name: /create/i }).click();
  return (await page.getByTestId("created-api-key").innerText()).trim();
}

test.describe("leaderboards", () => {
  test("an agent watching a board sees a rank change live, without reloading", async ({ browser, request }) => {
    const admin = await contextAs(browser, "admin");
    const name = unique("Upsells e2e");
    const id = await createUpsellsBoard(admin.page, name);
    const key = await eventsKey(admin.page);

    const { context, page } = await contextAs(browser, "agent");
    await page.locator("nav.mainnav").getByRole("link", { name: "Leaderboards" }).click();
    await page.getByTestId("boards-table").getByRole("link", { name }).click();
    await expect(page).toHaveURL(new RegExp(`/leaderboards/${id}$`));
    const board = page.getByTestId("board-table");
    await expect(page.getByTestId("live-indicator")).toHaveText("Live");
    // Aisyah is in Billing: she is not on this board, so there is no "my position"
    await expect(page.getByTestId("my-position")).toHaveCount(0);

    // the last ranked agent…
    const ranked = board.locator('[data-testid="board-row"]:not([data-rank=""])');
    expect(await ranked.count()).toBeGreaterThan(3);
    const last = ranked.last();
    const agent = (await last.getAttribute("data-agent"))!;
    const before = Number(await last.getAttribute("data-rank"));
    expect(before).toBeGreaterThan(1);
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
    await page.screenshot({ path: "test-results/leaderboard-board.png", fullPage: true });

    // …sells a great deal today
    const res = await request.post("/api/v1/events", {
      headers: { Authorization: `Bearer ${key}` },
      data: { events: [{ id: unique("e2e-upsell").replace(/\s+/g, "-"), type: "metric", agent, occurredAt: new Date().toISOString(), metric: "upsells", value: 10_000 }] },
    });
    expect(res.status()).toBe(200);
    expect((await res.json()).accepted).toBe(1);

    // and the board moves them to the top on its own
    const row = board.locator(`[data-testid="board-row"][data-agent="${agent}"]`);
    await expect(row).toHaveAttribute("data-rank", "1", { timeout: 20_000 });
    await expect(ranked.first()).toHaveAttribute("data-agent", agent);
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
    await page.waitForTimeout(800); // let the rows settle for the picture
    await page.screenshot({ path: "test-results/leaderboard-board-after.png", fullPage: true });
    await Promise.all([context.close(), admin.context.close()]);
  });

  test("TV mode opens from a display link with no session, shows only its board live, and stops when revoked", async ({ browser, request }) => {
    test.setTimeout(120_000);
    const admin = await contextAs(browser, "admin");
    const name = unique("TV upsells e2e");
    await createUpsellsBoard(admin.page, name);
    const key = await eventsKey(admin.page);

    await admin.page.goto("/leaderboards/displays");
    const form = admin.page.getByTestId("new-display-form");
    const linkName = unique("Retention floor");
    await form.getByLabel("Name").fill(linkName);
    await form.getByLabel("Seconds per board").fill("10");
    await form.getByRole("checkbox", { name }).check();
    await form.getByRole("button", { name: "Create link" }).click();
    const url = (await admin.page.getByTestId("created-display-url").innerText()).trim();
    expect(url).toMatch(/\/tv\/[A-Za-z0-9_-]{20,}$/);

    // a wall screen: a fresh browser with no session at all
    const tv = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const screen = await tv.newPage();
    await screen.goto(url);
    await expect(screen).toHaveURL(url); // not sent to sign in
    await expect(screen.getByTestId("tv-board-name")).toHaveText(name);
    await expect(screen.getByTestId("tv-row")).toHaveCount(10);
    await expect(screen.getByTestId("tv-live")).toHaveText(/live/i);
    // full screen, nothing else: no app chrome, no links into the app
    const box = (await screen.getByTestId("tv").boundingBox())!;
    expect([box.width, box.height]).toEqual([1920, 1080]);
    await expect(screen.locator("a")).toHaveCount(0);
    await expect(screen.locator(".topbar")).toHaveCount(0);
    // the display link is no key to the API
    expect((await screen.request.get("/api/v1/leaderboards")).status()).toBe(401);
    await screen.waitForTimeout(800); // past the board's entrance, for the picture
    await screen.screenshot({ path: "test-results/leaderboard-tv.png" });

    // live: the tenth agent sells a great deal and the screen puts them first
    const tenth = (await screen.getByTestId("tv-row").last().getAttribute("data-agent"))!;
    const res = await request.post("/api/v1/events", {
      headers: { Authorization: `Bearer ${key}` },
      data: { events: [{ id: unique("e2e-tv").replace(/\s+/g, "-"), type: "metric", agent: tenth, occurredAt: new Date().toISOString(), metric: "upsells", value: 10_000 }] },
    });
    expect(res.status()).toBe(200);
    await expect(screen.getByTestId("tv-row").first()).toHaveAttribute("data-agent", tenth, { timeout: 20_000 });

    // revoking the link stops the screen that is showing it, and the link itself
    await admin.page.reload();
    const row = admin.page.getByTestId("displays-table").getByRole("row", { name: new RegExp(linkName) });
    admin.page.once("dialog", (d) => d.accept());
    await row.getByRole("button", { name: "Revoke" }).click();
    await expect(row).toContainText("Revoked");
    // (an open stream re-checks its link on every update and at least every 30 seconds)
    await expect(screen.getByTestId("tv-revoked")).toContainText("This display link is no longer active", { timeout: 45_000 });
    await screen.screenshot({ path: "test-results/leaderboard-tv-revoked.png" });
    const again = await screen.goto(url);
    expect(again?.status()).toBe(404);
    await expect(screen.getByTestId("tv-gone")).toContainText("This display link is no longer active");
    await Promise.all([tv.close(), admin.context.close()]);
  });
});
