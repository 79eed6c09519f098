import { existsSync } from 'node:fs';
import path from 'node:path';
import { ANSWER_IGNORED_SERVERLESS_EVENTS } from '../../contract/triggers.js';
import { addFunction, type DescribedFunction, type DescriptorReading, type FunctionsByModule, splitHandler } from './functions.js';
import { asRecord, asString, nodeRuntime, readDocument, scalarText } from './read.js';

/**
 * Serverless Framework services: `functions` with `handler`, `runtime`, `events` and `url`, through
 * `${file(./functions.yml)}` and `${file(./x.yml):functions}` includes and `${self:...}` references
 * within the service. Only `provider.name: aws` is Lambda: Azure, OpenWhisk and Google Cloud services
 * use the same `http` event name for something else.
 */
export function serverlessFunctions(descriptor: string): DescriptorReading {
  const service = new ServiceVariables(descriptor);
  const document = service.root;
  const functions: FunctionsByModule = new Map();
  const provider = asRecord(service.resolve(document.provider)) ?? {};
  const providerName = asString(provider.name)?.toLowerCase();
  if (providerName !== 'aws') {
    // Its functions run elsewhere (Azure's `context.done`, OpenWhisk's `main(params)`, Twilio's
    // `(context, event, callback)`): none of the service's modules is judged as a Lambda handler.
    // A provider named by a variable that is not known here (`${env:CLOUD}`) may be AWS: nothing is said.
    const known = providerName !== undefined && !providerName.includes('${');
    return known ? { functions, files: service.files, otherCloud: providerName } : { functions, files: service.files };
  }
  const base = path.dirname(descriptor);
  const payload = scalarText(asRecord(provider.httpApi)?.payload) ?? '2.0';
  for (const definition of functionDefinitions(service.resolve(document.functions))) {
    const handler = asString(definition.handler);
    const target = handler && !handler.includes('${') ? splitHandler(base, handler) : undefined;
    if (!target) continue;
    addFunction(functions, target.module, {
      exportName: target.exportName,
      runtime: nodeRuntime(definition.runtime) ?? nodeRuntime(provider.runtime),
      ...eventIntegration(definition, payload),
      descriptor,
    });
  }
  return { functions, files: service.files };
}

/** The function definitions of a `functions` block: a map of them, or a list of such maps (merged). */
function functionDefinitions(block: unknown): Record<string, unknown>[] {
  const maps = Array.isArray(block) ? block.map(asRecord) : [asRecord(block)];
  return maps.flatMap((map) => Object.values(map ?? {}).map((definition) => asRecord(definition) ?? {}));
}

function eventIntegration(
  definition: Record<string, unknown>,
  payload: string,
): Pick<DescribedFunction, 'integration' | 'albMultiValueHeaders' | 'answerIgnored'> {
  let integration: DescribedFunction['integration'];
  let albMultiValueHeaders = false;
  let other = false;
  const events = Array.isArray(definition.events) ? definition.events : [];
  for (const event of events) {
    const record = asRecord(event) ?? {};
    if ('http' in record) {
      // `integration: lambda` is the REST non-proxy integration: mapping templates shape the answer.
      const nonProxy = asString(asRecord(record.http)?.integration)?.toLowerCase() === 'lambda';
      if (nonProxy) other = true;
      else integration ??= 'rest';
    } else if ('httpApi' in record) {
      integration ??= payload === '1.0' ? 'http-v1' : 'http-v2';
    } else if ('alb' in record) {
      integration ??= 'alb';
      albMultiValueHeaders ||= asRecord(record.alb)?.multiValueHeaders === true;
    } else {
      other = true;
    }
  }
  if (definition.url) integration ??= 'url';
  // No events and no URL: the function is invoked directly (the SDK, Step Functions, another function).
  const direct = events.length === 0 && !definition.url;
  const answerIgnored =
    events.length > 0 &&
    !definition.url &&
    events.every((event) => Object.keys(asRecord(event) ?? {}).some((name) => ANSWER_IGNORED_SERVERLESS_EVENTS.has(name)));
  return { integration: integration ?? (other || direct ? 'other' : undefined), albMultiValueHeaders, answerIgnored };
}

const WHOLE_REFERENCE = /^\$\{([^{}]+)\}$/u;
const INNER_REFERENCE = /\$\{([^{}]+)\}/gu;
const MAX_DEPTH = 10;

/**
 * The variables of a service that can be known without running anything: `${self:path}`,
 * `${file(./x.yml)}` and `${file(./x.yml):path}` (relative to the service folder), and the fallback
 * after a comma (`${opt:stage, 'dev'}`). Anything else stays as written.
 */
class ServiceVariables {
  readonly root: Record<string, unknown>;
  readonly files: string[];
  private readonly folder: string;
  private readonly documents = new Map<string, unknown>();

  constructor(descriptor: string) {
    this.folder = path.dirname(descriptor);
    this.files = [descriptor];
    this.root = asRecord(readDocument(descriptor)) ?? {};
  }

  resolve(value: unknown, depth = 0): unknown {
    if (depth > MAX_DEPTH) return value;
    if (Array.isArray(value)) return value.map((item) => this.resolve(item, depth + 1));
    const record = asRecord(value);
    if (record) return Object.fromEntries(Object.entries(record).map(([key, item]) => [key, this.resolve(item, depth + 1)]));
    if (typeof value !== 'string' || !value.includes('${')) return value;
    const whole = WHOLE_REFERENCE.exec(value);
    if (whole) {
      const found = this.reference(whole[1]!, depth);
      return found === undefined ? value : this.resolve(found, depth + 1);
    }
    let text = value;
    for (let round = 0; round < MAX_DEPTH && text.includes('${'); round++) {
      const next = text.replace(INNER_REFERENCE, (written, inner: string) => {
        const found = this.reference(inner, depth);
        return typeof found === 'string' || typeof found === 'number' ? String(found) : written;
      });
      if (next === text) break;
      text = next;
    }
    return text;
  }

  private reference(inner: string, depth: number): unknown {
    const [source = '', ...fallbacks] = inner.split(/\s*,\s*/u);
    const found = this.source(source.trim(), depth);
    if (found !== undefined) return found;
    for (const fallback of fallbacks) {
      const quoted = /^(['"])(.*)\1$/u.exec(fallback);
      if (quoted) return quoted[2];
      const nested = this.source(fallback, depth);
      if (nested !== undefined) return nested;
    }
    return undefined;
  }

  private source(source: string, depth: number): unknown {
    if (source.startsWith('self:')) return this.resolve(property(this.root, source.slice('self:'.length)), depth + 1);
    const file = /^file\(([^)]+)\)(?::(.+))?$/u.exec(source);
    if (!file) return undefined;
    const document = this.document(path.resolve(this.folder, file[1]!.trim().replace(/^['"]|['"]$/gu, '')));
    return file[2] === undefined ? document : property(document, file[2]);
  }

  private document(file: string): unknown {
    if (!this.documents.has(file)) {
      this.files.push(file);
      this.documents.set(file, existsSync(file) ? readDocument(file) : undefined);
    }
    return this.documents.get(file);
  }
}

/** `a.b.c` in a value; an empty path is the value itself. */
function property(value: unknown, dotted: string): unknown {
  let current = value;
  for (const key of dotted.split('.').filter(Boolean)) current = asRecord(current)?.[key];
  return current;
}
