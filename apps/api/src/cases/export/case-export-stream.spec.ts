import type { Actor, CaseState } from '@whistle/domain';
import type { QueryRunner } from 'typeorm';
import type { AuditEvent } from '../../audit/audit.service';
import { EXPORT_BATCH, ExportSlots, streamCaseExport, type ExportRequest } from './case-export-stream';
import { stateOf } from './case-export.fixtures';

const coordinator: Actor = { kind: 'user', userId: 'u1', username: 'coordinator', roles: ['coordinator'], organizationId: 'street' };

/** A connection holding `total` matching cases, answering the cursor's FETCHes a batch at a time. */
function fakeDatabase(total: number) {
  const log: string[] = [];
  let sent = 0;
  let active = false;
  const runner = {
    connect: async () => log.push('connect'),
    startTransaction: async () => {
      active = true;
      log.push('begin');
    },
    get isTransactionActive() {
      return active;
    },
    rollbackTransaction: async () => {
      active = false;
      log.push('rollback');
    },
    release: async () => log.push('release'),
    query: async (sql: string, parameters?: unknown[]) => {
      log.push(sql.split(' ').slice(0, 2).join(' '));
      if (sql.startsWith('DECLARE')) expect([sql, parameters]).toEqual(['DECLARE case_export NO SCROLL CURSOR FOR SELECT cases', ['p1']]);
      if (sql.startsWith('FETCH')) {
        const count = Math.min(EXPORT_BATCH, total - sent);
        const rows = Array.from({ length: count }, (_, i) => ({
          state: stateOf({
            code: `WS-${sent + i}`,
            assignments: [{ organizationId: 'housing', role: 'lead', state: 'registered' }] as CaseState['assignments'],
          }),
          community_name: 'Yichun',
          grid_name: 'Grid 6',
        }));
        sent += count;
        return rows;
      }
      if (sql.startsWith('SELECT id, name FROM organizations')) return [{ id: 'housing', name: 'Housing Bureau' }];
      return [];
    },
  };
  return { runner: runner as unknown as QueryRunner, log, sent: () => sent };
}

/** An export over a database of `total` matching cases, recording what it audits and when it gives its slot back. */
function exportOver(total: number, request: ExportRequest = defaultRequest) {
  const database = fakeDatabase(total);
  const audited: AuditEvent[] = [];
  const closed: string[] = [];
  const open = () =>
    streamCaseExport({
      runner: database.runner,
      sql: 'SELECT cases',
      parameters: ['p1'],
      request,
      actor: coordinator,
      origin: { address: '127.0.0.1', userAgent: 'spec' },
      record: async (event) => void audited.push(event),
      onClose: () => closed.push('slot'),
      warn: () => undefined,
    });
  return { open, database, audited, closed };
}

const defaultRequest: ExportRequest = { query: { filter: { q: 'roof' }, sortField: 'createdAt', sortOrder: 'DESC' }, language: 'zh' };

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += String(chunk);
  return text;
}

const until = async (condition: () => boolean) => {
  for (let i = 0; !condition(); i += 1) {
    if (i > 100) throw new Error('timed out');
    await new Promise((resolve) => setImmediate(resolve));
  }
};

describe('streamCaseExport', () => {
  it('streams the header and every row from a cursor, a batch at a time, then closes it and audits the export', async () => {
    const { open, database, audited, closed } = exportOver(2 * EXPORT_BATCH + 1);
    const text = await readAll(await open());
    const lines = text.split('\r\n');
    expect(text.startsWith('\uFEFF编号,标题,')).toBe(true);
    expect(lines).toHaveLength(2 * EXPORT_BATCH + 1 + 2);
    expect(lines[1]).toBe("WS-0,'=1+1 sewage,小隐患,紧急,Yichun,Grid 6,Housing Bureau,待报到,2026-11-29 00:30,2026-11-30 10:05,是,2,1,,");
    expect(database.log.filter((q) => q === 'FETCH FORWARD')).toHaveLength(3);
    // The unit's name is looked up once, not per row or per batch.
    expect(database.log.filter((q) => q === 'SELECT id,')).toHaveLength(1);
    expect(database.log.slice(0, 4)).toEqual(['connect', 'begin', 'SET TRANSACTION', 'DECLARE case_export']);
    await until(() => audited.length === 1);
    expect(database.log.slice(-2)).toEqual(['rollback', 'release']);
    expect(closed).toEqual(['slot']);
    expect(audited[0]).toMatchObject({
      kind: 'case.exported',
      actor: coordinator,
      origin: { address: '127.0.0.1', userAgent: 'spec' },
      data: { format: 'csv', language: 'zh', filter: { q: 'roof' }, sort: ['createdAt', 'DESC'], rows: 2 * EXPORT_BATCH + 1, complete: true },
    });
  });

  it('records the selected ids', async () => {
    const { open, audited } = exportOver(1, { ...defaultRequest, ids: ['a', 'b'] });
    await readAll(await open());
    await until(() => audited.length === 1);
    expect(audited[0].data).toMatchObject({ ids: ['a', 'b'], rows: 1, complete: true });
  });

  it('reads no further than the client, and lets the connection go when the client hangs up', async () => {
    const { open, database, audited, closed } = exportOver(10 * EXPORT_BATCH);
    const stream = await open();
    await new Promise((resolve) => stream.once('data', resolve));
    stream.pause();
    await new Promise((resolve) => setTimeout(resolve, 20));
    // Only what the stream buffers ahead of its reader has been fetched, not the whole result.
    expect(database.sent()).toBeLessThanOrEqual(3 * EXPORT_BATCH);
    stream.destroy();
    await until(() => audited.length === 1);
    expect(database.log.slice(-2)).toEqual(['rollback', 'release']);
    expect(closed).toEqual(['slot']);
    expect(audited[0].data).toMatchObject({ complete: false, rows: database.sent() });
  });

  it('gives the connection back and answers the error when the cursor cannot be opened', async () => {
    const { open, database, closed, audited } = exportOver(1);
    const failing = database.runner.query.bind(database.runner);
    database.runner.query = (async (sql: string, parameters?: unknown[]) => {
      if (sql.startsWith('DECLARE')) throw new Error('database gone');
      return failing(sql, parameters);
    }) as QueryRunner['query'];
    await expect(open()).rejects.toThrow('database gone');
    expect(database.log.slice(-2)).toEqual(['rollback', 'release']);
    expect(closed).toEqual(['slot']);
    expect(audited).toEqual([]);
  });
});

describe('ExportSlots', () => {
  it('hands out at most its number of slots, refusing more with a 429 until one is given back (once)', () => {
    const slots = new ExportSlots(2);
    const first = slots.take();
    slots.take();
    expect(() => slots.take()).toThrow(expect.objectContaining({ status: 429 }));
    first();
    first();
    slots.take();
    expect(() => slots.take()).toThrow(expect.objectContaining({ status: 429 }));
  });
});
