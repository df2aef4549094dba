// The rules table itself: every one-direction rule has a twin or a written waiver (like oasdiff's
// rule_symmetry_test.go), twins point both ways, and every rule is used by the walker.
import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ruleList, rules } from '../src/compare/rules.js';

describe('the rules table', () => {
  it('has unique ids and a severity for at least one direction', () => {
    expect(new Set(ruleList.map((rule) => rule.id)).size).toBe(ruleList.length);
    for (const rule of ruleList) expect(rule.request ?? rule.response, rule.id).toBeDefined();
  });

  it('gives every one-direction rule a twin for the other direction, or a reason it has none', () => {
    const missing: string[] = [];
    for (const rule of ruleList) {
      const oneWay = (rule.request === undefined) !== (rule.response === undefined);
      if (!oneWay) {
        if (rule.twin !== undefined || rule.waiver !== undefined) missing.push(`${rule.id}: covers both directions, needs no twin`);
        continue;
      }
      if (rule.waiver !== undefined && rule.waiver.trim().length > 10) continue;
      const twin = rule.twin === undefined ? undefined : rules.get(rule.twin);
      const otherDirection = rule.request === undefined ? 'request' : 'response';
      if (twin === undefined) missing.push(`${rule.id}: no twin and no waiver`);
      else if (twin[otherDirection] === undefined) missing.push(`${rule.id}: twin ${twin.id} has no ${otherDirection} severity`);
    }
    expect(missing).toEqual([]);
  });

  it('is used: every rule id appears in the walker, and every id the walker names is in the table', async () => {
    const folder = new URL('../src/compare/', import.meta.url);
    const sources = await Promise.all(
      (await readdir(folder)).filter((file) => file !== 'rules.ts').map((file) => readFile(new URL(file, folder), 'utf8'))
    );
    const text = sources.join('\n');
    const unused = ruleList.filter((rule) => !text.includes(`'${rule.id}'`)).map((rule) => rule.id);
    expect(unused).toEqual([]);
    const named = [...text.matchAll(/\bemit(?:Schema)?\((?:context, \w+, )?'([a-z-]+)'/g)].map((match) => match[1] as string);
    expect(named.length).toBeGreaterThan(20);
    expect(named.filter((id) => !rules.has(id))).toEqual([]);
  });
});
