// Every rule of src/compare/rules.ts pinned by a fixture pair (test/rule-cases.ts): the comparison
// must give the rule's id at the level the case expects, and every rule must have a case, in each
// direction where its level depends on the direction, so a new rule without a case fails here.
import { describe, expect, it } from 'vitest';
import { compareDocuments } from '../src/compare/index.js';
import { ruleList, rules } from '../src/compare/rules.js';
import { ruleCases } from './rule-cases.js';

describe('each rule on its own fixture pair', () => {
  for (const [index, ruleCase] of ruleCases.entries()) {
    it(`${ruleCase.id} (${ruleCase.direction}, ${ruleCase.level}) #${index}`, () => {
      const findings = compareDocuments(ruleCase.before, ruleCase.after);
      const found = findings.map((finding) => `${finding.rule} ${finding.severity}`);
      expect(found.sort()).toEqual([`${ruleCase.id} ${ruleCase.level}`, ...(ruleCase.also ?? [])].sort());
      // The change sits where the case says: in what clients receive (a response) or not.
      const where = findings.find((finding) => finding.rule === ruleCase.id)?.where ?? '';
      if (rules.get(ruleCase.id)?.response !== undefined && rules.get(ruleCase.id)?.request !== undefined && !where.includes('the document'))
        expect(/, response \d/.test(where), where).toBe(ruleCase.direction === 'response');
    });
  }
});

describe('the rule cases', () => {
  it('cover every rule, in each direction where its level differs', () => {
    const missing = ruleList.flatMap((rule) => {
      const directions =
        rule.request !== undefined && rule.response !== undefined && rule.request !== rule.response
          ? (['request', 'response'] as const)
          : [rule.request !== undefined ? ('request' as const) : ('response' as const)];
      const covered = (direction: string) =>
        ruleCases.some((ruleCase) => ruleCase.id === rule.id && (directions.length === 1 || ruleCase.direction === direction));
      return directions.filter((direction) => !covered(direction)).map((direction) => `${rule.id} (${direction})`);
    });
    expect(missing).toEqual([]);
  });

  it('expect each rule at the level rules.ts gives it in that direction', () => {
    const wrong = ruleCases.filter((ruleCase) => {
      const rule = rules.get(ruleCase.id);
      return rule === undefined || (rule[ruleCase.direction] ?? rule.request ?? rule.response) !== ruleCase.level;
    });
    expect(wrong.map((ruleCase) => `${ruleCase.id} ${ruleCase.direction}`)).toEqual([]);
  });
});
