// An operation present on both sides, with the path items it inherits parameters from.
import type { Located } from '../pointer.js';

export interface OperationPair {
  /** `METHOD /path` in report form. */
  operation: string;
  path: string;
  beforePath: string;
  pathBefore: Located;
  pathAfter: Located;
  before: Located;
  after: Located;
}
