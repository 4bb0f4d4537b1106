// The case lists the benchmark asks for, as the console asks the API and as the same SQL straight to PostgreSQL.

/** react-admin's default page: the console's case list sets no perPage, so it asks for rows 0-9. */
export const PAGE_SIZE = 10;

/** The columns of `cases` the API's query builder selects (every column of the entity). */
const COLUMNS = [
  'id',
  'code',
  'workflow_id',
  'title',
  'category',
  'urgency',
  'community_id',
  'street_id',
  'stage',
  'stage_entered_at',
  'stage_due_at',
  'participant_organization_ids',
  'reopen_count',
  'version',
  'state',
  'created_at',
  'updated_at',
];

/** The API's sort keys (CASE_SORT_COLUMNS in apps/api/src/cases/cases.service.ts). */
const SORT_COLUMNS = { createdAt: 'c.created_at', updatedAt: 'c.updated_at', stageDueAt: 'c.stage_due_at', code: 'c.code', stage: 'c.stage' };

/**
 * The lists people open, each with the values of its k-th request (`pick`, from the directory and k): a
 * coordinator's street-wide list narrowed to a community and stage by due time (the issue's goal), a community
 * worker's own community by stage, the coordinator's list as it first opens (everything, newest first), the
 * overdue drill-down, and a text search.
 */
export const SCENARIOS = [
  {
    name: 'coordinator: community + stage, by due',
    actor: 'coordinator',
    goal: true,
    filter: (pick) => ({ communityId: pick.community, stage: pick.stage }),
    sort: ['stageDueAt', 'ASC'],
  },
  { name: 'community: stage, by due', actor: 'community', filter: (pick) => ({ stage: pick.stage }), sort: ['stageDueAt', 'ASC'] },
  { name: 'coordinator: all, newest first', actor: 'coordinator', filter: () => ({}), sort: ['createdAt', 'DESC'] },
  { name: 'coordinator: overdue, by due', actor: 'coordinator', filter: () => ({ overdue: true }), sort: ['stageDueAt', 'ASC'] },
  { name: 'coordinator: text search, newest first', actor: 'coordinator', filter: (pick) => ({ q: pick.word }), sort: ['createdAt', 'DESC'] },
];

/** The k-th request's values: communities of the coordinator's street and stages in turn (every pair comes up), words in turn. */
export function pickFor(k, { streetCommunities, stages, words }) {
  return {
    community: streetCommunities[k % streetCommunities.length],
    // Each round over the communities shifts the stages by one, so every pair comes up once in n × stages requests.
    stage: stages[(Math.floor(k / streetCommunities.length) + (k % streetCommunities.length)) % stages.length],
    word: words[k % words.length],
  };
}

/** The query string ra-data-simple-rest sends for a list: sort, range and filter, each as JSON. */
export function listUrl({ filter, sort, offset = 0, limit = PAGE_SIZE }) {
  const query = new URLSearchParams({
    sort: JSON.stringify(sort),
    range: JSON.stringify([offset, offset + limit - 1]),
    filter: JSON.stringify(filter),
  });
  return `/cases?${query}`;
}

/**
 * The SQL the API issues for a list (CasesService.list through listPage): the actor's case scope (caseScopeSql: a
 * coordinator's street or a community user's community, or a participant organization), the list's own filters,
 * the order made total by id, and the page; then, when the page is full, a COUNT(1) of the same rows for
 * Content-Range (TypeORM's getManyAndCount skips it when the page shows the end).
 */
export function listSql({ scope, filter, sort, offset = 0, limit = PAGE_SIZE }) {
  const values = [];
  const param = (value) => {
    values.push(value);
    return `$${values.length}`;
  };
  const where = [];
  if (scope.streetId)
    where.push(`(c.street_id = ${param(scope.streetId)} OR c.participant_organization_ids @> ARRAY[${param(scope.streetId)}]::text[])`);
  else if (scope.communityId) {
    where.push(`(c.community_id = ${param(scope.communityId)} OR c.participant_organization_ids @> ARRAY[${param(scope.communityId)}]::text[])`);
  } else throw new Error('a scope is a streetId or a communityId');
  const { overdue, ...rest } = filter;
  if (overdue === true) where.push(`c.stage NOT IN ('closed', 'withdrawn') AND c.stage_due_at <= now()`);
  for (const [key, value] of Object.entries(rest)) {
    if (key === 'q') {
      const text = param(`%${String(value).replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
      where.push(`(c.title ILIKE ${text} OR c.code ILIKE ${text})`);
    } else if (key === 'stage') where.push(`c.stage = ${param(value)}`);
    else if (key === 'communityId') where.push(COMMUNITY_FILTER_SQL(param(value)));
    else throw new Error(`the bench does not mirror the filter ${key}`);
  }
  const column = SORT_COLUMNS[sort[0]];
  if (!column) throw new Error(`unknown sort ${sort[0]}`);
  const from = `FROM cases c WHERE ${where.join(' AND ')}`;
  const page = {
    text: `SELECT ${COLUMNS.map((name) => `c.${name}`).join(', ')} ${from} ORDER BY ${column} ${sort[1]}, c.id ASC LIMIT ${limit} OFFSET ${offset}`,
    values,
  };
  return { page, count: { text: `SELECT COUNT(1) AS cnt ${from}`, values } };
}

/**
 * The API's `communityId` filter (CASE_FILTERS.communityId, a `uuidText` rule): the uuid column itself, as `IN` (the
 * bench only asks for communities that exist, so the rule's "not a uuid matches nothing" never comes up). Before
 * the case-list index it compared `c.community_id::text`, which no index served.
 */
const COMMUNITY_FILTER_SQL = (placeholder) => `c.community_id IN (${placeholder})`;
