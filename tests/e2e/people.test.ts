/**
 * People in the archive, end to end in Chromium: the first admin comes from the command
 * line (`disan users add`, which prints a one-time link), signs in on the site, invites a
 * researcher and a community steward from the admin pages (copying each shown link);
 * each sets a password, signs in, sees exactly what the rules allow and signs out; the
 * steward adds a member. Also: signing in without JavaScript, the account pages' forms,
 * and every new page through axe-core and the Nu checker, signed in and out.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, VIEWPORTS } from '../support/browser.ts';
import { freePort, launchArchive, removeDataDir, runDisan, temporaryDataDir, type LaunchedArchive } from '../support/launch.ts';
import { COMMUNITY, COMMUNITY_ITEM, DRAFT_ITEM, PUBLIC_ITEM, RESEARCHERS_ITEM, writePeopleRecords } from './people-records.ts';
import { checkPage, isFocused, sidewaysOverflow, tabUntilFocused } from './steps.ts';
import { htmlErrors, PEOPLE_PAGE_TYPES, type SavedPage } from './vnu.ts';

const STEP_TIMEOUT_MS = 120_000;
const ADMIN = { email: 'quan-tri@example.org', name: 'Quản Trị Viên', password: 'mùa nước nổi ở Sóc Trăng' };
const RESEARCHER = { email: 'researcher@example.org', name: 'Lan Researcher', password: 'four quiet rivers at dawn' };
const MEMBER = { email: 'member@example.org', name: 'Sok Pheap', password: 'ព្រះចន្ទពេញបូណ៌មី ១៥' };

let dataDir = '';
let archive: LaunchedArchive | undefined;
let browser: Browser | undefined;
/** The link `disan users add` printed for the first admin. */
let adminLink = '';
const links = { researcher: '', member: '' };
/** Pages as the forms left them (errors, one-time links, the QR code…), for the Nu checker at the end. */
const statePages: SavedPage[] = [];

function running(): { archive: LaunchedArchive; browser: Browser } {
  if (!archive || !browser) throw new Error('the archive or the browser did not start (see beforeAll)');
  return { archive, browser };
}
const url = (path: string) => new URL(path, running().archive.siteUrl).href;
const desktop = () => {
  const viewport = VIEWPORTS.find((v) => v.name === 'desktop');
  if (!viewport) throw new Error('no desktop viewport');
  return viewport.open(running().browser);
};

beforeAll(async () => {
  dataDir = await temporaryDataDir();
  // The site's address is known before it starts, so the links the CLI and the API print open it.
  const sitePort = await freePort();
  const publicUrl = `http://127.0.0.1:${sitePort}`;
  await runDisan(dataDir, ['import', await writePeopleRecords(dataDir)]);
  const printed = await runDisan(dataDir, ['users', 'add', ADMIN.email, '--name', ADMIN.name, '--role', 'admin'], { DISAN_PUBLIC_URL: publicUrl });
  adminLink = /(https?:\/\/\S+\/welcome\/\S+)/.exec(printed)?.[1] ?? '';
  archive = await launchArchive(dataDir, { timeoutMs: 300_000, env: { DISAN_SITE_PORT: String(sitePort), DISAN_PUBLIC_URL: publicUrl } });
  browser = await launchBrowser();
}, 1_500_000);

afterAll(async () => {
  await browser?.close();
  await archive?.stop();
  if (dataDir) await removeDataDir(dataDir);
});

/** The page as it stands, checked by axe-core, kept for the Nu checker, and never wider than the screen. */
async function visit(page: Page, step: string): Promise<void> {
  // The page as served, before axe-core is added to it.
  statePages.push({ name: `${step}.html`, html: await page.content() });
  expect(await sidewaysOverflow(page), `${step} scrolls sideways`).toBeNull();
  await checkPage(page, 'desktop', step);
}

async function setPassword(page: Page, link: string, password: string, step: string): Promise<void> {
  await page.goto(link);
  expect(await page.getByTestId('set-password-form').isVisible()).toBe(true);
  await visit(page, `${step}-link`);
  await page.getByTestId('field-password').fill(password);
  expect(Number(await page.getByTestId('password-meter').getAttribute('value')), 'the strength meter follows the typing').toBeGreaterThan(0);
  await page.getByTestId('field-again').fill(password);
  await page.getByTestId('set-password-submit').click();
  await page.waitForURL((u) => u.pathname.endsWith('/sign-in'));
  expect(await page.getByTestId('done').isVisible(), 'the sign-in page says the password is set').toBe(true);
}

async function signIn(page: Page, who: { email: string; password: string }): Promise<void> {
  if (!new URL(page.url()).pathname.endsWith('/sign-in')) await page.goto(url('/sign-in'));
  await page.getByTestId('field-email').fill(who.email);
  await page.getByTestId('field-password').fill(who.password);
  await page.getByTestId('sign-in-submit').click();
  await page.waitForURL((u) => !u.pathname.endsWith('/sign-in'));
  expect(await page.getByTestId('signed-in-as').textContent()).toBeTruthy();
}

async function signOut(page: Page): Promise<void> {
  await page.getByTestId('sign-out').click();
  await page.getByTestId('done').waitFor();
  expect(await page.getByTestId('sign-in-link').isVisible()).toBe(true);
}

/** The status of an item page, and whether it shows the record. */
async function itemStatus(page: Page, id: string): Promise<number> {
  const response = await page.goto(url(`/item/${id}`));
  return response?.status() ?? 0;
}

/** What each kind of visitor may read: the rules of ingest/src/access, seen through the site. */
async function expectSees(page: Page, who: string, allowed: Record<string, boolean>): Promise<void> {
  for (const [id, visible] of Object.entries(allowed)) {
    expect(await itemStatus(page, id), `${who} on /item/${id}`).toBe(visible ? 200 : 404);
  }
  await page.goto(url('/kind/ritual'));
  const listed = await page.getByTestId('item-link').evaluateAll((links) => links.map((link) => (link as unknown as { href: string }).href.split('/item/')[1] ?? ''));
  expect(listed.sort(), `${who}: the ritual list`).toEqual(Object.entries(allowed).filter(([, visible]) => visible).map(([id]) => id).sort());
}

/** The badge's text on the card (`item-link`, `related-link`) or search result (`result-link`) of the item, or null when it has none. */
async function listBadge(page: Page, id: string, link = 'item-link'): Promise<string | null> {
  const holder = link === 'result-link'
    ? page.locator('#search-results > li').filter({ has: page.locator(`[data-testid=result-link][href$="/item/${id}"]`) })
    : page.locator(`[data-testid=${link}][href$="/item/${id}"]`);
  const badge = holder.getByTestId('visibility');
  return (await badge.count()) === 0 ? null : badge.textContent();
}

describe('people: the admin, a researcher and a community steward', () => {
  let admin: BrowserContext;
  let adminPage: Page;

  beforeAll(async () => {
    admin = await desktop();
    adminPage = await admin.newPage();
  });
  afterAll(async () => { await admin.close(); });

  test('the first admin sets a password through the link the command printed, is told of a wrong one, and signs in', async () => {
    expect(adminLink, 'disan users add printed a link on the site').toMatch(new RegExp(`^${running().archive.siteUrl}welcome/`));
    const page = adminPage;
    // A password the policy refuses first: the problem is said beside the field and in the summary.
    await page.goto(adminLink);
    await page.getByTestId('field-password').fill('123456789');
    await page.getByTestId('field-again').fill('123456789');
    await page.getByTestId('set-password-submit').click();
    await page.getByTestId('error-summary').waitFor();
    expect(await page.getByTestId('field-password').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('field-password').getAttribute('aria-describedby')).toContain('f-password-error');
    await visit(page, 'p01-welcome-refused');
    await setPassword(page, adminLink, ADMIN.password, 'p02-welcome');

    // A wrong password: one plain message, the email kept.
    await page.getByTestId('field-email').fill(ADMIN.email);
    await page.getByTestId('field-password').fill('not the password at all');
    await page.getByTestId('sign-in-submit').click();
    await page.getByTestId('error-summary').waitFor();
    expect(await page.getByTestId('field-email').inputValue()).toBe(ADMIN.email);
    await visit(page, 'p03-sign-in-refused');
    await signIn(page, ADMIN);
    expect(await page.getByTestId('signed-in-as').textContent()).toContain(ADMIN.name);
    expect(await page.getByTestId('admin-link').isVisible()).toBe(true);
  }, STEP_TIMEOUT_MS);

  test('staff see the draft and the restricted records, each with a badge saying who may see it', async () => {
    const page = adminPage;
    await expectSees(page, 'the admin', { [PUBLIC_ITEM]: true, [RESEARCHERS_ITEM]: true, [COMMUNITY_ITEM]: true, [DRAFT_ITEM]: true });
    // The list expectSees left open: each card says who may see it, as the item page does.
    expect(await listBadge(page, DRAFT_ITEM)).toMatch(/Bản nháp.*chỉ cán bộ/);
    expect(await listBadge(page, RESEARCHERS_ITEM)).toContain('nhà nghiên cứu và cán bộ');
    expect(await listBadge(page, COMMUNITY_ITEM), 'the badge names the community').toContain(`thành viên ${COMMUNITY} và cán bộ`);
    expect(await listBadge(page, PUBLIC_ITEM), 'no badge on a public record').toBeNull();
    await visit(page, 'p04-list-badges');
    // Search results, as the server draws them and as the island redraws them while typing.
    await page.goto(url('/en/search?q=cong+dong'));
    expect(await listBadge(page, COMMUNITY_ITEM, 'result-link')).toContain(`members of ${COMMUNITY} and staff`);
    await page.getByTestId('search-input').fill('nghien cuu');
    await page.locator(`#search-results [data-testid=result-link][href$="/item/${RESEARCHERS_ITEM}"]`).waitFor();
    expect(await listBadge(page, RESEARCHERS_ITEM, 'result-link'), 'a redrawn result keeps its badge').toContain('researchers and staff');
    await visit(page, 'p04-search-badges');
    // The item's own badge, in its header: related items below carry theirs too.
    const itemBadge = page.locator('.item-header [data-testid=visibility]');
    await page.goto(url(`/item/${DRAFT_ITEM}`));
    expect(await itemBadge.textContent()).toMatch(/Bản nháp.*chỉ cán bộ/);
    await visit(page, 'p04-draft-badge');
    await page.goto(url(`/en/item/${RESEARCHERS_ITEM}`));
    expect(await itemBadge.textContent()).toContain('researchers and staff');
    await page.goto(url(`/item/${PUBLIC_ITEM}`));
    expect(await itemBadge.count(), 'no badge on a public record').toBe(0);
    expect(await listBadge(page, DRAFT_ITEM, 'related-link'), 'a related draft has its badge').toMatch(/Bản nháp/);
  }, STEP_TIMEOUT_MS);

  test('the admin creates the community and invites a researcher and a community steward, copying each shown link', async () => {
    const page = adminPage;
    await page.getByTestId('admin-link').click();
    await page.goto(url('/admin/communities'));
    await page.getByTestId('field-id').fill('Sóc Trăng');
    await page.getByTestId('field-name').fill('Khmer Sóc Trăng');
    await page.getByTestId('community-create').click();
    await page.getByTestId('error-summary').waitFor();
    await visit(page, 'p05-community-refused');
    await page.getByTestId('field-id').fill(COMMUNITY);
    await page.getByTestId('community-create').click();
    await page.waitForURL((u) => u.searchParams.get('done') === 'communityCreated');
    expect(await page.getByTestId('community-row').filter({ hasText: COMMUNITY }).count()).toBe(1);
    await visit(page, 'p06-communities');

    const invite = async (who: { email: string; name: string }, language: string, tick: string[]): Promise<string> => {
      await page.goto(url('/admin/users/new'));
      await page.getByTestId('field-email').fill(who.email);
      await page.getByTestId('field-name').fill(who.name);
      await page.getByTestId('field-language').selectOption(language);
      for (const box of tick) await page.getByTestId(box).check();
      await page.getByTestId('invite-submit').click();
      await page.getByTestId('issued-link').waitFor();
      return page.getByTestId('link-url').inputValue();
    };
    links.researcher = await invite(RESEARCHER, 'en', ['roles-researcher']);
    await visit(page, 'p07-invited');
    links.member = await invite(MEMBER, 'km', [`memberOf-${COMMUNITY}`, `stewardOf-${COMMUNITY}`]);
    expect(links.researcher).toMatch(new RegExp(`^${running().archive.siteUrl}en/welcome/`));
    expect(links.member).toMatch(new RegExp(`^${running().archive.siteUrl}km/welcome/`));

    await page.goto(url('/admin/users'));
    expect(await page.getByTestId('user-row').count()).toBe(3);
    await visit(page, 'p08-users');
    await page.getByTestId('user-link').filter({ hasText: MEMBER.name }).click();
    expect(await page.getByTestId('account-status').textContent()).toContain('đã mời');
    await visit(page, 'p09-user');
  }, STEP_TIMEOUT_MS);

  test('the researcher sets a password, signs in, reads the researchers\' record but not the community\'s, and signs out', async () => {
    const context = await desktop();
    try {
      const page = await context.newPage();
      await setPassword(page, links.researcher, RESEARCHER.password, 'p10-researcher');
      expect(new URL(page.url()).pathname).toBe('/en/sign-in');
      await signIn(page, RESEARCHER);
      expect(new URL(page.url()).pathname, 'signed in, at home in their own language').toBe('/en/');
      expect(await page.getByTestId('admin-link').count(), 'no administration for a researcher').toBe(0);
      await expectSees(page, 'the researcher', { [PUBLIC_ITEM]: true, [RESEARCHERS_ITEM]: true, [COMMUNITY_ITEM]: false, [DRAFT_ITEM]: false });
      expect(await listBadge(page, RESEARCHERS_ITEM), 'the researcher sees the same badge in the list').toContain('nhà nghiên cứu và cán bộ');
      expect((await page.goto(url('/admin/users')))?.status(), 'the admin pages answer a researcher as the API does').toBe(404);
      await signOut(page);
      expect(await itemStatus(page, RESEARCHERS_ITEM), 'signed out, the researcher is the public again').toBe(404);
    } finally {
      await context.close();
    }
  }, STEP_TIMEOUT_MS);

  test('the community member signs in with the keyboard alone, reads the community\'s record but not the researchers\', and signs out', async () => {
    const context = await desktop();
    try {
      const page = await context.newPage();
      await setPassword(page, links.member, MEMBER.password, 'p11-member');
      await page.keyboard.press('Tab');
      expect(await isFocused(page.locator('a.skip-link'))).toBe(true);
      expect(await tabUntilFocused(page, page.getByTestId('field-email')), 'Tab presses to the email field').toBeLessThan(25);
      await page.keyboard.type(MEMBER.email);
      await page.keyboard.press('Tab');
      expect(await isFocused(page.getByTestId('field-password'))).toBe(true);
      // Khmer text goes in as a keyboard's input method sends it: whole characters, not key codes.
      await page.keyboard.insertText(MEMBER.password);
      await page.keyboard.press('Enter');
      await page.waitForURL((u) => u.pathname === '/km/');
      expect(await page.getByTestId('signed-in-as').textContent()).toContain(MEMBER.name);
      await expectSees(page, 'the member', { [PUBLIC_ITEM]: true, [RESEARCHERS_ITEM]: false, [COMMUNITY_ITEM]: true, [DRAFT_ITEM]: false });
      expect(await listBadge(page, COMMUNITY_ITEM), 'the member sees the badge naming their community').toContain(COMMUNITY);
      await page.goto(url(`/km/item/${COMMUNITY_ITEM}`));
      await signOut(page);
      expect(await itemStatus(page, COMMUNITY_ITEM)).toBe(404);
    } finally {
      await context.close();
    }
  }, STEP_TIMEOUT_MS);

  test('the public sees neither restricted record, nor the draft', async () => {
    const context = await desktop();
    try {
      const page = await context.newPage();
      await expectSees(page, 'the public', { [PUBLIC_ITEM]: true, [RESEARCHERS_ITEM]: false, [COMMUNITY_ITEM]: false, [DRAFT_ITEM]: false });
      const response = await page.goto(url('/account'));
      expect(new URL(page.url()).pathname, 'an account page sends the anonymous to sign in').toBe('/sign-in');
      expect(new URL(page.url()).searchParams.get('next')).toBe('/account');
      expect(response?.status()).toBe(200);
      await visit(page, 'p12-sign-in-public');
    } finally {
      await context.close();
    }
  }, STEP_TIMEOUT_MS);

  test('the steward adds the researcher to the community from the members page, and the researcher then reads its record', async () => {
    const context = await desktop();
    try {
      const page = await context.newPage();
      await page.goto(url('/sign-in'));
      await signIn(page, MEMBER);
      await page.getByTestId('members-link').click();
      await page.waitForURL((u) => u.pathname === `/km/communities/${COMMUNITY}/members`);
      expect(await page.getByTestId('member-row').count()).toBe(1);
      await page.getByTestId('field-email').fill('nobody@example.org');
      await page.getByTestId('add-member').click();
      await page.getByTestId('error-summary').waitFor();
      await visit(page, 'p13-members-refused');
      await page.getByTestId('field-email').fill(RESEARCHER.email);
      await page.getByTestId('add-member').click();
      await page.waitForURL((u) => u.searchParams.get('done') === 'memberAdded');
      expect(await page.getByTestId('member-row').filter({ hasText: RESEARCHER.email }).count()).toBe(1);
      await visit(page, 'p14-members');
      await signOut(page);

      await page.goto(url('/en/sign-in'));
      await signIn(page, RESEARCHER);
      expect(await itemStatus(page, COMMUNITY_ITEM), 'a new member reads the community\'s record').toBe(200);
      await signOut(page);
    } finally {
      await context.close();
    }
  }, STEP_TIMEOUT_MS);

  test('the admin\'s own account: name and language, a second factor set up and turned off, a token shown once and revoked, the audit trail', async () => {
    const page = adminPage;
    await page.goto(url('/account'));
    await page.getByTestId('field-name').fill(`${ADMIN.name} (Sóc Trăng)`);
    await page.getByTestId('field-language').selectOption('zh');
    await page.getByTestId('profile-save').click();
    await page.waitForURL((u) => u.pathname === '/zh/account' && u.searchParams.get('done') === 'saved');
    expect(await page.locator('html').getAttribute('lang'), 'the interface language is the site\'s now').toBe('zh-Hans');
    await visit(page, 'p15-account');

    await page.goto(url('/en/account/security'));
    await page.getByTestId('second-factor-begin').click();
    await page.getByTestId('qr-code').locator('svg').waitFor();
    await visit(page, 'p16-second-factor-setup');
    const secret = (await page.getByTestId('totp-secret').textContent() ?? '').replace(/\s+/g, '');
    await page.getByTestId('field-code').fill('000000');
    await page.getByTestId('second-factor-confirm').click();
    await page.getByTestId('error-summary').waitFor();
    await page.getByTestId('field-code').fill(new TOTP({ secret }).generate());
    await page.getByTestId('second-factor-confirm').click();
    await page.getByTestId('recovery-codes').waitFor();
    expect(await page.getByTestId('recovery-codes').locator('li').count()).toBe(10);
    await visit(page, 'p17-recovery-codes');
    await page.goto(url('/en/account/security'));
    await page.getByTestId('field-password').fill(ADMIN.password);
    await page.locator('form').filter({ has: page.getByTestId('field-password') }).locator('button[type=submit]').click();
    await page.waitForURL((u) => u.searchParams.get('done') === 'secondFactorOff');

    // Making a token asks for the current password again: a wrong one is said beside its field, and makes none.
    await page.goto(url('/en/account/tokens'));
    expect(await page.getByTestId('field-password').getAttribute('autocomplete')).toBe('current-password');
    await page.getByTestId('field-name').fill('harvester');
    await page.getByTestId('field-password').fill('not the password');
    await page.getByTestId('token-create').click();
    expect(await page.locator('#f-password-error').textContent()).toBe('The current password is not right.');
    expect(await page.getByTestId('token-value').count(), 'no token for a wrong password').toBe(0);
    await page.getByTestId('field-password').fill(ADMIN.password);
    await page.getByTestId('token-create').click();
    const token = await page.getByTestId('token-value').textContent();
    expect(token?.length).toBeGreaterThan(20);
    const tokenAnswer = await fetch(url('/api/account'), { headers: { authorization: `Bearer ${token ?? ''}` } });
    expect(tokenAnswer.status, 'the token works at once').toBe(200);
    await visit(page, 'p18-token-created');
    await page.goto(url('/en/account/tokens'));
    expect(await page.getByTestId('token-value').count(), 'shown once only').toBe(0);
    await page.getByTestId('token-row').locator('button').click();
    await page.waitForURL((u) => u.searchParams.get('done') === 'tokenRevoked');
    expect((await fetch(url('/api/account'), { headers: { authorization: `Bearer ${token ?? ''}` } })).status, 'revoked').not.toBe(200);

    // A second session (a script's sign-in), ended from the page with the current password, asked again.
    const origin = new URL(running().archive.siteUrl).origin;
    const elsewhere = await fetch(url('/api/auth/sign-in'), { method: 'POST', headers: { 'content-type': 'application/json', origin }, body: JSON.stringify({ email: ADMIN.email, password: ADMIN.password }) });
    expect(elsewhere.status).toBe(200);
    await page.goto(url('/en/account/sessions'));
    expect(await page.getByTestId('session-row').count()).toBeGreaterThanOrEqual(2);
    expect(await page.getByTestId('field-password').getAttribute('autocomplete')).toBe('current-password');
    await visit(page, 'p19-sessions');
    const others = () => page.getByTestId('session-row').locator('button[name=handle]');
    const before = await others().count();
    await page.getByTestId('field-password').fill('not the password');
    await others().first().click();
    expect(await page.locator('#f-password-error').textContent()).toBe('The current password is not right.');
    expect(await others().count(), 'no session ended for a wrong password').toBe(before);
    await page.getByTestId('field-password').fill(ADMIN.password);
    await others().first().click();
    await page.waitForURL((u) => u.searchParams.get('done') === 'sessionEnded');
    expect(await others().count()).toBe(before - 1);

    await page.goto(url('/en/admin/audit?action=auth.sign-in'));
    expect(await page.getByTestId('audit-row').count()).toBeGreaterThan(0);
    await visit(page, 'p20-audit');
    const csv = await page.getByTestId('audit-csv').getAttribute('href');
    const cookies = (await admin.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const exported = await fetch(url(csv ?? ''), { headers: { cookie: cookies } });
    expect(exported.status).toBe(200);
    expect(await exported.text()).toContain('auth.sign-in');
  }, STEP_TIMEOUT_MS);

  test('password help: every password field shows its password on request, a new one has a strength meter, paste is never blocked', async () => {
    const page = adminPage;
    await page.goto(url('/en/account/password'));
    const autocomplete = (name: string) => page.locator(`input[name=${name}]`).getAttribute('autocomplete');
    expect([await autocomplete('username'), await autocomplete('current'), await autocomplete('password'), await autocomplete('again')]).toEqual(['username', 'current-password', 'new-password', 'new-password']);

    // The toggle, by mouse and by keyboard: aria-pressed says whether the password shows.
    const current = page.getByTestId('field-current');
    const toggle = page.getByTestId('show-current');
    await current.fill('not my password');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    expect([await toggle.getAttribute('aria-pressed'), await current.getAttribute('type')]).toEqual(['true', 'text']);
    await toggle.focus();
    await page.keyboard.press('Space');
    expect([await toggle.getAttribute('aria-pressed'), await current.getAttribute('type')]).toEqual(['false', 'password']);
    await page.keyboard.press('Enter');
    expect(await current.getAttribute('type')).toBe('text');
    expect(await current.inputValue(), 'the typed password is kept').toBe('not my password');

    // The meter moves with the typing, and says the length against the policy in words.
    const meter = async () => Number(await page.getByTestId('password-meter').getAttribute('value') ?? 'NaN');
    const level = () => page.getByTestId('password-level').textContent();
    expect(await meter()).toBe(0);
    await page.getByTestId('field-password').fill('short');
    expect(await level()).toBe('Too short.');
    expect(await page.getByTestId('password-count').textContent()).toBe('5 characters (at least 12)');
    const weak = await meter();
    await page.getByTestId('field-password').fill('four quiet rivers at dawn');
    expect(await level()).toBe('Strong.');
    expect(await meter()).toBeGreaterThan(weak);
    await page.getByTestId('show-password').click();
    await visit(page, 'p21-password-help');

    // Nothing cancels a paste, so password managers and pasting work (ASVS 2.1.11).
    const pasteAllowed = await page.getByTestId('field-again').evaluate((input) => (input as unknown as { dispatchEvent: (event: Event) => boolean }).dispatchEvent(new Event('paste', { bubbles: true, cancelable: true })));
    expect(pasteAllowed).toBe(true);

    // On sign-in too, in another language: the same toggle, its label in the page's language.
    const context = await desktop();
    try {
      const signedOut = await context.newPage();
      await signedOut.goto(url('/km/sign-in'));
      const show = signedOut.getByTestId('show-password');
      expect(await show.textContent()).toBe('បង្ហាញពាក្យសម្ងាត់');
      await signedOut.getByTestId('field-password').fill('ព្រះចន្ទ');
      await show.click();
      expect(await signedOut.getByTestId('field-password').getAttribute('type')).toBe('text');
      await visit(signedOut, 'p22-sign-in-password-shown');
    } finally {
      await context.close();
    }
  }, STEP_TIMEOUT_MS);

  test('every page about people is valid HTML to the Nu checker, signed in and out, in all four languages, and in the states the forms lead to', async () => {
    const cookie = (await admin.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const pages: SavedPage[] = [...statePages];
    for (const [lang, prefix] of [['vi', ''], ['en', '/en'], ['km', '/km'], ['zh', '/zh']] as const) {
      for (const [name, path] of PEOPLE_PAGE_TYPES) {
        const response = await fetch(url(`${prefix}${path}`), { headers: { cookie } });
        expect(response.status, `${lang} ${path}`).toBe(200);
        expect(response.headers.get('cache-control'), `${lang} ${path} is the admin's alone`).toBe('private, no-store');
        expect(response.headers.get('vary')).toMatch(/Cookie/);
        pages.push({ name: `${lang}-${name}.html`, html: await response.text() });
      }
      for (const [name, path] of [['members', `/communities/${COMMUNITY}/members`], ['item-community', `/item/${COMMUNITY_ITEM}`], ['user-list-search', '/admin/users?q=example']] as const) {
        pages.push({ name: `${lang}-${name}.html`, html: await (await fetch(url(`${prefix}${path}`), { headers: { cookie } })).text() });
      }
      for (const [name, path, status] of [['sign-in', '/sign-in', 200], ['forgot-password', '/forgot-password', 200], ['link-gone', '/welcome/aaaaaaaaaaaaaaaaaaaaaaaa', 404]] as const) {
        const response = await fetch(url(`${prefix}${path}`));
        expect(response.status, `${lang} ${path} signed out`).toBe(status);
        pages.push({ name: `${lang}-out-${name}.html`, html: await response.text() });
      }
    }
    console.log(`Nu checker: ${pages.length} pages about people`);
    expect(await htmlErrors(pages)).toEqual([]);
  }, STEP_TIMEOUT_MS);
});

test('signing in works with JavaScript off: the forms post to the pages themselves', async () => {
  const context = await running().browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 }, locale: 'vi-VN' });
  try {
    const page = await context.newPage();
    await page.goto(url(`/sign-in?next=${encodeURIComponent(`/item/${RESEARCHERS_ITEM}`)}`));
    expect(await page.getByTestId('show-password').isVisible(), 'no button that would do nothing').toBe(false);
    await page.getByTestId('sign-in-submit').click();
    expect(await page.getByTestId('error-summary').textContent(), 'an empty form is answered beside each field').toContain('Hãy điền');
    await page.getByTestId('field-email').fill(RESEARCHER.email);
    await page.getByTestId('field-password').fill(RESEARCHER.password);
    await page.getByTestId('sign-in-submit').click();
    await page.waitForURL((u) => u.pathname === `/item/${RESEARCHERS_ITEM}`);
    expect(await page.getByTestId('item-title').textContent(), '?next= brings the researcher back to the record').toContain('nghiên cứu');
    await page.getByTestId('sign-out').click();
    await page.getByTestId('done').waitFor();
    expect(await page.getByTestId('sign-in-link').isVisible()).toBe(true);
    // ?next= goes to this site only.
    await page.goto(url('/sign-in?next=//evil.example/'));
    await page.getByTestId('field-email').fill(RESEARCHER.email);
    await page.getByTestId('field-password').fill(RESEARCHER.password);
    await page.getByTestId('sign-in-submit').click();
    await page.waitForURL((u) => !u.pathname.endsWith('/sign-in'));
    expect(new URL(page.url()).origin).toBe(new URL(running().archive.siteUrl).origin);
  } finally {
    await context.close();
  }
}, STEP_TIMEOUT_MS);
