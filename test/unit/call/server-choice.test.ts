import { describe, expect, test } from 'vitest';
import { ServerChoice } from '../../../src/call/server-choice';

const PRIMARY = 'wss://pbx.example.com/ws';
const BACKUP = 'wss://pbx2.example.com/ws';

describe('ServerChoice', () => {
  test('without a backup: always the primary, whatever fails', () => {
    const choice = new ServerChoice(PRIMARY, '');
    for (let i = 0; i < 5; i++) expect(choice.failed()).toBe(false);
    expect(choice.server).toBe(PRIMARY);
  });

  test('two failures on the primary move to the backup; registering there keeps it', () => {
    const choice = new ServerChoice(PRIMARY, BACKUP);
    expect(choice.failed()).toBe(false);
    expect(choice.server).toBe(PRIMARY);
    expect(choice.failed()).toBe(true);
    expect(choice.server).toBe(BACKUP);
    expect(choice.usingBackup).toBe(true);
    choice.succeeded();
    expect(choice.failed()).toBe(false);
    expect(choice.server).toBe(BACKUP);
  });

  test('back to the primary when it answers again', () => {
    const choice = new ServerChoice(PRIMARY, BACKUP);
    choice.failed();
    choice.failed();
    choice.returnToPrimary();
    expect(choice.server).toBe(PRIMARY);
    expect(choice.usingBackup).toBe(false);
    expect(choice.failed()).toBe(false);
  });

  test('both down: two attempts on each in turn', () => {
    const choice = new ServerChoice(PRIMARY, BACKUP);
    const used: string[] = [];
    for (let i = 0; i < 8; i++) {
      used.push(choice.server === PRIMARY ? 'P' : 'B');
      choice.failed();
    }
    expect(used.join('')).toBe('PPBBPPBB');
  });
});
