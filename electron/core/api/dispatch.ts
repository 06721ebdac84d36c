/**
 * The one way a request reaches a handler, for IPC and WebSocket RPC alike:
 * the method must be in the contract and allowed to the caller's access link,
 * the params must parse (and name only cameras the link reaches), the result
 * must match the contract (cut to the link's cameras), and every failure
 * becomes an error value.
 */
import type { z } from 'zod';
import { apiMethods, isApiMethod, type ApiMethod, type ApiResult } from '../../../shared/api';
import { CodedError, fail, ok, type Result } from '../../../shared/errors';
import { describeIssues } from '../../../shared/model';
import { redact } from '../../../shared/rtsp-url';
import type { Logger } from '../log';
import type { AccessCheck } from './access-check';

/** What a handler knows about the caller. */
export interface CallContext {
  /** ws://host:port of the relay as this caller reaches it. */
  relayBase: string;
  /** The caller's access link and what it allows (absent: the machine's own link, everything). */
  access?: AccessCheck;
  /** The token a caller on an access link connected with: what its stream addresses carry. */
  relayToken?: string;
}

export type ApiHandlers = {
  [M in ApiMethod]: (
    params: z.output<(typeof apiMethods)[M]['params']>,
    context: CallContext,
  ) => Promise<ApiResult<M>> | ApiResult<M>;
};

export async function dispatch(
  handlers: ApiHandlers,
  method: unknown,
  params: unknown,
  context: CallContext,
  logger: Logger,
): Promise<Result<unknown>> {
  if (!isApiMethod(method)) return fail('unknown-method', `Unknown method "${String(method).slice(0, 64)}".`);
  const refusedMethod = context.access?.refusesMethod(method);
  if (refusedMethod) return fail(refusedMethod.code, refusedMethod.message);
  const contract = apiMethods[method];
  const parsed = contract.params.safeParse(params ?? {});
  if (!parsed.success) return fail('invalid-request', `${method}: ${describeIssues(parsed.error, 'params')}`);
  const refusedParams = context.access?.refusesParams(parsed.data);
  if (refusedParams) return fail(refusedParams.code, refusedParams.message);
  try {
    const handler = handlers[method] as (p: unknown, c: CallContext) => Promise<unknown> | unknown;
    const value = await handler(parsed.data, context);
    const checked = contract.result.safeParse(value);
    if (!checked.success) {
      logger.error(`${method} returned a result outside the contract: ${describeIssues(checked.error, 'result')}`);
      return fail('internal', `${method} failed inside Pantau.`);
    }
    return ok(context.access ? context.access.filter(method, checked.data) : checked.data);
  } catch (error) {
    if (error instanceof CodedError) return fail(error.code, redact(error.message));
    logger.error(`${method} failed: ${(error as Error).stack ?? String(error)}`);
    return fail('internal', `${method} failed inside Pantau.`);
  }
}
