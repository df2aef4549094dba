// Types of the platform facts table (platform-api.yaml); see that file's header for what each part means.

/** Where a fact comes from; a source that says "inferred" marks what no document states outright. */
export interface Sourced {
  source: string;
}

/** A field, parameter schema or timestamp: `type` plus any restricting keywords the platform documents. */
export interface FieldFact extends Sourced {
  type: string;
  /** For an array field: the schemas row of its items. */
  items?: string;
  /** For an object field: its schemas row. */
  schema?: string;
  [keyword: string]: unknown;
}

export interface ParameterFact extends FieldFact {
  name: string;
  in: string;
  required: boolean;
}

export interface ErrorFact extends Sourced {
  status: number;
  /** The platform's error_code, digits as a string. */
  code: string;
  /** The documented error_desc; absent where the platform gives no wording. */
  desc?: string;
}

export interface OperationFact extends Sourced {
  /** Restates sdkMethods' call, where a row gives it. */
  method?: string;
  path?: string;
  /** The security requirements (scheme names ANDed within an entry), where a row gives them. */
  security?: string[][];
  parameters: ParameterFact[];
  requestBody: ({ contentType: string; schema: string } & Sourced) | null;
  /** null: the success answer has no body (the package delete). */
  response: { contentType: string; schema: string } | null;
  errors: ErrorFact[];
}

export interface RequiredFact extends Sourced {
  fields: string[];
  /** No document says which fields are mandatory; the spec's description must say "inferred". */
  inferred?: boolean;
}

export interface SchemaFact {
  /** Absent: the spec must require no field. */
  required?: RequiredFact;
  properties: Record<string, FieldFact>;
  [keyword: string]: unknown;
}

export interface SecurityGroupFact extends Sourced {
  pathPrefix: string;
  /** OpenAPI security requirements: each entry one requirement, its schemes ANDed. */
  security: Array<Record<string, string[]>>;
}

export interface PlatformFacts {
  /** SDK method name -> "<METHOD> <path>" of the call it makes. */
  sdkMethods: Record<string, string>;
  security: SecurityGroupFact[];
  timestamp: FieldFact & { pattern: string };
  /** The operations the contract covers, by operationId (each one of sdkMethods). */
  operations: Record<string, OperationFact>;
  schemas: Record<string, SchemaFact>;
  securitySchemes: Record<string, Sourced & Record<string, unknown>>;
}

/** Absolute path of platform-api.yaml. */
export declare const factsPath: string;
/** The parsed table, checked once when the module loads. Shared: do not mutate it. */
export declare const platformFacts: PlatformFacts;
/** Parses a facts table; throws an Error that lists every problem of its shape. */
export declare function parsePlatformFacts(text: string): PlatformFacts;
