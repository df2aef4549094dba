// The version package operations on the wire: queryPackages, listPackages, getPackage,
// deletePackage and their Python SDK shapes, with an observing fetch.
import { describe, expect, it } from 'vitest';
import { createNorthboundClient, PackageNotFoundError, ServerError, TimeoutError, UnexpectedResponseError, ValidationError } from '../src/index.js';
import { appId, baseUrl, errorResponse, platformErrors, secret, tokenResponse } from './support/platform-fixtures.js';
import { isLogin, recordingFetch, type Handler } from './support/recording-fetch.js';
import { fileId, packageNotFound, packagePage, upgradePackage } from './support/upgrade-fixtures.js';

const categoryPath = '/iodm/northbound/v1.5.0/category';

function clientWith(answer: Handler) {
  const recorder = recordingFetch((request, index) => (isLogin(request) ? Response.json(tokenResponse(1)) : answer(request, index)));
  const client = createNorthboundClient({ baseUrl, appId, secret }, { fetch: recorder.fetch });
  const calls = () => recorder.requests.filter((request) => !isLogin(request));
  return { client, calls };
}

const pagesOf = (totalCount: number) => (request: { url: URL }) =>
  Response.json(packagePage(Number(request.url.searchParams.get('pageNo') ?? 0), Number(request.url.searchParams.get('pageSize') ?? 10), totalCount));

describe('queryPackages', () => {
  it('sends GET /category with app_key, the bearer token and the filters, and returns the page', async () => {
    const { client, calls } = clientWith(pagesOf(3));
    const page = await client.queryPackages({ fileType: 'firmwarePackage', deviceType: 'WaterMeter', model: 'BC95', manufacturerName: 'Huawei', version: 'V1.1.0', pageNo: 0, pageSize: 10 });
    expect(page).toEqual(packagePage(0, 10, 3));
    const [request] = calls();
    expect(request!.method).toBe('GET');
    expect(request!.url.pathname).toBe(categoryPath);
    // The SDKs' spelling manufacturerName, not the URL template's manufactureName.
    expect(Object.fromEntries(request!.url.searchParams)).toEqual({
      fileType: 'firmwarePackage', deviceType: 'WaterMeter', model: 'BC95', manufacturerName: 'Huawei', version: 'V1.1.0', pageNo: '0', pageSize: '10',
    });
    expect(request!.headers.app_key).toBe(appId);
    expect(request!.headers.authorization).toBe(`Bearer ${tokenResponse(1).accessToken}`);
  });

  it('leaves out unset filters', async () => {
    const { client, calls } = clientWith(pagesOf(0));
    await client.queryPackages();
    expect(calls()[0]!.url.search).toBe('');
  });

  it.each([
    [{ fileType: 'firmware' }, 'fileType'],
    [{ deviceType: 'x'.repeat(257) }, 'deviceType'],
    [{ model: '' }, 'model'],
    [{ pageSize: 101 }, 'pageSize'],
    [{ pageNo: -1 }, 'pageNo'],
  ])('refuses %j before sending', async (query, parameter) => {
    const { client, calls } = clientWith(pagesOf(0));
    const error = await client.queryPackages(query as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).parameter).toBe(parameter);
    expect(calls()).toHaveLength(0);
  });

  it('refuses a 200 that is not a package page', async () => {
    const { client } = clientWith(() => Response.json({ data: [{ name: 'no id' }], pageNo: 0, pageSize: 10, totalCount: 1 }));
    await expect(client.queryPackages()).rejects.toBeInstanceOf(UnexpectedResponseError);
  });
});

describe('listPackages', () => {
  it('walks every page of 100 with the filter kept', async () => {
    const { client, calls } = clientWith(pagesOf(230));
    const all = await client.listPackages({ fileType: 'softwarePackage' }).toArray();
    expect(all.map((p) => p.fileId)).toEqual(Array.from({ length: 230 }, (_, i) => upgradePackage(i).fileId));
    expect(calls().map((r) => r.url.search)).toEqual([0, 1, 2].map((n) => `?fileType=softwarePackage&pageNo=${n}&pageSize=100`));
  });

  it('stops with UnexpectedResponseError when the server ignores pageNo', async () => {
    const { client, calls } = clientWith(() => Response.json(packagePage(0, 100, 500)));
    await expect(client.listPackages().toArray()).rejects.toThrow(/asked for page 1, the server answered page 0/);
    expect(calls()).toHaveLength(2);
  });

  it('stops when pages go past the first totalCount', async () => {
    let total = 150;
    const { client } = clientWith((request) => {
      total += 100;
      return Response.json(packagePage(Number(request.url.searchParams.get('pageNo')), 100, total));
    });
    await expect(client.listPackages().toArray()).rejects.toBeInstanceOf(UnexpectedResponseError);
  });

  it('refuses a bad filter at the call, before iterating', () => {
    const { client } = clientWith(pagesOf(0));
    expect(() => client.listPackages({ fileType: 'image' as never })).toThrow(ValidationError);
  });
});

describe('getPackage', () => {
  it('sends GET /category/{fileId}, percent-encoded, and returns the package', async () => {
    const { client, calls } = clientWith(() => Response.json(upgradePackage(1)));
    expect(await client.getPackage('a/b?c')).toEqual(upgradePackage(1));
    expect(calls()[0]!.href).toBe(`${baseUrl}${categoryPath}/a%2Fb%3Fc`);
  });

  it('maps 404/123002 to PackageNotFoundError', async () => {
    const { client } = clientWith(() => errorResponse(packageNotFound));
    const error = await client.getPackage(fileId).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PackageNotFoundError);
    expect(error).toMatchObject({ status: 404, errorCode: '123002', operation: 'queryUpgradePackage' });
  });

  it.each(['', '..', '\uD800'])('refuses fileId %j before sending', async (id) => {
    const { client, calls } = clientWith(() => Response.json(upgradePackage(1)));
    await expect(client.getPackage(id)).rejects.toMatchObject({ name: 'ValidationError', parameter: 'fileId' });
    expect(calls()).toHaveLength(0);
  });

  it('is retried on a 500 (a read is safe to repeat)', async () => {
    const { client, calls } = clientWith((_, index) => (index === 1 ? errorResponse(platformErrors.serverError) : Response.json(upgradePackage(2))));
    const found = await client.getPackage(fileId, { maxRetries: 1 });
    expect(found.fileId).toBe(upgradePackage(2).fileId);
    expect(calls()).toHaveLength(2);
  });
});

describe('deletePackage', () => {
  it('sends DELETE /category/{fileId} and resolves on a 200 without a body', async () => {
    const { client, calls } = clientWith(() => new Response(null, { status: 200 }));
    await expect(client.deletePackage(fileId)).resolves.toBeUndefined();
    expect(calls()[0]!.method).toBe('DELETE');
    expect(calls()[0]!.url.pathname).toBe(`${categoryPath}/${fileId}`);
  });

  it('maps a second delete (404/123002) to PackageNotFoundError', async () => {
    const { client } = clientWith(() => errorResponse(packageNotFound));
    await expect(client.deletePackage(fileId)).rejects.toBeInstanceOf(PackageNotFoundError);
  });

  it('is not retried after a 500: the package may be gone already', async () => {
    const { client, calls } = clientWith(() => errorResponse(platformErrors.serverError));
    await expect(client.deletePackage(fileId, { maxRetries: 3 })).rejects.toBeInstanceOf(ServerError);
    expect(calls()).toHaveLength(1);
  });

  it('is not retried after a timeout once sent', async () => {
    const { client, calls } = clientWith((request) => new Promise((_, reject) => request.signal.addEventListener('abort', () => reject(new Error('aborted')))));
    await expect(client.deletePackage(fileId, { maxRetries: 3, timeoutMs: 50 })).rejects.toBeInstanceOf(TimeoutError);
    expect(calls()).toHaveLength(1);
  });
});

describe('the Python SDK shapes', () => {
  it('queryUpgradePackageList(quplInDTO, accessToken): nulls left out, string numbers accepted, the token used as is', async () => {
    const { client, calls } = clientWith(pagesOf(3));
    const quplInDTO = { fileType: 'firmwarePackage', deviceType: null, model: null, manufacturerName: 'Huawei', version: null, pageNo: '0', pageSize: '10' };
    const page = await client.queryUpgradePackageList(quplInDTO, 'caller-access-token-01');
    expect(page.totalCount).toBe(3);
    const [request] = calls();
    expect(request!.url.search).toBe('?fileType=firmwarePackage&manufacturerName=Huawei&pageNo=0&pageSize=10');
    expect(request!.headers.authorization).toBe('Bearer caller-access-token-01');
  });

  it('queryUpgradePackageList refuses a non-numeric string page number', async () => {
    const { client, calls } = clientWith(pagesOf(3));
    await expect(client.queryUpgradePackageList({ pageNo: 'first' }, null)).rejects.toMatchObject({ parameter: 'pageNo' });
    expect(calls()).toHaveLength(0);
  });

  it('queryUpgradePackage(fileId, accessToken) and deleteUpgradePackage(fileId, accessToken)', async () => {
    const { client, calls } = clientWith((request) => (request.method === 'DELETE' ? new Response(null) : Response.json(upgradePackage(0))));
    expect((await client.queryUpgradePackage(fileId, 'caller-access-token-01')).name).toBe(upgradePackage(0).name);
    await client.deleteUpgradePackage(fileId, null);
    expect(calls().map((r) => `${r.method} ${r.headers.authorization}`)).toEqual([
      'GET Bearer caller-access-token-01',
      `DELETE Bearer ${tokenResponse(1).accessToken}`,
    ]);
  });
});
