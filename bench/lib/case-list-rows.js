// The shape of the case-list benchmark's rows, as one set-based INSERT ... SELECT generate_series per batch.

/** The stages an open case can be in (the domain's timed stages), in the order rows cycle through them. */
export const OPEN_STAGES = ['whistle', 'registration', 'coordination', 'resolution', 'feedback'];

/** Every stage a list can be filtered by: the open ones and the two a case ends in. */
export const ALL_STAGES = [...OPEN_STAGES, 'closed', 'withdrawn'];

/** Words residents' titles start with: the text search looks for one of them. */
export const TITLE_WORDS = ['路灯不亮', '噪音扰民', '楼道堆物', '下水道堵塞', '漏水', '违章停车', '垃圾清运', '电梯故障'];

const iso = (column) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * Where a row's stage and clock come from, by kind. Closed rows: opened evenly over the last two years (row 0 the
 * oldest), in `closed` (one in twenty `withdrawn`), with no stage due time, as the workflow leaves a finished case.
 * Open rows: in each timed stage alike, having entered it in the last three days and opened up to five days before,
 * due from three days ago to eleven days ahead (about one in five overdue).
 */
const KIND = {
  closed: {
    code: 'CL',
    stage: `CASE WHEN n % 20 = 0 THEN 'withdrawn' ELSE 'closed' END`,
    created: (total) => `now() - interval '730 days' * (1 - n::float8 / ${total})`,
    entered: `least(now(), created + interval '1 minute' * (60 + h % 43200))`,
    due: 'NULL::timestamptz',
    closedReason: `CASE WHEN n % 20 = 0 THEN NULL ELSE 'feedback' END`,
  },
  open: {
    code: 'OP',
    stage: `($5::text[])[1 + n % cardinality($5::text[])]`,
    created: () => `now() - interval '1 minute' * (h % 4320) - interval '1 minute' * (h / 4320 % 7200)`,
    entered: `created + interval '1 minute' * (h / 4320 % 7200)`,
    due: `now() + interval '1 minute' * (h / 7 % 20160 - 4320)`,
    closedReason: 'NULL',
  },
};

/**
 * One batch of rows `from`..`from + count - 1` of a kind's `total`. Parameters: $1 the template case's id (its row
 * gives category, urgency and the `state` every row copies with its own id, code, title, place and clock), $2 the
 * community ids, $3 each community's street, $4 the department ids (one leads each case, so it is a participant,
 * with the community), and for open rows $5 OPEN_STAGES. Communities are picked by a hash of the row number, so every community
 * gets rows of every stage and age.
 */
export function caseRowsSql({ kind, from, count, total }) {
  const k = KIND[kind];
  if (!k) throw new Error(`unknown row kind ${kind}`);
  const titles = `ARRAY[${TITLE_WORDS.map((w) => `'${w}'`).join(', ')}]`;
  return `
    INSERT INTO cases (id, code, workflow_id, title, category, urgency, community_id, street_id, stage, stage_entered_at, stage_due_at,
                       participant_organization_ids, reopen_count, version, state, created_at, updated_at)
    SELECT r.id, r.code, 'case-' || r.id, r.title, t.category, t.urgency, r.community_id, r.street_id, r.stage, r.entered, r.due,
           ARRAY[r.community_id::text, r.department], 0, 1,
           t.state || jsonb_build_object(
             'id', r.id, 'code', r.code, 'workflowId', 'case-' || r.id, 'title', r.title,
             'communityId', r.community_id, 'streetId', r.street_id, 'stage', r.stage,
             'stageEnteredAt', ${iso('r.entered')}, 'stageDueAt', ${iso('r.due')}, 'closedReason', r.closed_reason,
             'createdAt', ${iso('r.created')}, 'updatedAt', ${iso('r.entered')}),
           r.created, r.entered
    FROM cases t,
         (SELECT gen_random_uuid() AS id, code, title, ($2::uuid[])[ci] AS community_id, ($3::uuid[])[ci] AS street_id,
                 ($4::text[])[1 + n % cardinality($4::text[])] AS department, stage, created, ${k.entered} AS entered, ${k.due} AS due,
                 closed_reason
          FROM (SELECT n, h, ci, code, title, stage, closed_reason, ${k.created(total)} AS created
                FROM (SELECT n, abs(hashint4(n)::int8) AS h, 1 + abs(hashint4(n + 7919)::int8) % cardinality($2::uuid[]) AS ci,
                             '${k.code}-' || lpad(n::text, 7, '0') AS code,
                             (${titles})[1 + n % ${TITLE_WORDS.length}] || ' ' || n AS title,
                             ${k.stage} AS stage, ${k.closedReason} AS closed_reason
                      FROM generate_series(${Number(from)}, ${Number(from) + Number(count) - 1}) n) numbered) timed) r
    WHERE t.id = $1`;
}
