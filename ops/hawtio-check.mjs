// Checks Hawtio as a person would: headless Chromium logs in on the management port with an operator's
// credentials, opens the Camel tab, then one route's diagram, and saves a screenshot of each (<shot>.png,
// <shot>-diagram.png). Prints every Jolokia call the page made that the access policy refused. Usage (needs
// Debian's chromium, and `npm install --no-save --prefix ops playwright-core@1.64.1`):
//   node ops/hawtio-check.mjs http://127.0.0.1:8081 <user> <password> docs/hawtio-camel-routes.png
import { chromium } from 'playwright-core';

const [base, user, password, shot] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
const refused = [];
page.on('response', async (response) => {
  if (!response.url().includes('/jolokia')) return;
  const request = response.request().postData() ?? '';
  const body = await response.text().catch(() => '');
  if (response.status() !== 200 || body.includes('"status":403')) refused.push(`${response.status()} ${request.slice(0, 300)} -> ${body.slice(0, 200)}`);
});
await page.goto(`${base}/actuator/hawtio/`);
await page.fill('input[name=username]', user);
await page.fill('input[name=password]', password);
await page.click('button[type=submit]');
await page.waitForURL(/\/actuator\/hawtio\//);
await page.goto(`${base}/actuator/hawtio/camel/routes`);
await page.getByText('provider-openai').first().waitFor({ timeout: 30000 });
await page.waitForTimeout(3000);
await page.screenshot({ path: shot });
// the route diagram and the breaker of one provider's attempt route
await page.getByText('attempt-demo').first().click();
await page.getByText('Route Diagram').first().click();
await page.waitForTimeout(4000);
await page.screenshot({ path: shot.replace(/\.png$/, '-diagram.png') });
const text = await page.locator('body').innerText();
console.log(`routes shown: ${['chat-completions', 'provider-openai', 'attempt-demo'].every((r) => text.includes(r))}`);
console.log(`refused Jolokia calls: ${refused.length}`);
refused.forEach((r) => console.log('  ' + r));
await browser.close();
