// The in-memory spec edits of the spec-driven tests are undone whatever happens in the test.
import { operationConstraints } from '@iodm-northbound/spec/constraints';
import { describe, expect, it } from 'vitest';
import { type EditableTable, withTableEdits } from './table-edits.js';

const subtaskParameters = () => (operationConstraints as unknown as EditableTable).queryUpgradeSubTask!.parameters;

function addStatus(table: EditableTable): void {
  const status = table.queryUpgradeSubTask!.parameters.subOperationStatus!.schema;
  status.enum = [...(status.enum ?? []), 'cancelled'];
  table.queryUpgradeSubTask!.parameters.deviceType = { in: 'query', required: false, schema: { type: 'string', maxLength: 64 } };
}

describe('withTableEdits', () => {
  it('puts the table back when the test fails', async () => {
    const before = structuredClone(operationConstraints);
    await expect(
      withTableEdits(addStatus, () => {
        expect(subtaskParameters().deviceType).toBeDefined();
        throw new Error('the test failed');
      }),
    ).rejects.toThrow('the test failed');
    expect(operationConstraints).toEqual(before);
    expect(Object.hasOwn(subtaskParameters(), 'deviceType')).toBe(false);
  });

  it('puts the table back when the edit itself throws half way', async () => {
    const before = structuredClone(operationConstraints);
    const halfEdit = (table: EditableTable) => {
      table.queryUpgradeSubTask!.parameters.pageSize!.schema.maximum = 7;
      throw new Error('no such parameter');
    };
    await expect(withTableEdits(halfEdit, () => 'never run')).rejects.toThrow('no such parameter');
    expect(operationConstraints).toEqual(before);
  });

  it('restores the table as it was at the edit, not as it was when the module was imported', async () => {
    const original = subtaskParameters().pageSize!.schema.maximum;
    const setMaximum = (maximum: number) => (table: EditableTable) => {
      table.queryUpgradeSubTask!.parameters.pageSize!.schema.maximum = maximum;
    };
    const seen = await withTableEdits(setMaximum(200), async () => {
      await withTableEdits(setMaximum(300), () => expect(subtaskParameters().pageSize!.schema.maximum).toBe(300));
      return subtaskParameters().pageSize!.schema.maximum;
    });
    expect(seen).toBe(200);
    expect(subtaskParameters().pageSize!.schema.maximum).toBe(original);
  });
});
