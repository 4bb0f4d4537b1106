import { CATEGORY_WORDS, STANDARD_CATEGORIES } from '@whistle/domain';
import { call, expectStatus } from '../support/api';
import { openCase } from '../support/cases';
import { query } from '../support/database';
import { createTestStreet, whistleBody, type TestStreet } from '../support/street';

/**
 * The category directory (code, Chinese and English names, order, retired or not) that the whistle form offers, and
 * the routing table (category × urgency → rule set) that must say exactly which rules a new case gets.
 */
describe('category directory and routing table', () => {
  let street: TestStreet;
  beforeAll(async () => {
    street = await createTestStreet();
  });

  const code = (name: string) => `${name}_${street.suffix}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  const create = (body: Record<string, unknown>, token = street.adminToken) => call('POST', '/categories', { token, body });
  const list = async (token = street.token.community) => expectStatus(await call('GET', '/categories', { token }), 200).body as any[];
  const routing = async (token = street.adminToken) => expectStatus(await call('GET', '/routing', { token }), 200).body as any[];
  const directoryRows = () => query<{ count: string }>('SELECT count(*)::text AS count FROM categories').then((rows) => rows[0].count);

  /** Publishes a rule set (admin) and answers it. */
  async function publish(name: string, categories: string[], urgencies: string[] = []) {
    const ruleSet = expectStatus(await call('POST', '/rule-sets', { token: street.adminToken, body: { name, categories, urgencies } }), 201).body;
    expectStatus(await call('POST', `/rule-sets/${ruleSet.id}/publish`, { token: street.adminToken }), 201);
    return ruleSet as { id: string; name: string };
  }

  it('starts with the standard categories and the words the console gave them', async () => {
    const listed = await list();
    for (const [index, standard] of STANDARD_CATEGORIES.entries()) {
      expect(listed.find((c) => c.id === standard)).toMatchObject({
        inDirectory: true,
        active: true,
        nameZh: CATEGORY_WORDS.zh[standard],
        nameEn: CATEGORY_WORDS.en[standard],
        sortOrder: (index + 1) * 10,
      });
    }
  });

  it('lets an admin add, read, rename and reorder a category, audited; the code stays', async () => {
    const noise = code('noise');
    const created = expectStatus(await create({ code: noise, nameZh: '  噪音扰民 ', nameEn: 'Noise' }), 201).body;
    expect(created).toMatchObject({ id: noise, nameZh: '噪音扰民', nameEn: 'Noise', active: true, inDirectory: true, createdAt: expect.any(String) });
    // Placed after every other category unless the admin says otherwise.
    expect(created.sortOrder).toBeGreaterThan(70);
    expect(expectStatus(await call('GET', `/categories/${noise}`, { token: street.token.housing }), 200).body).toMatchObject({
      id: noise,
      nameEn: 'Noise',
    });

    const renamed = expectStatus(
      await call('PUT', `/categories/${noise}`, { token: street.adminToken, body: { nameEn: 'Noise nuisance', sortOrder: 5 } }),
      200,
    ).body;
    expect(renamed).toMatchObject({ id: noise, nameZh: '噪音扰民', nameEn: 'Noise nuisance', sortOrder: 5 });
    // Sort order 5 puts it before the standard ones.
    const listed = await list();
    expect(listed.findIndex((c) => c.id === noise)).toBeLessThan(listed.findIndex((c) => c.id === 'small_dispute'));

    const trail = expectStatus(
      await call(
        'GET',
        `/audit?${new URLSearchParams({ filter: JSON.stringify({ targetType: 'category', targetId: noise }), sort: JSON.stringify(['seq', 'ASC']) })}`,
        {
          token: street.adminToken,
        },
      ),
      200,
    ).body;
    expect(trail.map((row: { kind: string }) => row.kind)).toEqual(['category.created', 'category.updated']);
    expect(trail[1].data).toMatchObject({ changed: ['nameEn', 'sortOrder'], before: { nameEn: 'Noise' }, after: { nameEn: 'Noise nuisance' } });
  });

  it('refuses bad input with a 400 naming the field, and changes nothing', async () => {
    const before = await directoryRows();
    const refusals: [Record<string, unknown>, string][] = [
      [{ code: 'Noise', nameZh: '噪音', nameEn: 'Noise' }, 'code'],
      [{ code: '9lives', nameZh: '噪音', nameEn: 'Noise' }, 'code'],
      [{ code: 'x', nameZh: '噪音', nameEn: 'Noise' }, 'code'],
      [{ code: `n${'o'.repeat(64)}`, nameZh: '噪音', nameEn: 'Noise' }, 'code'],
      [{ code: '*', nameZh: '噪音', nameEn: 'Noise' }, 'code'],
      [{ code: code('blank'), nameZh: '   ', nameEn: 'Noise' }, 'nameZh'],
      [{ code: code('long'), nameZh: '噪音', nameEn: 'N'.repeat(101) }, 'nameEn'],
      [{ code: code('missing'), nameZh: '噪音' }, 'nameEn'],
      [{ code: code('sorted'), nameZh: '噪音', nameEn: 'Noise', sortOrder: -1 }, 'sortOrder'],
      [{ code: code('extra'), nameZh: '噪音', nameEn: 'Noise', active: false }, ''],
      // Taken: a standard one.
      [{ code: 'hidden_danger', nameZh: '隐患', nameEn: 'Danger' }, 'code'],
    ];
    for (const [body, field] of refusals) {
      const refused = expectStatus(await create(body), 400).body;
      const fields = [refused.details?.field, ...(refused.details?.issues ?? []).map((i: { path: string }) => i.path)];
      expect(fields).toContain(field);
    }
    const unsafe = expectStatus(await call('PUT', '/categories/other', { token: street.adminToken, body: { nameZh: 'a\u0000b' } }), 400).body;
    expect(unsafe.message).toMatch(/nameZh/);
    // The code of a category cannot change.
    expectStatus(await call('PUT', '/categories/other', { token: street.adminToken, body: { code: 'other_thing' } }), 400);
    expectStatus(await call('PUT', '/categories/other', { token: street.adminToken, body: { active: 'no' } }), 400);
    expectStatus(await call('PUT', `/categories/${code('nowhere')}`, { token: street.adminToken, body: { nameEn: 'Nowhere' } }), 404);
    expectStatus(await call('GET', `/categories/${code('nowhere')}`, { token: street.adminToken }), 404);
    expect(await directoryRows()).toBe(before);
    expect((await list()).find((c) => c.id === 'other')).toMatchObject({ nameZh: '其他', nameEn: 'Other', active: true });
  });

  it('creates a code once when admins send it at the same time: one 201, the others a 400 naming the code', async () => {
    const twin = code('twin');
    const answers = await Promise.all([1, 2, 3, 4].map((n) => create({ code: twin, nameZh: `双 ${n}`, nameEn: `Twin ${n}` })));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 400, 400, 400]);
    for (const refused of answers.filter((a) => a.status === 400)) expect(refused.body.details).toMatchObject({ field: 'code' });
    expect(await query('SELECT code FROM categories WHERE code = $1', [twin])).toHaveLength(1);
  });

  it('refuses a name another category holds (English in any case), on create and rename, naming the field', async () => {
    const before = await directoryRows();
    const clashes: [Record<string, unknown>, string][] = [
      [{ code: code('same_zh'), nameZh: '小诉求', nameEn: `Unique ${street.suffix}` }, 'nameZh'],
      [{ code: code('same_en'), nameZh: `独有 ${street.suffix}`, nameEn: 'SMALL DEMAND' }, 'nameEn'],
    ];
    for (const [body, field] of clashes) {
      const refused = expectStatus(await create(body), 400).body;
      expect(refused.details).toMatchObject({ field, code: 'small_demand' });
    }
    expect(await directoryRows()).toBe(before);

    const own = code('own_name');
    expectStatus(await create({ code: own, nameZh: `自有 ${street.suffix}`, nameEn: `Own ${street.suffix}` }), 201);
    const renamed = expectStatus(await call('PUT', `/categories/${own}`, { token: street.adminToken, body: { nameZh: '其他' } }), 400).body;
    expect(renamed.details).toMatchObject({ field: 'nameZh', code: 'other' });
    // Keeping its own name (or changing only its case) is no clash.
    expectStatus(await call('PUT', `/categories/${own}`, { token: street.adminToken, body: { nameEn: `OWN ${street.suffix}` } }), 200);
    expect(expectStatus(await call('GET', `/categories/${own}`, { token: street.adminToken }), 200).body.nameZh).toBe(`自有 ${street.suffix}`);

    // Two admins racing for one name on different codes: one wins, the other hears which field.
    const raced = await Promise.all(
      [1, 2, 3].map((n) => create({ code: code(`race_${n}`), nameZh: `竞名 ${street.suffix}`, nameEn: `Race ${n} ${street.suffix}` })),
    );
    expect(raced.map((a) => a.status).sort()).toEqual([201, 400, 400]);
    for (const refused of raced.filter((a) => a.status === 400)) expect(refused.body.details).toMatchObject({ field: 'nameZh' });
  });

  it('lets only admins write: every other role gets a 403, nobody without a token reads', async () => {
    const before = await directoryRows();
    for (const token of [street.token.coordinator, street.token.leader, street.token.community, street.token.housing]) {
      expectStatus(await create({ code: code('sneaky'), nameZh: '偷偷', nameEn: 'Sneaky' }, token), 403);
      expectStatus(await call('PUT', '/categories/other', { token, body: { active: false } }), 403);
      expectStatus(await call('DELETE', '/categories/other', { token }), 403);
      // Reading is for everyone signed in; the routing table for those who write or live by the rules.
      await list(token);
    }
    for (const token of [street.token.leader, street.token.community, street.token.housing])
      expectStatus(await call('GET', '/routing', { token }), 403);
    await routing(street.token.coordinator);
    expect((await call('GET', '/categories')).status).toBe(401);
    expect((await call('GET', '/routing')).status).toBe(401);
    expect(await directoryRows()).toBe(before);
    expect((await list()).find((c) => c.id === 'other')).toMatchObject({ active: true });
  });

  it('accepts a whistle of a new directory category, refuses one of a retired category, and takes it back when restored', async () => {
    const bikes = code('bikes');
    // Unknown before it is in the directory.
    const unknown = expectStatus(
      await call('POST', '/cases', { token: street.token.community, body: whistleBody(street, { category: bikes }) }),
      400,
    ).body;
    expect(unknown.details.issues).toEqual([expect.objectContaining({ path: 'category' })]);

    expectStatus(await create({ code: bikes, nameZh: '共享单车乱停', nameEn: 'Parked bikes' }), 201);
    const opened = await openCase(street, { category: bikes });
    expect(opened.category).toBe(bikes);

    const retired = expectStatus(await call('PUT', `/categories/${bikes}`, { token: street.adminToken, body: { active: false } }), 200).body;
    expect(retired).toMatchObject({ active: false });
    // Still listed (the open case names it), marked retired; no longer a row of the routing table.
    expect((await list()).find((c) => c.id === bikes)).toMatchObject({ active: false, nameZh: '共享单车乱停' });
    expect((await routing()).find((row) => row.category === bikes)).toBeUndefined();
    const refused = expectStatus(
      await call('POST', '/cases', { token: street.token.community, body: whistleBody(street, { category: bikes }) }),
      400,
    ).body;
    expect(refused.details.issues).toEqual([{ path: 'category', message: `${bikes} is retired; new cases may not use it` }]);
    const trail = expectStatus(
      await call('GET', `/audit?${new URLSearchParams({ filter: JSON.stringify({ kind: 'category.retired', targetId: bikes }) })}`, {
        token: street.adminToken,
      }),
      200,
    ).body;
    expect(trail).toHaveLength(1);

    // A category a case names is not deleted: it is retired.
    const kept = expectStatus(await call('DELETE', `/categories/${bikes}`, { token: street.adminToken }), 409).body;
    expect(kept.message).toMatch(/retire it instead/);

    expectStatus(await call('PUT', `/categories/${bikes}`, { token: street.adminToken, body: { active: true } }), 200);
    expect((await openCase(street, { category: bikes })).category).toBe(bikes);
  });

  it('deletes a category nothing names (a typo), audited, and refuses to delete one a rule set names', async () => {
    const typo = code('pakring');
    expectStatus(await create({ code: typo, nameZh: '停车', nameEn: 'Parking' }), 201);
    expect(expectStatus(await call('DELETE', `/categories/${typo}`, { token: street.adminToken }), 200).body).toMatchObject({ id: typo });
    expect((await list()).find((c) => c.id === typo)).toBeUndefined();
    expectStatus(await call('DELETE', `/categories/${typo}`, { token: street.adminToken }), 404);

    const named = code('named');
    expectStatus(await create({ code: named, nameZh: '规则命名', nameEn: 'Named by rules' }), 201);
    // A draft is enough: deleting would leave the rule set naming a category the directory forgot.
    expectStatus(await call('POST', '/rule-sets', { token: street.adminToken, body: { name: `Named ${street.suffix}`, categories: [named] } }), 201);
    expectStatus(await call('DELETE', `/categories/${named}`, { token: street.adminToken }), 409);
    expect((await list()).find((c) => c.id === named)).toMatchObject({ active: true });
  });

  it('keeps accepting a category only a published rule set names, listed as not in the directory, until an admin takes it in', async () => {
    const legacy = code('legacy');
    const ruleSet = await publish(`Legacy ${street.suffix}`, [legacy]);
    expect((await list()).find((c) => c.id === legacy)).toEqual({
      id: legacy,
      inDirectory: false,
      nameZh: null,
      nameEn: null,
      active: true,
      sortOrder: null,
      ruleSet: { id: ruleSet.id, name: `Legacy ${street.suffix}`, version: 1 },
    });
    expect((await openCase(street, { category: legacy })).ruleSetId).toBe(ruleSet.id);
    expect((await routing()).find((row) => row.category === legacy)).toMatchObject({ inDirectory: false, routes: { normal: { id: ruleSet.id } } });

    expectStatus(await create({ code: legacy, nameZh: '旧类别', nameEn: 'Legacy' }), 201);
    expect((await list()).filter((c) => c.id === legacy)).toEqual([expect.objectContaining({ inDirectory: true, nameZh: '旧类别' })]);
  });

  it('routes every category and urgency to the rule set a real new case gets', async () => {
    const flood = code('flood');
    const plain = code('plain');
    expectStatus(await create({ code: flood, nameZh: '积水', nameEn: 'Flooding' }), 201);
    expectStatus(await create({ code: plain, nameZh: '普通', nameEn: 'Plain' }), 201);
    // The most specific rules there are (category and urgency both named), so no other suite's rule set can outrank them.
    const normal = await publish(`Flood normal ${street.suffix}`, [flood], ['normal']);
    const urgent = await publish(`Flood urgent ${street.suffix}`, [flood], ['urgent']);

    const table = await routing();
    expect(table.find((row) => row.category === flood)).toEqual({
      category: flood,
      inDirectory: true,
      nameZh: '积水',
      nameEn: 'Flooding',
      routes: {
        normal: { id: normal.id, name: `Flood normal ${street.suffix}`, version: 1 },
        urgent: { id: urgent.id, name: `Flood urgent ${street.suffix}`, version: 1 },
      },
    });
    // Every usable category is a row: the standard ones and the new ones, in the directory's order.
    const rows = table.map((row) => row.category);
    expect(rows).toEqual(expect.arrayContaining([...STANDARD_CATEGORIES, flood, plain]));
    expect(rows.indexOf('small_dispute')).toBeLessThan(rows.indexOf('other'));

    // Whatever the table says, a real case gets (re-read around the case: another suite may publish meanwhile, and a
    // route that changed under the case proves nothing either way; the flood routes are this suite's alone).
    let compared = 0;
    for (const category of [flood, plain, 'hidden_danger']) {
      for (const urgency of ['normal', 'urgent'] as const) {
        const routeBefore = (await routing()).find((row) => row.category === category).routes[urgency];
        const opened = await openCase(street, { category, urgency });
        const routeAfter = (await routing()).find((row) => row.category === category).routes[urgency];
        if (JSON.stringify(routeBefore) !== JSON.stringify(routeAfter)) continue;
        compared += 1;
        expect({ category, urgency, ruleSetId: opened.ruleSetId, version: opened.ruleSetVersion }).toEqual({
          category,
          urgency,
          ruleSetId: routeBefore?.id ?? 'built-in',
          version: routeBefore?.version ?? 0,
        });
      }
    }
    expect(compared).toBeGreaterThanOrEqual(2);
  });
});
