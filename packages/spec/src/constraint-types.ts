// The shape of the generated constraints table (src/generated/constraints.ts): a subset of an
// OpenAPI 3.0 schema, $refs resolved, that says what a caller's value must be.

/** What a value must meet: the input-checking keywords of an OpenAPI 3.0 schema. */
export interface ValueConstraint {
  readonly type?: 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object';
  readonly format?: string;
  readonly nullable?: boolean;
  readonly enum?: readonly (string | number | boolean | null)[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: boolean;
  readonly exclusiveMaximum?: boolean;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly uniqueItems?: boolean;
  readonly items?: ValueConstraint;
  readonly properties?: Readonly<Record<string, ValueConstraint>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean;
  readonly default?: unknown;
}

/** One parameter of an operation. */
export interface ParameterConstraint {
  readonly in: 'query' | 'path' | 'header' | 'cookie';
  readonly required: boolean;
  readonly schema: ValueConstraint;
}

/** One operation: where it is, its parameters by name and its request body. */
export interface OperationConstraints {
  readonly method: string;
  readonly path: string;
  readonly parameters: Readonly<Record<string, ParameterConstraint>>;
  readonly body?: { readonly required: boolean; readonly mediaType: string; readonly schema: ValueConstraint };
}
