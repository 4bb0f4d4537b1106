import { exportHeader, exportLanguage, exportRow, streetTime } from './case-export-row';
import { exportFileName, parseExportIds } from './case-export-request';
import { NOW, viewOf as view } from './case-export.fixtures';

describe('exportRow', () => {
  it('writes a case in words, on the street clock (UTC+8), in Chinese', () => {
    expect(exportRow({ view: view({}), communityName: '宜春路社区', gridName: '第六网格', leadUnitName: '住建局' }, 'zh')).toEqual([
      'WS-2026-000042',
      '=1+1 sewage',
      '小隐患',
      '紧急',
      '宜春路社区',
      '第六网格',
      '住建局',
      '待报到',
      '2026-11-29 00:30',
      '2026-11-30 10:05',
      '是',
      2,
      1,
      '',
      null,
    ]);
  });

  it('gives the closing reason of a closed case, the withdrawal reason of a withdrawn one, and the rating', () => {
    const feedback = { satisfaction: 4, at: NOW, from: 'resident' as const, reopened: false };
    const closed = exportRow({ view: view({ stage: 'closed', closedReason: 'feedback', feedback }), communityName: null, leadUnitName: null }, 'en');
    expect(closed.slice(7)).toEqual(['Closed', '2026-11-29 00:30', '2026-11-30 10:05', 'no', 2, 1, 'Rated by the residents', 4]);
    const withdrawn = exportRow(
      { view: view({ stage: 'withdrawn', withdrawnReason: 'duplicate of WS-1' }), communityName: null, leadUnitName: null },
      'zh',
    );
    expect(withdrawn[13]).toBe('duplicate of WS-1');
  });

  it('words the category as the category directory names it, which may differ from the standard words', () => {
    expect(exportRow({ view: view({}), communityName: null, categoryName: '安全隐患', leadUnitName: null }, 'zh')[2]).toBe('安全隐患');
  });

  it('shows a category it has no words for as its code', () => {
    expect(exportRow({ view: view({ category: 'parking' }), communityName: null, leadUnitName: null }, 'zh')[2]).toBe('parking');
  });

  it('has one header cell per column in each language', () => {
    const width = exportRow({ view: view({}), communityName: null, leadUnitName: null }, 'zh').length;
    expect(exportHeader('zh')).toHaveLength(width);
    expect(exportHeader('en')).toHaveLength(width);
    expect(exportHeader('zh')[0]).toBe('编号');
  });
});

describe('streetTime and the file name', () => {
  it('is the time in Asia/Shanghai, to the minute', () => {
    expect(streetTime('2026-12-31T16:05:59Z')).toBe('2027-01-01 00:05');
    expect(streetTime(null)).toBe('');
    expect(streetTime('2026-06-30T23:59:00+08:00')).toBe('2026-06-30 23:59');
    // The same as Intl's Asia/Shanghai, summer and winter.
    for (const iso of ['2026-01-15T03:04:00Z', '2026-07-15T20:30:00Z']) {
      const intl = new Date(iso).toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 16);
      expect(streetTime(iso)).toBe(intl);
    }
    expect(exportFileName(new Date('2026-11-30T11:57:00Z'))).toBe('cases-20261130-1957.csv');
  });
});

describe('exportLanguage', () => {
  it('takes lang= first, then an English Accept-Language, else Chinese', () => {
    expect(exportLanguage('en', 'zh-CN')).toBe('en');
    expect(exportLanguage('zh', 'en-US')).toBe('zh');
    expect(exportLanguage('fr', undefined)).toBeNull();
    expect(exportLanguage(undefined, 'en-GB,en;q=0.9')).toBe('en');
    expect(exportLanguage(undefined, 'zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh');
    expect(exportLanguage(undefined, undefined)).toBe('zh');
    expect(exportLanguage(undefined, 'english')).toBe('zh');
  });
});

describe('parseExportIds', () => {
  const a = '8e0f4a86-4c1c-4b43-9a6e-2a1c6b4b7d01';
  const b = '1c3e5f7a-9b2d-4f6e-8a0c-3d5e7f9a1b2c';
  it('reads comma-separated case ids, once each', () => {
    expect(parseExportIds(undefined)).toBeUndefined();
    expect(parseExportIds(`${a},${b},${a}`)).toEqual([a, b]);
  });

  it('refuses what is not a list of case ids with a 400 naming the bad one', () => {
    expect(() => parseExportIds(`${a},nope`)).toThrow(
      expect.objectContaining({ status: 400, details: { issues: [{ path: 'ids.1', message: expect.any(String) }] } }),
    );
    expect(() => parseExportIds('')).toThrow(expect.objectContaining({ status: 400 }));
    expect(() => parseExportIds([a, b])).toThrow(expect.objectContaining({ status: 400 }));
    expect(() => parseExportIds(Array(1001).fill(a).join(','))).toThrow(expect.objectContaining({ status: 400 }));
  });
});
