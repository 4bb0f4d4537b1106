import fc from 'fast-check';
import { csvCell, csvRow } from './csv';

/** A strict RFC 4180 reader, for checking that what csvRow writes reads back cell for cell. */
function readRow(line: string): string[] {
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    let cell = '';
    if (line[i] === '"') {
      i += 1;
      for (;;) {
        if (line[i] === '"' && line[i + 1] === '"') {
          cell += '"';
          i += 2;
        } else if (line[i] === '"') {
          i += 1;
          break;
        } else if (i >= line.length) throw new Error('unterminated quote');
        else cell += line[i++];
      }
    } else {
      while (i < line.length && line[i] !== ',' && !(line[i] === '\r' && line[i + 1] === '\n')) {
        if (line[i] === '"' || line[i] === '\n' || line[i] === '\r') throw new Error(`bare ${JSON.stringify(line[i])} at ${i}`);
        cell += line[i++];
      }
    }
    cells.push(cell);
    if (line[i] === ',') i += 1;
    else if (line.slice(i) === '\r\n') return cells;
    else throw new Error(`unexpected ${JSON.stringify(line.slice(i))} at ${i}`);
  }
}

describe('csvCell', () => {
  it('leaves plain text, numbers and empties alone', () => {
    expect(csvCell('敦化路街道')).toBe('敦化路街道');
    expect(csvCell(3)).toBe('3');
    expect(csvCell(-2)).toBe('-2');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell('')).toBe('');
  });

  it('quotes a cell with a comma, a quote or a line break, doubling its quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('the "old" pipe')).toBe('"the ""old"" pipe"');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell('cr\rlf')).toBe('"cr\rlf"');
  });

  it('defuses text a spreadsheet would run as a formula with a leading apostrophe', () => {
    expect(csvCell('=HYPERLINK("http://evil","click")')).toBe(`"'=HYPERLINK(""http://evil"",""click"")"`);
    expect(csvCell('+1 pipe')).toBe("'+1 pipe");
    expect(csvCell('-2 pipes')).toBe("'-2 pipes");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('a=b')).toBe('a=b');
  });
});

describe('csvRow', () => {
  it('joins cells with commas and ends the row with CRLF', () => {
    expect(csvRow(['WS-2026-000001', '下水管道破损, 污水外溢', 2, null])).toBe('WS-2026-000001,"下水管道破损, 污水外溢",2,\r\n');
  });

  it('reads back as the same cells, whatever the text (formula starts gaining their apostrophe)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: fc.constantFrom('a', '中', ',', '"', '\r', '\n', '=', '+', '-', '@', '\t', ' ') }), { minLength: 1 }),
        (cells) => {
          const expected = cells.map((c) => (/^[=+\-@\t\r]/.test(c) ? `'${c}` : c));
          expect(readRow(csvRow(cells))).toEqual(expected);
        },
      ),
    );
  });
});
