import { expect, test, type Page } from "@playwright/test";
import { contextAs, unique } from "./helpers";

/**
 * SPEC §3.3 acceptance: an admin imports a CSV with month-first dates and h:mm:ss durations through the UI, sees the
 * preview, the progress and the report (with the bad row by its line number), downloads the report, and importing the
 * same file again changes nothing.
 */
const tag = unique("imp").replace(/\W+/g, "");
const CSV = [
  "Call ID,Start,Agent,Answered,Talk time,Queue",
  `${tag}-1,10/31/2026 23:30,aisyah.rahman@demo.podium.test,yes,0:04:05,billing`,
  `${tag}-2,11/01/2026 08:05,aisyah.rahman@demo.podium.test,no,,billing`,
  `${tag}-3,13/01/2026 09:00,aisyah.rahman@demo.podium.test,yes,abc,billing`,
  `${tag}-4,11/02/2026 17:45,aisyah.rahman@demo.podium.test,y,1:02:03,billing`,
].join("\n");
const file = { name: "calls.csv", mimeType: "text/csv", buffer: Buffer.from(CSV) };

async function chooseFile(page: Page) {
  await page.getByLabel(/CSV or Excel/).setInputFiles(file);
  await expect(page.getByTestId("import-file-summary")).toContainText("calls.csv: 4 rows and 6 columns");
}

async function validateAndImport(page: Page) {
  await page.getByRole("button", { name: "Validate all rows" }).click();
  await expect(page.getByTestId("import-validation")).toContainText("3 rows are valid, 1 will be rejected.");
  await page.getByRole("button", { name: "Import 4 rows" }).click();
  const progress = page.getByTestId("import-progress");
  await expect(progress).toHaveAttribute("data-status", "done");
  await expect(progress.locator("progress")).toHaveAttribute("value", "4");
  await expect(progress.locator("progress")).toHaveAttribute("max", "4");
  await expect(progress).toContainText("4 of 4 rows");
}

test("an admin imports a CSV with month-first dates and h:mm:ss durations, and gets the report", async ({ browser }) => {
  const { context, page } = await contextAs(browser, "admin");
  await page.goto("/admin");
  await page.locator(".subnav").getByRole("link", { name: "Import" }).click();
  await expect(page.getByRole("heading", { name: "Import events" })).toBeVisible();

  await chooseFile(page);
  const mapping = page.getByTestId("import-mapping");
  await mapping.getByLabel("Event type").selectOption("call");
  await mapping.getByLabel("Event id").selectOption({ label: "Call ID" });
  await mapping.getByLabel("Occurred at").selectOption({ label: "Start" });
  await mapping.getByLabel("Agent (id or email)").selectOption({ label: "Agent" });
  await mapping.getByLabel("Answered", { exact: true }).selectOption({ label: "Answered" });
  await mapping.getByLabel("Talk time").selectOption({ label: "Talk time" });
  await mapping.getByLabel("Date format").fill("MM/dd/yyyy HH:mm");
  await mapping.getByLabel(/^Time zone/).fill("Asia/Kuala_Lumpur");
  await mapping.getByLabel("Durations").selectOption("hms");
  // the first date as it will be read: month first, in the chosen zone
  await expect(page.getByTestId("import-date-sample")).toContainText("“10/31/2026 23:30” → 2026-10-31T23:30:00+08:00");

  const preview = page.getByTestId("import-preview");
  await expect(preview.locator('tr[data-line="2"]')).toContainText("2026-10-31T23:30:00+08:00");
  await expect(preview.locator('tr[data-line="2"]')).toContainText("245");
  await expect(preview.locator('tr[data-line="5"]')).toContainText("3723");
  await expect(preview.locator('tr[data-line="4"]')).toContainText('column "Start" (occurredAt): "13/01/2026 09:00" does not match the date format MM/dd/yyyy HH:mm');

  await validateAndImport(page);
  const report = page.getByTestId("import-report");
  await expect(report.getByTestId("import-accepted")).toHaveText("3");
  await expect(report.getByTestId("import-duplicates")).toHaveText("0");
  await expect(report.getByTestId("import-rejected")).toHaveText("1");
  const rejectedRow = report.getByTestId("import-rejected-rows").locator('tr[data-line="4"]');
  await expect(rejectedRow).toContainText(`${tag}-3`);
  await expect(rejectedRow).toContainText('column "Talk time" (talkSeconds): "abc" is not a duration as h:mm:ss');

  const [download] = await Promise.all([page.waitForEvent("download"), report.getByRole("button", { name: "Download report (CSV)" }).click()]);
  expect(download.suggestedFilename()).toBe("calls-import-report.csv");
  const body = await (await download.createReadStream()).toArray();
  const csv = Buffer.concat(body).toString("utf8");
  expect(csv.split("\r\n")[0]).toBe("line,id,column,field,error");
  expect(csv).toContain(`4,${tag}-3,Start,occurredAt,`);
  expect(csv).toContain(`4,${tag}-3,Talk time,talkSeconds,`);

  // the same file again: every valid row is already there
  await report.getByRole("button", { name: "Import another file" }).click();
  await chooseFile(page);
  await validateAndImport(page);
  await expect(report.getByTestId("import-accepted")).toHaveText("0");
  await expect(report.getByTestId("import-duplicates")).toHaveText("3");
  await expect(report.getByTestId("import-rejected")).toHaveText("1");
  await context.close();
});

test("an admin saves a column mapping per source and loads it for the next file", async ({ browser }) => {
  const { context, page } = await contextAs(browser, "admin");
  await page.goto("/admin/import");
  await chooseFile(page);
  const mapping = page.getByTestId("import-mapping");
  await mapping.getByLabel("Occurred at").selectOption({ label: "Start" });
  await mapping.getByLabel("Date format").fill("MM/dd/yyyy HH:mm");
  await mapping.getByLabel("Durations").selectOption("hms");
  const source = unique("Dialer export");
  await page.getByLabel("Save this mapping as").fill(source);
  await page.getByRole("button", { name: "Save mapping" }).click();
  await expect(page.getByTestId("import-save-mapping")).toContainText(`Mapping “${source}” saved.`);

  await page.reload();
  await chooseFile(page);
  await expect(mapping.getByLabel("Date format")).toHaveValue("");
  await page.getByLabel(/^Saved mapping/).selectOption({ label: source });
  await page.getByRole("button", { name: "Load", exact: true }).click();
  await expect(mapping.getByLabel("Date format")).toHaveValue("MM/dd/yyyy HH:mm");
  await expect(mapping.getByLabel("Durations")).toHaveValue("hms");
  await expect(mapping.getByLabel("Occurred at")).toHaveValue("col:Start");
  await context.close();
});
