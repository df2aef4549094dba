import { checkValue, describeConstraint, fromText, operationConstraints, pagingOf, parametersIn, type ValueConstraint } from '@iodm-northbound/spec/constraints';
import { describe, expect, it } from 'vitest';

const subtaskQuery = operationConstraints.queryUpgradeSubTask.parameters;
const createBody = operationConstraints.createFirmwareUpgradeTask.body.schema;

describe('checkValue', () => {
  it('holds an integer to its bounds and says them', () => {
    expect(checkValue(subtaskQuery.pageSize.schema, 100, 'pageSize')).toBeUndefined();
    expect(checkValue(subtaskQuery.pageSize.schema, 101, 'pageSize')?.message).toBe('pageSize must be an integer from 1 to 100, got 101');
    expect(checkValue(subtaskQuery.pageSize.schema, 0, 'pageSize')?.path).toBe('pageSize');
    for (const bad of [1.5, '5', Number.NaN, Number.POSITIVE_INFINITY, true, {}]) expect(checkValue(subtaskQuery.pageSize.schema, bad, 'pageSize'), String(bad)).toBeDefined();
  });

  it('refuses a value outside an enum and lists the allowed ones', () => {
    expect(checkValue(subtaskQuery.subOperationStatus.schema, 'fail', 's')).toBeUndefined();
    expect(checkValue(subtaskQuery.subOperationStatus.schema, 'waiting!', 's')?.message).toBe('s must be one of wait, processing, fail, success, stop, got "waiting!"');
  });

  it('checks string length, pattern and well-formedness', () => {
    const text: ValueConstraint = { type: 'string', minLength: 1, maxLength: 3 };
    expect(checkValue(text, 'abc', 't')).toBeUndefined();
    expect(checkValue(text, 'abcd', 't')?.message).toBe('t must be a non-empty string of at most 3 characters, got 4 characters');
    expect(checkValue(text, '', 't')).toBeDefined();
    expect(checkValue(text, '\uD800', 't')?.message).toMatch(/lone surrogate/);
    const stamp: ValueConstraint = { type: 'string', pattern: '^\\d{8}T\\d{6}Z$' };
    expect(checkValue(stamp, '20240101T000000Z', 'at')).toBeUndefined();
    expect(checkValue(stamp, '2024-01-01', 'at')?.message).toMatch(/matching/);
  });

  it('walks a request body: required fields, nested limits, null where nullable, unknown fields when closed', () => {
    const groups = Array.from({ length: 257 }, (_, index) => `g${index}`);
    expect(checkValue(createBody, { fileId: 'f', targets: { devices: ['d'] }, policy: null }, '')).toBeUndefined();
    expect(checkValue(createBody, { targets: { devices: ['d'] } }, '')?.path).toBe('fileId');
    expect(checkValue(createBody, { fileId: 'f', targets: { deviceGroups: groups } }, '')?.message).toBe('targets.deviceGroups holds 257 entries; at most 256 are allowed');
    expect(checkValue(createBody, { fileId: 'f', targets: { devices: ['x'.repeat(257)] } }, '')?.path).toBe('targets.devices[0]');
    expect(checkValue(createBody, { fileId: 'f', targets: { devices: ['d'] }, policy: { retryTimes: -1 } }, '')?.path).toBe('policy.retryTimes');
    expect(checkValue(createBody, { fileId: 'f', targets: { devices: ['d'] }, policy: { startTime: 'soon' } }, '')?.path).toBe('policy.startTime');
    expect(checkValue(createBody, { fileId: 'f', targets: { devices: ['d'], manufactureName: 'm' } }, '', { closedObjects: true })?.path).toBe('targets.manufactureName');
    expect(checkValue(createBody, { fileId: 'f', targets: { devices: ['d'], manufactureName: 'm' } }, '')).toBeUndefined();
    expect(checkValue(createBody, [], '')?.message).toBe('the body must be an object');
    expect(checkValue(createBody, { fileId: null, targets: { devices: ['d'] } }, '')?.path).toBe('fileId');
  });
});

describe('checkValue on hostile or odd input', () => {
  it('names what it got by kind, never by converting it (a null-prototype object has no toString)', () => {
    const pageSize = subtaskQuery.pageSize.schema;
    expect(checkValue(pageSize, Object.create(null), 'pageSize')?.message).toBe('pageSize must be an integer from 1 to 100, got an object');
    expect(checkValue(subtaskQuery.subOperationStatus.schema, ['fail'], 's')?.message).toBe('s must be one of wait, processing, fail, success, stop, got an array');
    expect(checkValue(pageSize, Symbol('x'), 'pageSize')?.message).toBe('pageSize must be an integer from 1 to 100, got a symbol');
    expect(checkValue({ type: 'string' }, () => 1, 'f')?.message).toBe('f must be a string, got a function');
  });

  it('suggests the listed value a refused one nearly is, and only that', () => {
    expect(checkValue(subtaskQuery.subOperationStatus.schema, 'failed', 's')?.message).toBe('s must be one of wait, processing, fail, success, stop, got "failed" (did you mean "fail"?)');
    expect(checkValue({ type: 'string', enum: ['wait', 'failed'] }, 'fail', 's')?.message).toMatch(/\(did you mean "failed"\?\)$/);
    for (const far of ['constructor', 'toString', '__proto__', 'f', 'succes-x']) expect(checkValue(subtaskQuery.subOperationStatus.schema, far, 's')?.message, far).not.toMatch(/did you mean/);
  });

  it('refuses the empty string only when asked to and the schema sets no minimum length', () => {
    const filter: ValueConstraint = { type: 'string', maxLength: 256 };
    expect(checkValue(filter, '', 'model')).toBeUndefined();
    expect(checkValue(filter, '', 'model', { nonEmptyStrings: true })?.message).toBe('model is empty; leave it out instead');
    expect(checkValue({ type: 'string', minLength: 0 }, '', 'x', { nonEmptyStrings: true })).toBeUndefined();
    expect(checkValue(createBody, { fileId: 'f', targets: { devices: [''] } }, '', { nonEmptyStrings: true })?.path).toBe('targets.devices[0]');
  });

  it('words each bound as it is, exclusive or not, and string lengths with both ends', () => {
    expect(describeConstraint({ type: 'integer', minimum: 1, maximum: 10, exclusiveMaximum: true })).toBe('an integer of at least 1 and less than 10');
    expect(describeConstraint({ type: 'number', minimum: 0, exclusiveMinimum: true })).toBe('a number of more than 0');
    expect(describeConstraint({ type: 'integer', minimum: 0 })).toBe('an integer of at least 0');
    expect(describeConstraint({ type: 'string', minLength: 2, maxLength: 10 })).toBe('a string of 2 to 10 characters');
    expect(checkValue({ type: 'integer', minimum: 1, maximum: 10, exclusiveMaximum: true }, 10, 'n')?.message).toBe('n must be an integer of at least 1 and less than 10, got 10');
    expect(checkValue({ type: 'integer', minimum: 1, maximum: 10, exclusiveMaximum: true }, 0, 'n')).toBeDefined();
  });
});

describe('the table helpers', () => {
  it('fromText types query text by the schema and leaves the rest for the check', () => {
    expect(fromText(subtaskQuery.pageSize.schema, '150')).toBe(150);
    expect(fromText(subtaskQuery.pageSize.schema, '1e3')).toBe('1e3');
    for (const loose of ['1.0', '0150', '-0', '+5', ' 5', '0x10', '']) expect(fromText(subtaskQuery.pageSize.schema, loose), loose).toBe(loose);
    expect(fromText(subtaskQuery.pageNo.schema, '0')).toBe(0);
    expect(fromText({ type: 'number' }, '2.5')).toBe(2.5);
    expect(fromText({ type: 'boolean' }, 'true')).toBe(true);
    expect(fromText(subtaskQuery.subOperationStatus.schema, '7')).toBe('7');
  });

  it('pagingOf reads the bounds and defaults, and refuses an operation without paging', () => {
    expect(pagingOf('queryUpgradeSubTask')).toEqual({ pageNo: { minimum: 0, maximum: 2147483647, default: 0 }, pageSize: { minimum: 1, maximum: 100, default: 10 } });
    expect(() => pagingOf('queryUpgradeTask')).toThrow(/no bounded pageNo/);
  });

  it('parametersIn picks one place', () => {
    expect(Object.keys(parametersIn('queryUpgradeSubTask', 'query'))).toEqual(['subOperationStatus', 'pageNo', 'pageSize']);
    expect(Object.keys(parametersIn('queryUpgradeSubTask', 'path'))).toEqual(['operationId']);
  });

  it('describes a constraint for help text', () => {
    expect(describeConstraint(subtaskQuery.pageSize.schema)).toBe('an integer from 1 to 100');
    expect(describeConstraint({ type: 'string', maxLength: 256 })).toBe('a string of at most 256 characters');
  });
});
