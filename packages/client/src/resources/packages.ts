// The version packages (`queryUpgradePackageList`, `queryUpgradePackage`, `deleteUpgradePackage`):
// one page, every page, one package, delete, and the Python SDK's call shapes. Checks input, then
// hands one endpoint row per operation to the pipeline.
import type { CategoryInfo, operations, QueryUpgradePackageListOutDTO } from '@iodm-northbound/types';
import type { CallOptions } from '../core/call-options.js';
import type { PageIterator } from '../core/pagination.js';
import { hasId, isPlatformPage, withinPageSize } from '../internal/page-shape.js';
import type { Endpoint } from '../internal/pipeline.js';
import { checkQuery } from '../internal/query-checks.js';
import { checkOptionsObject, rejectingSync, type ResourceContext } from '../internal/resource-context.js';
import { checkPathId } from '../internal/validation.js';

type PackageListParameters = NonNullable<operations['queryUpgradePackageList']['parameters']['query']>;

/**
 * The package list's filters (all optional): the spec's query parameters (generated), less the
 * paging the methods set; `manufacturerName` as the SDKs spell it.
 */
export type PackageFilter = Omit<PackageListParameters, 'pageNo' | 'pageSize'>;
export interface PackageQuery extends PackageFilter, CallOptions {
  /** Page number, from the spec's pageNo minimum (0 today). */
  pageNo?: PackageListParameters['pageNo'];
  /** Within the spec's bounds (1..100 today); the platform's default is 10. */
  pageSize?: PackageListParameters['pageSize'];
}
export interface PackageListOptions extends PackageFilter, CallOptions {
  /** Within the spec's bounds (1..100 today); by default the largest (fewest requests). */
  pageSize?: PackageListParameters['pageSize'];
}
/** The Python SDK's `QueryUpgradePackageListInDTO`: wire names; `null` (None) leaves one out; numbers may be strings. */
export type QueryUpgradePackageListInDTO = { [Name in keyof PackageListParameters]?: PackageListParameters[Name] | string | null };

/** `for await (const pkg of pager)`, or `await pager.toArray()`, or `pager.pages()`. */
export type PackagePager = PageIterator<QueryUpgradePackageListOutDTO, CategoryInfo>;

const listOperation = 'queryUpgradePackageList';
const getOperation = 'queryUpgradePackage';
const deleteOperation = 'deleteUpgradePackage';
const packagePath = '/iodm/northbound/v1.5.0/category/{fileId}';
// The SDKs send Content-Type: application/json on every call, GETs included.
const jsonHeaders = { Accept: 'application/json', 'Content-Type': 'application/json' };

const packagePageEndpoint: Endpoint<PackageListParameters, QueryUpgradePackageListOutDTO> = {
  operation: listOperation,
  authorised: true,
  retried: true,
  quotesBody: true,
  headers: jsonHeaders,
  send: (api, query, init) => api.GET('/iodm/northbound/v1.5.0/category', { params: { query }, ...init }),
  read: (body) =>
    isPlatformPage(body, (item) => hasId(item, 'fileId')) ? { value: body as QueryUpgradePackageListOutDTO } : { problem: 'body is not a package page' },
};

const packageEndpoint: Endpoint<string, CategoryInfo> = {
  operation: getOperation,
  authorised: true,
  retried: true,
  quotesBody: true,
  headers: jsonHeaders,
  send: (api, fileId, init) => api.GET(packagePath, { params: { path: { fileId } }, ...init }),
  read: (body) => (hasId(body, 'fileId') ? { value: body as CategoryInfo } : { problem: 'body is not a version package' }),
};

const deletePackageEndpoint: Endpoint<string, void> = {
  operation: deleteOperation,
  authorised: true,
  // A second delete is answered 404: a retry after an unseen success would report a failure.
  retried: 'unprocessed',
  quotesBody: true,
  bodyless: true,
  headers: jsonHeaders,
  send: (api, fileId, init) => api.DELETE(packagePath, { params: { path: { fileId } }, ...init }),
  read: () => ({ value: undefined }),
};

/** The query of one package page, checked before anything is sent; the Python SDK's numbers may be text. */
const checkPackageQuery = (input: Readonly<Record<string, unknown>>, valuesAsText = false) =>
  checkQuery(listOperation, input, { valuesAsText }) as PackageListParameters;

export class Packages {
  constructor(private readonly context: ResourceContext) {}

  query(queryOrNull?: PackageQuery): Promise<QueryUpgradePackageListOutDTO> {
    return rejectingSync(() => {
      const query = checkOptionsObject(queryOrNull, 'query', listOperation);
      const parameters = checkPackageQuery(query);
      return withinPageSize(this.context.pipeline.call(packagePageEndpoint, parameters, this.context.resolveCall(query, listOperation), this.context.tokens), parameters.pageSize, listOperation);
    });
  }

  list(optionsOrNull?: PackageListOptions): PackagePager {
    const options = checkOptionsObject(optionsOrNull, 'options', listOperation);
    const filter = checkPackageQuery(options);
    return this.context.pager<PackageListParameters, QueryUpgradePackageListOutDTO, CategoryInfo>(
      packagePageEndpoint,
      (pageNo, pageSize) => ({ ...filter, pageNo, pageSize }),
      options,
      filter.pageSize,
      (item) => item.fileId,
    );
  }

  get(fileId: string, options?: CallOptions): Promise<CategoryInfo> {
    return rejectingSync(() => {
      const id = checkPathId(fileId, 'fileId', getOperation);
      const call = this.context.resolveCall(checkOptionsObject(options, 'options', getOperation), getOperation);
      return this.context.pipeline.call(packageEndpoint, id, call, this.context.tokens);
    });
  }

  delete(fileId: string, options?: CallOptions): Promise<void> {
    return rejectingSync(() => {
      const id = checkPathId(fileId, 'fileId', deleteOperation);
      const call = this.context.resolveCall(checkOptionsObject(options, 'options', deleteOperation), deleteOperation);
      return this.context.pipeline.call(deletePackageEndpoint, id, call, this.context.tokens);
    });
  }

  queryAsPythonSdk(quplInDTO: QueryUpgradePackageListInDTO | null | undefined, accessToken?: string | null): Promise<QueryUpgradePackageListOutDTO> {
    return rejectingSync(() => {
      const dto = checkOptionsObject(quplInDTO, 'quplInDTO', listOperation);
      const parameters = checkPackageQuery(dto, true);
      const { call, tokens } = this.context.sdkCall(accessToken, listOperation);
      return withinPageSize(this.context.pipeline.call(packagePageEndpoint, parameters, call, tokens), parameters.pageSize, listOperation);
    });
  }

  getAsPythonSdk(fileId: string, accessToken?: string | null): Promise<CategoryInfo> {
    return rejectingSync(() => {
      const id = checkPathId(fileId, 'fileId', getOperation);
      const { call, tokens } = this.context.sdkCall(accessToken, getOperation);
      return this.context.pipeline.call(packageEndpoint, id, call, tokens);
    });
  }

  deleteAsPythonSdk(fileId: string, accessToken?: string | null): Promise<void> {
    return rejectingSync(() => {
      const id = checkPathId(fileId, 'fileId', deleteOperation);
      const { call, tokens } = this.context.sdkCall(accessToken, deleteOperation);
      return this.context.pipeline.call(deletePackageEndpoint, id, call, tokens);
    });
  }
}
