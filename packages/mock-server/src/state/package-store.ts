// The version packages one mock instance knows: seeded from the spec's examples, and changed by
// deleteUpgradePackage (a deleted package is gone for that instance: 404/123002 from then on).
import type { LoadedSpec } from '../spec.js';
import { seedItems } from './seeds.js';

type CategoryInfo = Record<string, unknown> & { readonly fileId: string };

/** queryUpgradePackageList's filters, exactly as validated (each one optional). */
export interface PackageFilter {
  readonly fileType?: string | undefined;
  readonly deviceType?: string | undefined;
  readonly model?: string | undefined;
  readonly manufacturerName?: string | undefined;
  readonly version?: string | undefined;
}

const FILTERED_FIELDS = ['fileType', 'deviceType', 'model', 'manufacturerName', 'version'] as const;

export class PackageStore {
  readonly #packages = new Map<string, CategoryInfo>();

  constructor(seed: readonly CategoryInfo[]) {
    for (const item of seed) this.#packages.set(item.fileId, item);
  }

  static fromSpec(spec: LoadedSpec): PackageStore {
    return new PackageStore(seedItems(spec, ['queryUpgradePackageList', 'queryUpgradePackage'], 'fileId') as CategoryInfo[]);
  }

  get(fileId: string): CategoryInfo | undefined {
    return this.#packages.get(fileId);
  }

  /** Whether there was such a package (the platform answers 404 otherwise). */
  delete(fileId: string): boolean {
    return this.#packages.delete(fileId);
  }

  /** The packages every given filter matches, in store order. */
  list(filter: PackageFilter): CategoryInfo[] {
    return [...this.#packages.values()].filter((item) => FILTERED_FIELDS.every((field) => filter[field] === undefined || item[field] === filter[field]));
  }
}
