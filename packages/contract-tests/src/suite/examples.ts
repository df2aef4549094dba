// The named response examples of the spec, and the client error each error example must become.
import {
  ApplicationFrozenError,
  BadRequestError,
  InvalidTokenError,
  type NorthboundError,
  PackageNotFoundError,
  PageOutOfRangeError,
  RequiredParameterEmptyError,
  ServerError,
  TaskNotFoundError,
  ThrottledError,
} from '@iodm-northbound/client';
import { followRefs } from '@iodm-northbound/spec/pointer';
import type { Json } from '../schema.js';

type ErrorClass = abstract new (...args: never[]) => NorthboundError;

/** The client error each documented error example must become. */
export const ERROR_CLASS_BY_EXAMPLE: Readonly<Record<string, ErrorClass>> = {
  BadRequest: BadRequestError,
  PageOutOfRange: PageOutOfRangeError,
  InvalidAccessToken: InvalidTokenError,
  AppThrottleExceeded: ThrottledError,
  TaskNotFound: TaskNotFoundError,
  PackageNotFound: PackageNotFoundError,
  InternalServerError: ServerError,
  RequiredParameterEmpty: RequiredParameterEmptyError,
  ApplicationFrozen: ApplicationFrozenError,
  // 100208 is inferred and has no class of its own: a 400 with the platform's error body.
  AppIdOrSecretWrong: BadRequestError,
};

/**
 * How often a call not safe to repeat (create, delete) is sent when the server answers `key`
 * every time, with `maxRetries: 1`: a rejected token earns one re-login and resend, throttling
 * one retry (the platform did nothing with either); anything else is sent once.
 */
export function sentTimes(key: string): number {
  return key === 'InvalidAccessToken' || key === 'AppThrottleExceeded' ? 2 : 1;
}

export interface ContractExample {
  operationId: string;
  status: number;
  key: string;
  value: Json;
}

/** Every named response example of the spec (refs followed; a dangling one throws SpecPointerError). */
export function contractExamples(document: Json): ContractExample[] {
  const examples: ContractExample[] = [];
  for (const item of Object.values<Json>(document.paths)) {
    for (const operation of Object.values<Json>(item)) {
      if (typeof operation !== 'object' || !operation?.responses) continue;
      for (const [status, response] of Object.entries<Json>(operation.responses)) {
        const content: Json = (followRefs(document, response).value as Json).content ?? {};
        for (const media of Object.values<Json>(content)) {
          for (const [key, example] of Object.entries<Json>(media.examples ?? {})) {
            examples.push({ operationId: operation.operationId, status: Number(status), key, value: (followRefs(document, example).value as Json).value });
          }
        }
      }
    }
  }
  return examples;
}
