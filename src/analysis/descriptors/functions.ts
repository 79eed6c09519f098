import path from 'node:path';
import type { Integration } from '../../contract/proxy-contract.js';

/** What a deployment descriptor says about one function, the same for every kind of descriptor. */
export interface DescribedFunction {
  /** The export the handler string names (`lambdaHandler` in `app.lambdaHandler`). */
  readonly exportName: string;
  /** A Node.js runtime identifier (`nodejs22.x`), when the descriptor gives one. */
  readonly runtime: string | undefined;
  /**
   * The integration its HTTP events say; `other` for other triggers, for a non-proxy integration and
   * for a function with no events at all (invoked directly); undefined when the descriptor cannot say.
   */
  readonly integration: Integration | 'other' | undefined;
  /** An ALB target with `multiValueHeaders: true`: responses must use `multiValueHeaders`. */
  readonly albMultiValueHeaders: boolean;
  /** Every event of the function comes from a trigger that never reads the answer (SNS, S3, schedules). */
  readonly answerIgnored: boolean;
  /** The descriptor the facts come from. */
  readonly descriptor: string;
}

/** Functions by source file (absolute path without extension), as one kind of descriptor reads them. */
export type FunctionsByModule = Map<string, DescribedFunction[]>;

/** What a reader took from a descriptor: its functions, and every file it read (includes too). */
export interface DescriptorReading {
  readonly functions: FunctionsByModule;
  readonly files: readonly string[];
  /**
   * The provider, for a service deployed to another cloud (a Serverless Framework service on `azure`,
   * `openwhisk`, `google`, `twilio` ...): no module below its folder is a Lambda function.
   */
  readonly otherCloud?: string;
}

/** `src/handlers/user.get` relative to `base`: the module file (without extension) and the export. */
export function splitHandler(base: string, handler: string): { module: string; exportName: string } | undefined {
  const dot = handler.lastIndexOf('.');
  if (dot <= 0 || dot === handler.length - 1) return undefined;
  return { module: path.resolve(base, handler.slice(0, dot)), exportName: handler.slice(dot + 1) };
}

export function addFunction(functions: FunctionsByModule, module: string, described: DescribedFunction): void {
  const list = functions.get(module) ?? [];
  list.push(described);
  functions.set(module, list);
}

/** A descriptor that could not be read, with the files read before the failure (watched for a change). */
export class DescriptorError extends Error {
  constructor(
    message: string,
    readonly files: readonly string[] = [],
  ) {
    super(message);
  }
}
