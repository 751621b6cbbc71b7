import { describe, expect, test } from 'vitest';
import { csvCell, historyCsv, type HistoryCsvLabels } from '../../../src/crm/history-csv';

const LABELS: HistoryCsvLabels = {
  headers: ['Start', 'Direction', 'Number', 'Name', 'Duration (s)', 'Result'],
  direction: { outgoing: 'Outgoing', incoming: 'Incoming', missed: 'Missed' },
};

describe('history CSV', () => {
  test('RFC 4180: commas, quotes and line breaks quoted, quotes doubled, CRLF rows', () => {
    const csv = historyCsv(
      [
        { id: '1', direction: 'incoming', number: '+493012345678', displayName: 'Müller, "Anna"\nGmbH', startedAt: Date.UTC(2026, 0, 2, 9, 30), durationMs: 62_400, result: 'Answered' },
        { id: '2', direction: 'missed', number: 'bob', startedAt: Date.UTC(2026, 0, 1), durationMs: 0, result: 'Missed' },
      ],
      LABELS,
    );
    expect(csv).toBe(
      'Start,Direction,Number,Name,Duration (s),Result\r\n' +
        "2026-01-02T09:30:00.000Z,Incoming,'+493012345678,\"Müller, \"\"Anna\"\"\nGmbH\",62,Answered\r\n" +
        '2026-01-01T00:00:00.000Z,Missed,bob,,0,Missed\r\n',
    );
  });

  test.each([
    ['=HYPERLINK("http://evil.example","x")', `"'=HYPERLINK(""http://evil.example"",""x"")"`],
    ['+1+cmd|calc', "'+1+cmd|calc"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
    ['Anna = Bob', 'Anna = Bob'],
    ['', ''],
  ])('a cell starting a formula is made text: %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  test('a hostile display name stays in its one cell', () => {
    const csv = historyCsv([{ id: '1', direction: 'incoming', number: '+1', displayName: '=1+1,"\r\n=2', startedAt: 0, durationMs: 0, result: 'x' }], LABELS);
    const rows = csv.split('\r\n');
    expect(rows[1]).toBe(`1970-01-01T00:00:00.000Z,Incoming,'+1,"'=1+1,""`);
    expect(rows[2]).toBe('=2",0,x');
  });
});
