import { randomBytes } from 'node:crypto';
import type { ArmErrorDetail } from './arm-errors.js';

/**
 * Long-running operations as APIM answers them: the first response carries Azure-AsyncOperation (a
 * status resource under `tenant/operationResults/{id}`) and Location (the resource URL with asyncId);
 * the status resource says InProgress for a number of polls, then Succeeded or Failed. Progress is
 * counted in polls, not time, so tests that go through it never depend on timing.
 */

export interface Operation {
  id: string;
  /** ARM path of the resource (for Location). */
  resourcePath: string;
  asyncCode: number;
  polls: number;
  pollsBeforeDone: number;
  startTime: string;
  endTime?: string;
  /** Set when the operation is to end Failed (the write was never applied). */
  failure?: ArmErrorDetail;
}

export type OperationStatus = 'InProgress' | 'Succeeded' | 'Failed';

export class LroTracker {
  private readonly operations = new Map<string, Operation>();
  /** How many status polls answer InProgress before the end (at least one, so pollers really poll). */
  pollsBeforeDone = 1;

  constructor(
    private readonly armEndpoint: string,
    private readonly servicePath: string,
  ) {}

  start(
    resourcePath: string,
    asyncCode: number,
    apiVersion: string,
    failure?: ArmErrorDetail,
  ): { operation: Operation; headers: Record<string, string> } {
    const id = randomBytes(12).toString('hex');
    const operation: Operation = {
      id,
      resourcePath,
      asyncCode,
      polls: 0,
      pollsBeforeDone: this.pollsBeforeDone,
      startTime: new Date().toISOString(),
      failure,
    };
    this.operations.set(id, operation);
    return { operation, headers: this.headers(operation, apiVersion) };
  }

  headers(op: Operation, apiVersion: string): Record<string, string> {
    const v = encodeURIComponent(apiVersion);
    return {
      location: `${this.armEndpoint}${op.resourcePath}?api-version=${v}&asyncId=${op.id}&asyncCode=${op.asyncCode}`,
      'azure-asyncoperation': `${this.armEndpoint}${this.servicePath}/tenant/operationResults/${op.id}?api-version=${v}`,
    };
  }

  get(id: string): Operation | undefined {
    return this.operations.get(id);
  }

  /** Counts a poll and answers the status it reaches. */
  poll(op: Operation): OperationStatus {
    op.polls++;
    return this.peek(op);
  }

  peek(op: Operation): OperationStatus {
    if (op.polls <= op.pollsBeforeDone) return 'InProgress';
    op.endTime ??= new Date().toISOString();
    return op.failure ? 'Failed' : 'Succeeded';
  }

  /** The status resource body (ARM's asynchronous operation shape). */
  statusBody(op: Operation, status: OperationStatus): Record<string, unknown> {
    return {
      id: `${this.servicePath}/tenant/operationResults/${op.id}`,
      name: op.id,
      status,
      startTime: op.startTime,
      ...(status !== 'InProgress' ? { endTime: op.endTime } : {}),
      ...(status === 'Failed' && op.failure
        ? { error: { code: op.failure.code, message: op.failure.message } }
        : {}),
    };
  }
}
