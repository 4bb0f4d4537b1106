import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import year2026 from 'chinese-days/dist/years/2026.json';
import type { Page } from 'playwright-core';
import { call, expectStatus, login } from '../support/api';
import { ADMIN_URL, browserSession } from './pages/browser';
import { CalendarEditorPage } from './pages/CalendarEditorPage';
import { LoginPage } from './pages/LoginPage';
import { RuleSetFormPage } from './pages/RuleSetPages';

jest.setTimeout(90_000);

/** The dataset's 2026 National Day: its days off and the weekend days worked instead, as the package gives them. */
const festival = (entries: Record<string, string>, name: string) =>
  Object.entries(entries)
    .filter(([, words]) => words.startsWith(`${name},`))
    .map(([date]) => date)
    .sort();
const NATIONAL_DAY_OFF = festival(year2026.holidays, 'National Day');
const NATIONAL_DAY_WORKED = festival(year2026.workdays, 'National Day');

/**
 * An admin sets a rule set's calendar by pointing, in the designer: working hours, the week, and 2026's official
 * holidays and moved workdays filled in one click and then edited on the months; the saved draft holds them.
 */
describe('the calendar in the rule designer', () => {
  const suffix = Math.random().toString(36).slice(2, 8);
  let adminToken: string;
  const session = browserSession();
  let page: Page;

  beforeAll(async () => {
    adminToken = await login('admin', process.env.WHISTLE_ADMIN_PASSWORD!);
  });

  beforeEach(async () => {
    page = session.page;
    await new LoginPage(page).signInAsAdmin();
  });

  it('switches a draft to working hours, fills 2026 official holidays, edits a day and saves them', async () => {
    // A draft with no calendar at all (it runs round the clock), as an earlier draft may be.
    const body = {
      name: `Calendar rules ${suffix}`,
      categories: [`e2e_calendar_${suffix}`],
      definition: { stages: { registration: { sla: 'P1D' } } },
    };
    const ruleSet = expectStatus(await call('POST', '/rule-sets', { token: adminToken, body }), 201).body;

    await page.goto(`${ADMIN_URL()}/#/rule-sets/${encodeURIComponent(ruleSet.id)}`);
    const calendar = new CalendarEditorPage(page);
    await calendar.open();
    expect(await calendar.mode()).toBe('calendar');

    // Working hours start from a Chinese office's week.
    await calendar.switchTo('working');
    expect(await calendar.timezone().innerText()).toContain('Asia/Shanghai');
    expect(await calendar.workdayStart().inputValue()).toBe('09:00');
    expect(await calendar.workdayEnd().inputValue()).toBe('18:00');
    expect(await calendar.weekendDay(6).getAttribute('aria-pressed')).toBe('true');
    expect(await calendar.weekendDay(0).getAttribute('aria-pressed')).toBe('true');
    expect(await calendar.weekendDay(5).getAttribute('aria-pressed')).toBe('false');
    // The JSON shows the same calendar, so typing there later does not write the old one back.
    const form = new RuleSetFormPage(page);
    await form.openTab('advanced');
    expect(JSON.parse(await form.editor().inputValue()).calendar).toMatchObject({ mode: 'working', workdayStart: '09:00', weekend: [6, 0] });
    await calendar.open();

    // A working day that closes before it opens is refused on its own input, in Chinese, then fixed.
    await calendar.workdayStart().fill('08:30');
    await calendar.workdayEnd().fill('07:00');
    await calendar.helperOf(calendar.workdayEnd()).getByText('下班时间须晚于上班时间。').waitFor();
    expect(await calendar.helperOf(calendar.workdayStart()).innerText()).not.toContain('须');
    await calendar.workdayEnd().fill('17:30');
    await calendar.helperOf(calendar.workdayEnd()).getByText('下班时间须晚于上班时间。').waitFor({ state: 'detached' });

    // Saturdays become working days.
    await calendar.weekendDay(6).click();
    expect(await calendar.weekendDay(6).getAttribute('aria-pressed')).toBe('false');

    // 2026's official days in one click: the National Day break and the weekend days worked for it.
    await calendar.chooseYear(2026);
    expect(await calendar.fillOfficial().innerText()).toBe('填入 2026 年国家法定节假日');
    await calendar.fillOfficial().click();
    const holidays = Object.keys(year2026.holidays).length;
    const moved = Object.keys(year2026.workdays).length;
    await calendar.counts().getByText(`2026 年：${holidays} 个节假日 · ${moved} 个调休上班日`).waitFor();
    expect(NATIONAL_DAY_OFF[0]).toBe('2026-10-01');
    expect(NATIONAL_DAY_WORKED.length).toBeGreaterThan(0);
    for (const date of NATIONAL_DAY_OFF) expect(await calendar.markOf(date)).toBe('holiday');
    for (const date of NATIONAL_DAY_WORKED) expect(await calendar.markOf(date)).toBe('extraWorkday');
    expect(await calendar.markOf('2026-10-08')).toBe('normal');
    expect(await calendar.day('2026-10-01').getAttribute('title')).toBe('2026-10-01 · 国庆节 · 节假日');

    // The admin works the last day of the break after all: one click on a holiday weekday makes it normal again.
    const lastDayOff = NATIONAL_DAY_OFF[NATIONAL_DAY_OFF.length - 1];
    await calendar.day(lastDayOff).click();
    expect(await calendar.markOf(lastDayOff)).toBe('normal');
    await calendar
      .counts()
      .getByText(`2026 年：${holidays - 1} 个节假日 · ${moved} 个调休上班日`)
      .waitFor();

    await page.screenshot({ path: 'tests/output/rule-calendar.png', fullPage: true });
    await page.getByTestId('calendar-year-view').screenshot({ path: 'tests/output/rule-calendar-year.png' });

    // A year the dataset does not cover says so instead of filling nothing; other years' marks stay.
    const lastCovered = Math.max(
      ...readdirSync(join(dirname(require.resolve('chinese-days/package.json')), 'dist/years')).map((file) => parseInt(file, 10)),
    );
    await calendar.chooseYear(lastCovered + 1);
    expect(await calendar.fillOfficial().isDisabled()).toBe(true);
    expect(await calendar.fillOfficial().innerText()).toContain(`数据集中没有 ${lastCovered + 1} 年的法定节假日`);
    await calendar.chooseYear(2026);
    // Round the clock and back before saving gives the working calendar back as it was.
    await calendar.switchTo('calendar');
    await calendar.switchTo('working');
    expect(await calendar.markOf('2026-10-01')).toBe('holiday');
    expect(await calendar.workdayEnd().inputValue()).toBe('17:30');

    await form.save();
    // The draft as the rule set's page shows it: the calendar set by pointing.
    const saved = JSON.parse(await page.getByTestId('rule-set-definition').innerText());
    expect(saved.calendar).toEqual({
      mode: 'working',
      timezone: 'Asia/Shanghai',
      workdayStart: '08:30',
      workdayEnd: '17:30',
      weekend: [0],
      holidays: Object.keys(year2026.holidays)
        .filter((date) => date !== lastDayOff)
        .sort(),
      extraWorkdays: Object.keys(year2026.workdays).sort(),
    });
    // The rest of the draft untouched.
    expect(saved.stages).toEqual({ registration: { sla: 'P1D' } });

    // Opened again, in English: the saved calendar on the months, in the console's language.
    await page.goto(`${ADMIN_URL()}/#/rule-sets/${encodeURIComponent(ruleSet.id)}`);
    await calendar.open();
    await page.locator('header').getByText('中文').click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await calendar.open();
    await calendar.chooseYear(2026);
    await calendar
      .counts()
      .getByText(`2026: ${holidays - 1} holidays · ${moved} moved workdays`)
      .waitFor();
    expect(await calendar.mode()).toBe('working');
    expect(await calendar.markOf('2026-10-01')).toBe('holiday');
    expect(await calendar.weekendDay(6).getAttribute('aria-label')).toBe('Saturday');
    expect(await calendar.fillOfficial().innerText()).toBe("FILL CHINA'S OFFICIAL HOLIDAYS FOR 2026");
    await page.getByTestId('calendar-year-view').screenshot({ path: 'tests/output/rule-calendar-year-en.png' });
  });
});
