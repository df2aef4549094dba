// Public surface of the types package: everything openapi-typescript generates from the spec.
export * from './generated/openapi.js';
