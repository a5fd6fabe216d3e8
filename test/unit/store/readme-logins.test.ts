// The README lists the training logins; they must be the ones the training roster seeds.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TRAINING_LOGINS } from '../../../electron/services/store/training-roster';

const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');

describe('README training logins', () => {
  it.each(TRAINING_LOGINS.map((l) => [l.operatorId, l] as const))('lists %s with its role, password, badge and PIN', (_id, login) => {
    const row = readme.split('\n').find((line) => line.startsWith(`| ${login.operatorId} |`));
    expect(row).toBeDefined();
    const cells = row!.split('|').map((c) => c.trim());
    expect(cells[2]).toMatch(new RegExp(`^${login.role}\\b`));
    expect(cells.slice(3, 6)).toEqual([login.password, login.badge, login.pin]);
  });
});
