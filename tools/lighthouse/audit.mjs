// Lighthouse (accessibility, best practices, SEO) on the pages of a running ENT 77 service, on a phone, in Debian's
// Chromium. Signed-in pages get the session cookie in the browser itself (Lighthouse's --extra-headers fails with
// NO_NAVSTART), and Lighthouse is told not to clear the storage. Prints one JSON object: the scores per page and the
// audits that did not pass.
//
//   node audit.mjs --base http://127.0.0.1:5077 [--cookie "__Host-ent77=…"] / /activation … +/accueil +/administration
//
// A page written +/path is audited signed in (with the cookie). CHROME_PATH names the browser (/usr/bin/chromium).

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import lighthouse from 'lighthouse';
import puppeteer from 'puppeteer-core';

const args = process.argv.slice(2);
const option = (name) => {
  const index = args.indexOf(name);
  return index >= 0 ? args.splice(index, 2)[1] : undefined;
};
const base = option('--base');
const cookie = option('--cookie');
const pages = args;
if (!base || pages.length === 0) {
  console.error('usage: node audit.mjs --base URL [--cookie name=value] /path +/signed-in-path …');
  process.exit(2);
}

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
});

const results = [];
try {
  for (const entry of pages) {
    const signedIn = entry.startsWith('+');
    const path = signedIn ? entry.slice(1) : entry;
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    if (signedIn) {
      if (!cookie) {
        throw new Error(`${path} is signed in but no --cookie was given`);
      }

      const [name, ...value] = cookie.split('=');
      await page.setCookie({ name, value: value.join('='), url: base, secure: true, httpOnly: true, sameSite: 'Lax' });
    }

    const run = await lighthouse(new URL(path, base).toString(), {
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['accessibility', 'best-practices', 'seo'],
      disableStorageReset: signedIn,
      locale: 'fr',
    }, undefined, page);
    const lhr = run.lhr;
    const failing = Object.values(lhr.audits)
      .filter((audit) => audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== 'informative' && audit.scoreDisplayMode !== 'notApplicable')
      .map((audit) => ({ id: audit.id, title: audit.title, score: audit.score }));
    results.push({
      path,
      signedIn,
      finalUrl: lhr.finalDisplayedUrl,
      accessibility: Math.round(lhr.categories.accessibility.score * 100),
      bestPractices: Math.round(lhr.categories['best-practices'].score * 100),
      seo: Math.round(lhr.categories.seo.score * 100),
      metaDescription: lhr.audits['meta-description'].score,
      runtimeError: lhr.runtimeError?.code ?? null,
      failing,
    });
    await context.close();
  }
} finally {
  await browser.close();
}

const version = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('lighthouse/package.json'), 'utf8')).version;
console.log(JSON.stringify({ lighthouse: version, results }, null, 2));
