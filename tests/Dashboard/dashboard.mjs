// Drives the dashboard like a person: load it, submit the pixels.entropy sample from the form, watch the job appear
// and complete in the live feed, open its result view, check the entropy map was drawn, save a screenshot.
// Usage: node dashboard.mjs <dashboard url> <screenshot.png>. Prints one JSON line; exit 0 only when every step held.
import { chromium } from 'playwright-core';

const [url, screenshot] = process.argv.slice(2);
if (!url || !screenshot) {
  console.error('usage: node dashboard.mjs <url> <screenshot.png>');
  process.exit(2);
}

const browser = await chromium.launch({
  executablePath: process.env.PRISM_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
const problems = [];
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1100 } });
  page.on('pageerror', error => problems.push(`page error: ${error.message}`));
  page.on('console', message => { if (message.type() === 'error') problems.push(`console: ${message.text()}`); });
  page.setDefaultTimeout(60_000);

  await page.goto(url);
  await page.waitForSelector('#stream-status[data-state="open"]');
  await page.selectOption('#kind', 'pixels.entropy');
  await page.waitForFunction(() => document.querySelector('#input').value.includes('"pixels"'));
  await page.click('#submit');
  const jobId = await (await page.waitForSelector('#receipt[data-job-id]')).getAttribute('data-job-id');

  await page.waitForSelector(`#feed tr[data-job-id="${jobId}"][data-type="submitted"]`);
  const completed = await page.waitForSelector(`#feed tr[data-job-id="${jobId}"][data-type="completed"]`);
  await completed.click();
  await page.waitForSelector(`#result[data-job-id="${jobId}"][data-status="succeeded"] canvas`);

  // The entropy map of the sample is not flat: the canvas must hold many distinct colours.
  const colours = await page.evaluate(() => {
    const c = document.querySelector('#result canvas');
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const seen = new Set();
    for (let i = 0; i < data.length; i += 4) seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    return seen.size;
  });
  if (colours < 8) problems.push(`the entropy map has only ${colours} colours`);

  const succeeded = Number(await page.textContent('#status-counters [data-status="succeeded"] b'));
  if (!(succeeded >= 1)) problems.push(`the succeeded counter shows ${succeeded}`);
  const kindRow = await page.textContent('#kind-counters tr[data-kind="pixels.entropy"]');
  if (!kindRow) problems.push('no counter row for pixels.entropy');

  await page.waitForSelector('#processors tr[data-processor]');
  const engine = await page.textContent('#processors tr[data-processor] td:nth-child(2)');
  await page.waitForSelector('#health tr[data-domain="pixels"]');
  const pixelsHealth = await page.textContent('#health tr[data-domain="pixels"] td:nth-child(2)');

  await page.screenshot({ path: screenshot, fullPage: true });
  console.log(JSON.stringify({ jobId, colours, succeeded, engine, pixelsHealth, problems }));
} catch (error) {
  problems.push(String(error?.message ?? error));
  console.log(JSON.stringify({ problems }));
} finally {
  await browser.close();
}
process.exit(problems.length === 0 ? 0 : 1);
