// The demo street, drawn from the seed stories: Dunhua Road Street with three communities, the departments
// of seeds 003 and 004, a property company, two red partners, a few grids per community, one user per role and a dozen cases spread
// over every stage. Everything goes through the public HTTP API, as a person would do it.
import { logger } from './log.mjs';

const log = logger('seed');

const ORGANIZATIONS = [
  ['street', 'Dunhua Road Street 敦化路街道', 'street', null],
  ['yichun', 'Yichun Road Community 宜春路社区', 'community', 'street'],
  ['liaoyuan', 'Liaoyuan Road Community 辽源路社区', 'community', 'street'],
  ['yanta', 'Yanta Community 雁塔社区', 'community', 'street'],
  ['housing', 'Housing Construction Bureau 住建局', 'department', null],
  ['emergency', 'Emergency Management Bureau 应急管理局', 'department', null],
  ['equipment', 'Special Equipment Supervision Bureau 特种设备监察局', 'department', null],
  ['sewage', 'Sewage Management Office 排水管理处', 'department', null],
  ['property', 'Xinyuan Property Services 新苑物业', 'property_company', null],
  ['partnerBuild', 'North District Red Partner Construction 市北红色合伙人建设', 'partner', null],
  ['partnerSteel', 'Qingdao Steel Racks Co. 青岛钢架公司', 'partner', null],
  // Each community's grids (网格), where its grid members walk; a whistle names the grid the problem is in.
  ['yichunGrid5', 'Yichun Grid 5 宜春路第五网格', 'grid', 'yichun'],
  ['yichunGrid6', 'Yichun Grid 6 宜春路第六网格', 'grid', 'yichun'],
  ['yichunGrid7', 'Yichun Grid 7 宜春路第七网格', 'grid', 'yichun'],
  ['liaoyuanGrid1', 'Liaoyuan Grid 1 辽源路第一网格', 'grid', 'liaoyuan'],
  ['liaoyuanGrid2', 'Liaoyuan Grid 2 辽源路第二网格', 'grid', 'liaoyuan'],
  ['yantaGrid1', 'Yanta Grid 1 雁塔第一网格', 'grid', 'yanta'],
  ['yantaGrid2', 'Yanta Grid 2 雁塔第二网格', 'grid', 'yanta'],
];

const USERS = [
  ['coordinator', 'He Hongna 何红娜 (street coordinator)', ['coordinator'], 'street'],
  ['leader', 'Street Leader 街道领导', ['leader'], 'street'],
  ['wangfeng', 'Wang Feng 王锋 (Yichun Road Community)', ['community'], 'yichun'],
  ['liaoyuan', 'Liaoyuan Road Community staff', ['community'], 'liaoyuan'],
  ['liuxiaozhen', 'Liu Xiaozhen 刘晓珍 (Yanta Community)', ['community'], 'yanta'],
  ['housing', 'Housing Bureau duty officer', ['department'], 'housing'],
  ['emergency', 'Emergency Bureau duty officer', ['department'], 'emergency'],
  ['equipment', 'Special Equipment duty officer', ['department'], 'equipment'],
  ['sewage', 'Sewage Office duty officer', ['department'], 'sewage'],
  ['property', 'Xinyuan Property manager', ['department'], 'property'],
  ['redpartner', 'Red Partner liaison', ['department'], 'partnerBuild'],
];

/**
 * A point around Dunhua Road Street (Qingdao), the demo's Qingdao communities' cases scattered a few hundred metres
 * apart so the case list's map shows them apart (the Yanta cases of seed 004 are in Xi'an and carry no point).
 */
const spot = (n) => ({
  latitude: Number((36.088 + ((n * 37) % 11) * 0.0009 - 0.0045).toFixed(6)),
  longitude: Number((120.378 + ((n * 53) % 13) * 0.0009 - 0.0054).toFixed(6)),
});

/** Each grid's grid member responsible: a user of its community. */
const GRID_RESPONSIBLES = [
  ['yichunGrid6', 'wangfeng'],
  ['liaoyuanGrid1', 'liaoyuan'],
  ['yantaGrid2', 'liuxiaozhen'],
];

const inDays = (days) => new Date(Date.now() + days * 86_400_000).toISOString();

/** Each case: who blows the whistle, then the steps that bring it to the stage it is shown in. */
function demoCases(o) {
  const reporter = (name) => ({ name, phone: '13800138000' });
  const meeting = {
    type: 'schedule_meeting',
    scheduledAt: inDays(1),
    location: 'Street office meeting room 2',
    attendees: [{ organizationId: o.housing }, { organizationId: o.property }, { name: 'Dai Yinglei', role: 'owner representative' }],
  };
  const dispatchHousing = { type: 'dispatch', leadOrganizationId: o.housing, coHandlerOrganizationIds: [o.property] };
  const registerAll = [
    ['housing', { type: 'register', contactName: 'Director He', contactPhone: '13900139000' }],
    ['property', { type: 'register', contactName: 'Manager Zhao', contactPhone: '13700137000' }],
  ];
  const throughCoordination = [
    ['coordinator', dispatchHousing],
    ...registerAll,
    ['coordinator', meeting],
    ['coordinator', { minutesOf: 0 }],
    ['coordinator', { type: 'conclude_coordination' }],
  ];
  const throughResolution = [
    ...throughCoordination,
    ['property', { completeItem: 0, evidence: 'Photos of the finished work' }],
    ['housing', { type: 'resolve', summary: 'Repaired and inspected', outcome: 'resolved' }],
  ];
  return [
    {
      by: 'wangfeng',
      body: {
        title: 'Sewage pipe broken under the sidewalk, No. 3 Harbin Road',
        description: 'Sewage flows onto the sidewalk; residents altered the pipe and the sewage office says it cannot repair it.',
        category: 'hidden_danger',
        communityId: o.yichun,
        location: spot(1),
        gridId: o.yichunGrid6,
        address: 'No. 3 Harbin Road',
        reporter: reporter('Zhang Min'),
        channel: 'platform',
      },
      steps: [
        ['coordinator', { type: 'dispatch', leadOrganizationId: o.sewage }],
        ['sewage', { type: 'decline', reasonCode: 'unclear_ownership', reason: 'The pipe was altered by residents; it is not municipal property.' }],
      ],
    },
    {
      by: 'liuxiaozhen',
      body: {
        title: 'Elevators unsafe after the property company left',
        description: 'The old property company exited; two elevators in a 33-storey building show faults.',
        category: 'hidden_danger',
        communityId: o.yanta,
        gridId: o.yantaGrid2,
        address: 'China Coal Science residential building',
        reporter: reporter('Dai Yinglei'),
        channel: 'walk_in',
        urgency: 'urgent',
      },
      steps: [
        ['coordinator', { type: 'dispatch', leadOrganizationId: o.housing, coHandlerOrganizationIds: [o.emergency, o.equipment] }],
        ['housing', { type: 'register', contactName: 'Director He', contactPhone: '13900139000' }],
      ],
    },
    {
      by: 'wangfeng',
      body: {
        title: 'No drying rack in the old courtyard of No. 26 Liaoyuan Road',
        description: 'Residents have nowhere to dry quilts; the courtyard is over twenty years old.',
        category: 'small_demand',
        communityId: o.yichun,
        location: spot(2),
        reporter: reporter('Aunt Li'),
        channel: 'grid_member',
      },
      steps: [],
    },
    {
      by: 'liaoyuan',
      body: {
        title: 'Dispute over a blocked fire lane',
        description: 'Cars parked in the fire lane; neighbours quarrel every evening.',
        category: 'small_dispute',
        communityId: o.liaoyuan,
        location: spot(3),
        gridId: o.liaoyuanGrid1,
        reporter: reporter('Chen Gang'),
        channel: 'hotline',
      },
      steps: [],
    },
    {
      by: 'wangfeng',
      body: {
        title: 'Loose manhole cover at the school gate',
        description: 'A manhole cover rocks when cars pass; children walk over it.',
        category: 'hidden_danger',
        communityId: o.yichun,
        location: spot(4),
        reporter: reporter('Sun Hua'),
        channel: 'grid_member',
        urgency: 'urgent',
      },
      steps: [['coordinator', dispatchHousing], ...registerAll],
    },
    {
      by: 'liuxiaozhen',
      body: {
        title: 'Property handover: who maintains the water pumps',
        description: 'The new property company and the owners disagree on who pays for pump maintenance.',
        category: 'small_dispute',
        communityId: o.yanta,
        reporter: reporter('Lei Ming'),
        channel: 'walk_in',
      },
      steps: [['coordinator', dispatchHousing], ...registerAll, ['coordinator', meeting]],
    },
    {
      by: 'liaoyuan',
      body: {
        title: 'Street lamp out along the back lane',
        description: 'The back lane has been dark for two weeks.',
        category: 'small_sign',
        communityId: o.liaoyuan,
        location: spot(5),
        reporter: reporter('Zhou Yan'),
        channel: 'platform',
      },
      steps: throughCoordination,
    },
    {
      by: 'wangfeng',
      body: {
        title: 'Water seeping into the basement bicycle store',
        description: 'Rain water seeps into the basement after every storm.',
        category: 'small_vulnerability',
        communityId: o.yichun,
        location: spot(6),
        reporter: reporter('Qian Jun'),
        channel: 'hotline',
      },
      steps: throughCoordination,
    },
    {
      by: 'liuxiaozhen',
      body: {
        title: 'Broken unit door lock',
        description: 'The unit door has not locked for a month.',
        category: 'small_vulnerability',
        communityId: o.yanta,
        reporter: reporter('Ma Li'),
        channel: 'grid_member',
      },
      steps: throughResolution,
    },
    {
      by: 'liaoyuan',
      body: {
        title: 'Overflowing garbage point near the market',
        description: 'Garbage is collected too rarely at the market corner.',
        category: 'small_event',
        communityId: o.liaoyuan,
        location: spot(7),
        reporter: reporter('Guo Ping'),
        channel: 'hotline',
      },
      steps: throughResolution,
    },
    {
      by: 'wangfeng',
      body: {
        title: 'Rusty railing on the footbridge',
        description: 'The footbridge railing is rusted through in two places.',
        category: 'hidden_danger',
        communityId: o.yichun,
        location: spot(8),
        reporter: reporter('Hu Bin'),
        channel: 'platform',
      },
      steps: [
        ...throughResolution,
        ['wangfeng', { type: 'feedback', satisfaction: 5, comment: 'Quick work, thank you', thanks: 'silk banner 锦旗' }],
      ],
    },
    {
      by: 'liaoyuan',
      body: {
        title: 'Noise from a night-time workshop',
        description: 'Reported twice; the workshop has since closed.',
        category: 'small_dispute',
        communityId: o.liaoyuan,
        location: spot(9),
        reporter: reporter('Wu Tao'),
        channel: 'hotline',
      },
      steps: [['coordinator', { type: 'withdraw', reason: 'The workshop closed; the residents withdrew the request.' }]],
    },
  ];
}

async function api(apiUrl, method, path, token, body) {
  const response = await fetch(`${apiUrl}/api${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json().catch(() => undefined);
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

/** Seeds once: a database that already has the demo street is left as it is. */
export async function seedDemo({ apiUrl, adminPassword, demoPassword }) {
  const login = async (username, password) => (await api(apiUrl, 'POST', '/auth/login', null, { username, password })).accessToken;
  const admin = await login('admin', adminPassword);
  const existing = await api(apiUrl, 'GET', `/organizations?filter=${encodeURIComponent(JSON.stringify({ kind: 'street' }))}`, admin);
  if (existing.some((org) => org.name.startsWith('Dunhua Road Street'))) {
    log.info('demo data already present');
    return { seeded: false, users: USERS.map(([username, displayName]) => ({ username, displayName })) };
  }
  const ids = {};
  for (const [key, name, kind, parent] of ORGANIZATIONS) {
    ids[key] = (await api(apiUrl, 'POST', '/organizations', admin, { name, kind, parentId: parent ? ids[parent] : null })).id;
  }
  // The street's rules: working-hour limits on the Beijing calendar, reminders before a limit and escalations
  // after it, a site-inspection task for the lead; urgent cases get the emergency whistle's minute-long limits.
  const workingCalendar = {
    mode: 'working',
    timezone: 'Asia/Shanghai',
    workdayStart: '09:00',
    workdayEnd: '18:00',
    weekend: [6, 0],
    holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
    extraWorkdays: ['2026-09-27', '2026-10-10'],
  };
  const ruleSets = [
    {
      name: 'Street default rules 街道默认规则',
      categories: ['*'],
      definition: {
        calendar: workingCalendar,
        stages: {
          whistle: { sla: 'PT4H', reminders: [{ at: 'PT2H', notify: ['coordinator'], level: 'reminder' }] },
          registration: {
            sla: 'P1D',
            reminders: [
              { at: 'PT6H', notify: ['assignee'], level: 'reminder' },
              { at: 'P1D', notify: ['assignee', 'leader'], level: 'escalation' },
            ],
          },
          coordination: { sla: 'P3D', reminders: [{ at: 'P2D', notify: ['coordinator'], level: 'reminder' }] },
          resolution: {
            sla: 'P7D',
            reminders: [
              { at: 'P5D', notify: ['assignee'], level: 'reminder' },
              { at: 'P7D', notify: ['assignee', 'leader'], level: 'escalation' },
            ],
          },
          feedback: { sla: 'P3D', reopenBelow: 3, onTimeout: 'close' },
        },
        tasks: [{ stage: 'registration', name: 'Site inspection 现场核查', assignee: { lead: true }, due: 'P1D', required: false }],
        meetings: { remindBefore: 'PT2H' },
      },
    },
    {
      name: 'Emergency whistle 紧急吹哨',
      categories: ['*'],
      urgencies: ['urgent'],
      definition: {
        stages: {
          whistle: { sla: 'PT15M', reminders: [{ at: 'PT10M', notify: ['coordinator', 'leader'], level: 'escalation' }] },
          registration: {
            sla: 'PT30M',
            reminders: [
              { at: 'PT15M', notify: ['assignee'], level: 'reminder' },
              { at: 'PT30M', notify: ['assignee', 'leader'], level: 'escalation' },
            ],
          },
          resolution: { sla: 'P1D' },
        },
      },
    },
  ];
  for (const ruleSet of ruleSets) {
    const draft = await api(apiUrl, 'POST', '/rule-sets', admin, ruleSet);
    await api(apiUrl, 'POST', `/rule-sets/${draft.id}/publish`, admin);
  }
  const tokens = {};
  const userIds = {};
  for (const [username, displayName, roles, org] of USERS) {
    userIds[username] = (
      await api(apiUrl, 'POST', '/users', admin, { username, password: demoPassword, displayName, roles, organizationId: ids[org] })
    ).id;
    tokens[username] = await login(username, demoPassword);
  }
  for (const [grid, username] of GRID_RESPONSIBLES) {
    await api(apiUrl, 'PUT', `/organizations/${ids[grid]}`, admin, { responsibleUserId: userIds[username] });
  }
  for (const demo of demoCases(ids)) {
    let current = await api(apiUrl, 'POST', '/cases', tokens[demo.by], demo.body);
    for (const [who, step] of demo.steps) {
      let action = step;
      if (step.minutesOf !== undefined)
        action = {
          type: 'record_minutes',
          meetingId: current.meetings[step.minutesOf].id,
          summary: 'Agreed who does what',
          decisions: ['The property company repairs; the housing bureau inspects'],
          actionItems: [{ ownerOrganizationId: ids.property, title: 'Carry out the repair', dueAt: inDays(5) }],
        };
      if (step.completeItem !== undefined)
        action = { type: 'complete_action_item', actionItemId: current.actionItems[step.completeItem].id, evidence: step.evidence };
      current = await api(apiUrl, 'POST', `/cases/${current.id}/actions`, tokens[who], action);
    }
  }
  log.info(`seeded ${ORGANIZATIONS.length} organizations, ${USERS.length} users, ${ruleSets.length} rule sets and ${demoCases(ids).length} cases`);
  return { seeded: true, users: USERS.map(([username, displayName]) => ({ username, displayName })) };
}
