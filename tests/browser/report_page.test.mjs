// Browser test of the report page, doing what a reader does: in Debian's chromium driven by
// Playwright (playwright-core), on each page given, it applies every filter and checks the rows
// that remain, searches, sorts, toggles a category, opens a claim's evidence, follows a ¶ link
// and comes back, keeps a view in the URL fragment and reloads it, reads the page without
// script, loads it at 420 px and checks that nothing overflows sideways, prints it to PDF and
// counts the pages, and runs axe-core (light; dark too on the last page) expecting no serious
// or critical violation.
//
// Usage: node report_page.test.mjs CHROMIUM NAME=PAGE.html[:MAX_PDF_PAGES] ... [--hostile=PAGE]
// Env:   REPORT_SHOTS=DIR  also write screenshots (desktop, phone, dark) and the PDF there.
// Prints one line per check; exits 1 when one fails.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const [chromiumPath, ...args] = process.argv.slice(2);
const shots = process.env.REPORT_SHOTS || '';
let failures = 0;
function check(ok, what, detail) {
  if (ok) {
    console.log(`ok   ${what}`);
  } else {
    failures++;
    console.log(`FAIL ${what}${detail === undefined ? '' : ': ' + detail}`);
  }
}

// The rows of the claims view as the filters see them, read from the page's markup alone.
async function rowFacts(page) {
  return page.$$eval('.claims-view .claim', (rows) => rows.map((el) => ({
    id: el.id,
    single: el.classList.contains('one'),
    related: !!el.closest('details.related'),
    conflict: el.classList.contains('has-diff'),
    drift: el.classList.contains('has-drift'),
    omission: el.classList.contains('has-omission'),
    carry: (el.getAttribute('data-carry') || '').split(' ').filter(Boolean),
    conflictSources: (el.getAttribute('data-conflict') || '').split(' ').filter(Boolean),
    visible: el.getClientRects().length > 0 && !el.hidden && !el.closest('[hidden]'),
    text: el.textContent.toLowerCase(),
  })));
}

async function setControl(page, id, value) {
  await page.selectOption(`#${id}`, value);
}

async function visibleIds(page) {
  return (await rowFacts(page)).filter((r) => r.visible || r.shownInClosedGroup).map((r) => r.id);
}

// The ids the page should show for a view, computed here from the row facts.
function expected(facts, view, src) {
  return facts.filter((r) => {
    const table = !r.single && !r.related;
    if (view === 'shared' && !table) return false;
    if (view === 'conflict' && !r.conflict) return false;
    if (view === 'omit' && !(table && r.omission)) return false;
    if (view === 'single' && !r.single) return false;
    if (view === 'drift' && !r.drift) return false;
    if (src !== '') {
      if (view === 'omit') return !r.carry.includes(src);
      if (view === 'conflict') return r.conflictSources.includes(src);
      if (view !== 'drift') return r.carry.includes(src);
    }
    return true;
  }).map((r) => r.id);
}

// Ids of rows not hidden by the filter (whether or not their group is open).
async function unfilteredIds(page) {
  return page.$$eval('.claims-view .claim', (rows) => rows
    .filter((el) => !el.hidden && !(el.closest('details.group') || { hidden: false }).hidden)
    .map((el) => el.id));
}

async function testFilters(page, name) {
  const facts = await rowFacts(page);
  const sources = await page.$$eval('#f-src option', (o) => o.map((x) => x.value).filter(Boolean));
  check(facts.length > 0, `${name}: the claims view has rows`);
  // With no filter every row is in the page (single-source groups closed but present).
  check((await unfilteredIds(page)).length === facts.length, `${name}: all rows shown by default`);
  const firstShared = facts.findIndex((r) => !r.single && !r.related);
  const conflictRows = facts.filter((r) => !r.single && !r.related && r.conflict).length;
  const sharedRows = facts.filter((r) => !r.single && !r.related);
  check(sharedRows.slice(0, conflictRows).every((r) => r.conflict),
    `${name}: shared claims with a conflict come first`, firstShared);
  for (const view of ['shared', 'conflict', 'drift', 'omit', 'single']) {
    for (const src of ['', ...sources]) {
      await setControl(page, 'f-src', src);
      await setControl(page, 'f-view', view);
      const got = await unfilteredIds(page);
      const want = expected(facts, view, src);
      check(JSON.stringify(got) === JSON.stringify(want),
        `${name}: view=${view} src=${src || 'any'} shows ${want.length} rows`,
        `got ${got.length}: ${got.slice(0, 5)} want ${want.slice(0, 5)}`);
      const status = await page.textContent('#f-status');
      check(status.startsWith(`${want.length} of ${facts.length}`), `${name}: status says ${status}`);
      if (view === 'single' && want.length) {
        const openGroups = await page.$$eval('.claims-view details.group:not([hidden])',
          (g) => g.every((d) => d.open));
        check(openGroups, `${name}: view=single opens the groups it shows`);
      }
    }
  }
  // The view is kept in the fragment; reloading it gives the same rows.
  await setControl(page, 'f-src', sources[0]);
  await setControl(page, 'f-view', 'shared');
  await setControl(page, 'f-sort', 'score');
  const hash = await page.evaluate(() => location.hash);
  check(hash.includes('view=shared') && hash.includes('sort=score') && hash.includes('src='),
    `${name}: the view is in the URL fragment (${hash})`);
  const rowsBefore = await unfilteredIds(page);
  const scores = await page.$$eval('.claims-view table.claims:not(.x) tbody tr.claim:not([hidden])',
    (r) => r.filter((el) => !el.closest('details')).map((el) => Number(el.getAttribute('data-score'))));
  check(scores.every((s, i) => i === 0 || scores[i - 1] >= s), `${name}: sorted by score`, scores);
  await page.reload();
  check((await page.inputValue('#f-view')) === 'shared' && (await page.inputValue('#f-sort')) === 'score',
    `${name}: reloading the fragment restores the view`);
  check(JSON.stringify(await unfilteredIds(page)) === JSON.stringify(rowsBefore),
    `${name}: reloading the fragment shows the same rows`);
  await page.click('#f-reset');
  check((await unfilteredIds(page)).length === facts.length, `${name}: "Show all" shows every row`);
  check((await page.evaluate(() => location.hash)) === '', `${name}: "Show all" clears the fragment`);

  // Search: a word of the first shared claim.
  const word = (await page.$eval('.claims-view tr.claim .cell-sentence', (p) => p.textContent))
    .split(/[^A-Za-z]+/).filter((w) => w.length >= 6)[0] || 'the';
  await page.fill('#f-q', word);
  await page.waitForFunction((w) => location.hash.includes('q='), word);
  const found = (await rowFacts(page)).filter((r) => r.visible);
  const want = facts.filter((r) => r.text.includes(word.toLowerCase())).map((r) => r.id);
  const hits = await unfilteredIds(page);
  check(hits.length > 0 && JSON.stringify(hits) === JSON.stringify(want),
    `${name}: search "${word}" shows the ${want.length} rows holding it`, hits);
  check(found.every((r) => r.text.includes(word.toLowerCase())),
    `${name}: every visible row holds "${word}"`);
  await page.click('#f-reset');

  // The first screen's figures agree with the rows: per outlet, what it carries and omits.
  for (const src of sources) {
    const card = await page.$(`#outlet-${src}-h`);
    const text = await card.evaluate((h) => h.parentElement.textContent.replace(/\s+/g, ' '));
    const carries = expected(facts, 'shared', src).length;
    const omits = expected(facts, 'omit', src).length;
    const shared = expected(facts, 'shared', '').length;
    check(text.includes(`${carries} of ${shared} shared claims`) &&
      (omits === 0 ? text.includes('nothing others carry') : text.includes(`${omits} shared claim`)),
    `${name}: outlet ${src}'s card says it carries ${carries} and omits ${omits}`, text.slice(0, 160));
  }
  // A first-screen figure applies its filter.
  const omitLink = await page.$('.outlet a[data-view^="view=omit"]');
  if (omitLink) {
    const viewText = await omitLink.getAttribute('data-view');
    await omitLink.click();
    const src = /src=(\d+)/.exec(viewText)[1];
    check((await page.inputValue('#f-view')) === 'omit' && (await page.inputValue('#f-src')) === src,
      `${name}: an "Omits" figure opens the omitted-by view`);
    check(JSON.stringify(await unfilteredIds(page)) === JSON.stringify(expected(facts, 'omit', src)),
      `${name}: the "Omits" figure shows what that outlet omits`);
    await page.click('#f-reset');
  }
}

// The keyboard on a freshly loaded page: the first tab stops are the skip links; the second
// leads into the claims.
async function testKeyboard(page, name) {
  await page.keyboard.press('Tab');
  check((await page.evaluate(() => document.activeElement.textContent)) === 'Skip to the summary',
    `${name}: the first tab stop is "Skip to the summary"`);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.hash === '#claims');
  await page.keyboard.press('Tab');
  check(await page.evaluate(() => !!document.activeElement.closest('#claims')),
    `${name}: after "Skip to the claims" the next tab stop is in the claims`);
  await page.evaluate(() => scrollTo(0, 0));
}

async function testReading(page, name) {

  // Toggle a category: hedge highlights switch off, nothing else does.
  const box = await page.$('input[data-toggle="hedge"]');
  check(box && (await box.isVisible()), `${name}: the hedge toggle is shown`);
  if (box) {
    await box.uncheck();
    const off = await page.$$eval('mark.off', (m) => m.map((x) => x.getAttribute('data-cat')));
    check(off.length > 0 && off.every((c) => c === 'hedge'), `${name}: the hedge toggle hides hedges only`);
    await box.check();
    check((await page.$$('mark.off')).length === 0, `${name}: the hedge toggle shows them again`);
  }
  // Open a claim's evidence.
  const why = await page.$('.claims-view details.why');
  if (why) {
    await why.$eval('summary', (s) => s.scrollIntoView());
    await (await why.$('summary')).click();
    check(await why.evaluate((d) => d.open && /similarity \d/.test(d.textContent)),
      `${name}: "Why one claim" opens and gives the similarity`);
  }
  // Follow a ¶ link into the full text, and back.
  const link = await page.$('.claims-view tr.claim a.to-text');
  const href = await link.getAttribute('href');
  await link.click();
  await page.waitForFunction((h) => location.hash === h, href);
  const inView = await page.$eval(href.replace(/^#/, '#'), (el) => {
    const r = el.getBoundingClientRect();
    return r.top >= -2 && r.top < innerHeight;
  });
  check(inView, `${name}: the ¶ link shows its sentence (${href})`);
  await page.goBack();
  await page.waitForFunction((h) => location.hash !== h, href);
  const rowInView = await page.evaluate(() => {
    const rows = [...document.querySelectorAll('.claims-view tr.claim')];
    return rows.some((el) => { const r = el.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; });
  });
  check(rowInView, `${name}: back returns to the claims`);
  // From the full text, a claim label leads back to its row, opening a closed group.
  const single = await page.$('.claims-view li.claim.one');
  if (single) {
    const id = await single.getAttribute('id');
    await page.evaluate((i) => { location.hash = i; }, id);
    await page.waitForFunction((i) => document.getElementById(i).getClientRects().length > 0, id);
    check(true, `${name}: a link to a single-source sentence opens its group`);
  }
}

async function noOverflow(page, name, width) {
  await page.setViewportSize({ width, height: 900 });
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
  const result = await page.evaluate(() => {
    const limit = document.documentElement.clientWidth;
    const wide = [];
    for (const el of document.querySelectorAll('body *')) {
      if (el.closest('svg.defs')) continue;
      const r = el.getBoundingClientRect();
      if (r.width && r.right > limit + 1) wide.push(`${el.tagName.toLowerCase()}.${el.className} ${Math.round(r.right)}`);
    }
    return { scroll: document.documentElement.scrollWidth, limit, wide: wide.slice(0, 6) };
  });
  check(result.scroll <= result.limit && result.wide.length === 0,
    `${name}: nothing overflows sideways at ${width} px`, JSON.stringify(result));
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = false; }));
}

async function axe(page, name, scheme) {
  await page.emulateMedia({ colorScheme: scheme });
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, {
    resultTypes: ['violations'],
  }));
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  check(bad.length === 0, `${name}: axe-core finds no serious or critical violation (${scheme})`,
    bad.map((v) => `${v.id} (${v.impact}, ${v.nodes.length}): ${v.nodes[0].target}`).join('; '));
  await page.emulateMedia({ colorScheme: 'light' });
}

function pdfPages(buffer) {
  return (buffer.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
}

let lap = Date.now();
function timing(what) {
  const now = Date.now();
  if (process.env.REPORT_TIMING) console.log(`time ${what}: ${((now - lap) / 1000).toFixed(1)} s`);
  lap = now;
}

async function testPage(browser, name, file, maxPages, dark) {
  const url = 'file://' + path.resolve(file);
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => { if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) errors.push('request ' + r.url()); });
  await page.goto(url);
  check(await page.isVisible('#controls'), `${name}: the script revealed the controls`);
  check(await page.isVisible('#glance .outlet'), `${name}: the first screen shows the outlets`);
  const glanceTop = await page.$eval('#glance', (el) => el.getBoundingClientRect().top);
  check(glanceTop < 900, `${name}: the summary starts on the first screen (${Math.round(glanceTop)} px)`);
  if (shots) {
    await page.screenshot({ path: path.join(shots, `${name}-desktop.png`) });
    await page.evaluate(() => document.getElementById('claims').scrollIntoView());
    await page.screenshot({ path: path.join(shots, `${name}-desktop-claims.png`) });
    await page.evaluate(() => scrollTo(0, 0));
  }
  const broken = await page.$$eval('a[href^="#"]', (links) => links
    .map((a) => a.getAttribute('href').slice(1))
    .filter((id) => id && !document.getElementById(decodeURIComponent(id))));
  check(broken.length === 0, `${name}: every link inside the page has its target`, broken.slice(0, 5));
  await testKeyboard(page, name);
  timing(`${name} load`);
  await testFilters(page, name);
  timing(`${name} filters`);
  await testReading(page, name);
  timing(`${name} reading`);
  await page.goto(url);
  await axe(page, name, 'light');
  if (dark) await axe(page, name, 'dark');
  timing(`${name} axe`);
  if (shots) {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.evaluate(() => scrollTo(0, 0));
    await page.screenshot({ path: path.join(shots, `${name}-dark.png`) });
    await page.emulateMedia({ colorScheme: 'light' });
  }
  await page.goto(url);
  await noOverflow(page, name, 420);
  timing(`${name} 420`);
  if (shots) {
    await page.evaluate(() => scrollTo(0, 0));
    await page.screenshot({ path: path.join(shots, `${name}-phone.png`) });
    await page.evaluate(() => document.getElementById('shared-h').scrollIntoView());
    await page.screenshot({ path: path.join(shots, `${name}-phone-claims.png`) });
  }
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const pages = pdfPages(pdf);
  timing(`${name} pdf`);
  check(pages >= 1 && pages <= maxPages, `${name}: prints on ${pages} pages (at most ${maxPages})`);
  if (shots) fs.writeFileSync(path.join(shots, `${name}-print.pdf`), pdf);
  check(errors.length === 0, `${name}: no console error, no network request`, errors.slice(0, 5).join(' | '));
  await context.close();

  // Without script: every claim is in the page, the controls stay hidden.
  const plain = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1400, height: 900 } });
  const p2 = await plain.newPage();
  await p2.goto(url);
  const facts = await rowFacts(p2);
  const tableRows = facts.filter((r) => !r.single && !r.related);
  check(!(await p2.isVisible('#controls')), `${name} (no script): the controls stay hidden`);
  check(tableRows.every((r) => r.visible), `${name} (no script): every shared claim is visible`);
  check(await p2.$$eval('.claims-view details.group', (g) => g.every((d) => d.querySelector('summary').getClientRects().length > 0)),
    `${name} (no script): each group of single-source sentences shows its summary`);
  await plain.close();
}

async function testHostile(browser, file) {
  const context = await browser.newContext();
  const page = await context.newPage();
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs++; d.dismiss(); });
  await page.goto('file://' + path.resolve(file));
  check(dialogs === 0, 'hostile: no injected script ran');
  check((await page.$$('img')).length === 0, 'hostile: no injected <img> became an element');
  check((await page.$$('script')).length === 1, 'hostile: only the page\'s own script');
  check((await page.title()).startsWith('Hostile <script>'), 'hostile: the title shows as text');
  await page.selectOption('#f-view', 'single').catch(() => {});
  check(dialogs === 0, 'hostile: filtering runs no injected script');
  await context.close();
}

const start = Date.now();
const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
try {
  const last = args.filter((a) => !a.startsWith('--')).pop();
  for (const arg of args) {
    if (arg.startsWith('--hostile=')) {
      await testHostile(browser, arg.slice('--hostile='.length));
      continue;
    }
    const eq = arg.indexOf('=');
    const [file, max] = arg.slice(eq + 1).split(':');
    // axe-core in dark mode too, on the last page only (the same templates; it takes seconds).
    await testPage(browser, arg.slice(0, eq), file, Number(max || 10), arg === last);
  }
} catch (e) {
  failures++;
  console.log('FAIL ' + (e && e.stack ? e.stack : e));
} finally {
  await browser.close();
}
console.log(`report_page.test: ${failures ? failures + ' check(s) failed' : 'all checks passed'} in ${((Date.now() - start) / 1000).toFixed(1)} s`);
process.exit(failures ? 1 : 0);
