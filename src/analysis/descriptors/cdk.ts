import { existsSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import {
  CDK_LATEST_NODE_RUNTIME,
  CDK_NODEJS_FUNCTION_DEFAULT_RUNTIME,
  CDK_NODEJS_FUNCTION_LATEST_FLAG,
} from '../../contract/cdk-runtimes.js';
import type { Integration } from '../../contract/proxy-contract.js';
import { CDK_OTHER_TRIGGERS } from '../../contract/triggers.js';
import { addFunction, DescriptorError, type DescriptorReading, type FunctionsByModule, splitHandler } from './functions.js';
import { packageVersion, spansWithin } from '../package-versions.js';
import { skipTypeWrappers } from '../resolve.js';
import { importedName, parseSource, requiredModule, resolveImport, visit, withoutExtension } from '../source-files.js';
import { asRecord, asString, nodeRuntime } from './read.js';

/**
 * AWS CDK apps: the functions their source declares, read without running anything. `cdk.json`'s `app`
 * command names the entry file; the files it imports (relative imports, not packages) are parsed, and
 * the constructs that can be known from literals are read:
 * - `new lambda.Function(scope, id, { handler: 'index.handler', code: Code.fromAsset('lambda'), runtime })`;
 * - `new NodejsFunction(scope, id, { entry, handler, runtime })`, whose entry defaults to
 *   `<stack file>.<id>.ts` and whose runtime defaults by aws-cdk-lib version and feature flag;
 * - what calls each function, followed through the variable or `this.` property that holds it.
 * Paths are string literals, and `path.join` / `path.resolve` of `__dirname` (or `import.meta.dirname`)
 * and literals; a relative path resolves from the folder holding `cdk.json`, where CDK runs.
 * Anything computed at run time gives nothing.
 */
export function cdkFunctions(descriptor: string): DescriptorReading {
  const config = asRecord(JSON.parse(readFileSync(descriptor, 'utf8')) as unknown) ?? {};
  const app = new CdkApp(descriptor, config);
  const entry = entryFile(path.dirname(descriptor), asString(config.app) ?? '');
  try {
    if (entry) app.readFrom(entry);
  } catch (error) {
    // The files read so far are watched, so that fixing the one that did not parse reads the app again.
    throw new DescriptorError((error as Error).message, app.files);
  }
  return { functions: app.functions(), files: app.files };
}

/** The source file an `app` command runs: `npx ts-node --prefer-ts-exts bin/app.ts`, `node bin/app.js`. */
function entryFile(base: string, command: string): string | undefined {
  for (const word of command.split(/\s+/u)) {
    const file = /^["']?([^"']+\.(?:[cm]?[jt]s|tsx))["']?$/u.exec(word)?.[1];
    if (!file) continue;
    const absolute = path.resolve(base, file);
    // `node bin/app.js` after `tsc`: the TypeScript beside it is the source.
    const source = absolute.replace(/\.([cm]?)js$/u, '.$1ts');
    if (existsSync(source)) return source;
    if (existsSync(absolute)) return absolute;
  }
  return undefined;
}

/** `CDK_LATEST_NODE_RUNTIME` as spans: each entry holds up to the next one's release. */
const CDK_LATEST_SPANS = CDK_LATEST_NODE_RUNTIME.map((entry, index) => ({ ...entry, to: CDK_LATEST_NODE_RUNTIME[index + 1]?.from }));

/** How an app turns on multi-value headers for a load balancer's Lambda targets. */
const MULTI_VALUE_HEADERS = /multiValueHeadersEnabled|lambda\.multi_value_headers\.enabled/u;
/** More files than a CDK app has: the rest is not read. */
const MAX_FILES = 400;
/** What an app that makes an HTTP front door names: the modules' and constructs' names. */
const FRONT_DOOR_TEXT = /apigateway|elasticloadbalancing|FunctionUrl|ApiEventSource/iu;
/** Modules whose import says nothing hidden is made: the CDK itself, `constructs`, and app plumbing. */
const KNOWN_APP_MODULES = /^(?:aws-cdk-lib(?:\/.*)?|@aws-cdk\/.+|constructs|source-map-support(?:\/.*)?|cdk-nag)$/u;

type Node = TSESTree.Node;

/** A function construct whose handler module is known. */
interface FunctionSite {
  readonly module: string;
  readonly exportName: string;
  readonly runtime: () => string | undefined;
  readonly integrations: Set<Integration | 'other'>;
  /** The answers of the triggers found: true where the caller ignores it. */
  readonly ignored: boolean[];
  /** A trigger whose kind the source does not say (a payload version from a variable). */
  unknown: boolean;
}

/** One source file of the app: its imports of CDK modules and what its variables hold. */
interface SourceFile {
  readonly file: string;
  readonly text: string;
  /** Every `new` and call expression, in source order: where constructs are made and triggers wired. */
  readonly news: TSESTree.NewExpression[];
  readonly calls: TSESTree.CallExpression[];
  /** The modules it imports, exports from or requires. */
  readonly specifiers: string[];
  /** Local name: the CDK module and export it is (`*` for a namespace). */
  readonly imports: Map<string, { module: string; name: string }>;
  /**
   * Local names bound to `path` / `node:path` / `url`, with what they import: `*` or `default` for
   * the module, or the function (`join`, `resolve`, `dirname`, `fileURLToPath`).
   */
  readonly pathNames: Map<string, string>;
  /** What each `const` / `let` / `var` name is first given, and each `this.x` / `x =` assignment. */
  readonly values: Map<string, Node>;
  /** The function each holder (variable name or `this.x`) holds. */
  readonly holders: Map<string, FunctionSite>;
  readonly sites: Map<Node, FunctionSite>;
}

class CdkApp {
  readonly files: string[];
  private readonly sources: SourceFile[] = [];
  private readonly base: string;
  private readonly latestFlag: boolean;
  private latestOnce: { runtime: string | undefined } | undefined;

  constructor(
    private readonly descriptor: string,
    config: Record<string, unknown>,
  ) {
    this.files = [descriptor];
    this.base = path.dirname(descriptor);
    this.latestFlag = Boolean(asRecord(config.context)?.[CDK_NODEJS_FUNCTION_LATEST_FLAG]);
  }

  readFrom(entry: string): void {
    const queue = [entry];
    const seen = new Set(queue);
    while (queue.length > 0 && this.sources.length < MAX_FILES) {
      const file = queue.shift()!;
      this.files.push(file);
      const text = readFileSync(file, 'utf8');
      const source = this.collect(file, text, parseSource(file, text));
      this.sources.push(source);
      for (const specifier of source.specifiers) {
        const imported = resolveImport(path.dirname(file), specifier);
        if (imported && !seen.has(imported)) {
          seen.add(imported);
          queue.push(imported);
        }
      }
    }
    for (const source of this.sources) this.findTriggers(source);
  }

  functions(): FunctionsByModule {
    const functions: FunctionsByModule = new Map();
    // Where the app has no HTTP front door at all, a function no trigger names is invoked directly
    // (the SDK, a state machine by ARN): its answer is not an HTTP response, however it looks.
    const noFrontDoor = this.hasNoFrontDoor();
    for (const source of this.sources) {
      for (const site of new Set(source.sites.values())) {
        addFunction(functions, site.module, {
          exportName: site.exportName,
          runtime: site.runtime(),
          integration: integrationOf(site) ?? (noFrontDoor && !site.unknown ? 'other' : undefined),
          albMultiValueHeaders: false,
          answerIgnored: site.ignored.length > 0 && site.ignored.every(Boolean),
          descriptor: this.descriptor,
        });
      }
    }
    return functions;
  }

  /** The imports, variables and function constructs of a file. */
  private collect(file: string, text: string, program: TSESTree.Program): SourceFile {
    const source: SourceFile = {
      file,
      text,
      news: [],
      calls: [],
      specifiers: [],
      imports: new Map(),
      pathNames: new Map(),
      values: new Map(),
      holders: new Map(),
      sites: new Map(),
    };
    // One walk: imports, what names hold, and the expressions the next steps look at.
    visit(program, (node) => {
      switch (node.type) {
        case 'ImportDeclaration':
          source.specifiers.push(node.source.value);
          for (const specifier of node.specifiers) {
            this.bindImport(source, specifier.local.name, node.source.value, importedName(specifier));
          }
          return;
        case 'ExportAllDeclaration':
        case 'ExportNamedDeclaration':
          if (node.source) source.specifiers.push(node.source.value);
          return;
        case 'ImportExpression':
          if (node.source.type === 'Literal' && typeof node.source.value === 'string') source.specifiers.push(node.source.value);
          return;
        case 'NewExpression':
          source.news.push(node);
          return;
        case 'CallExpression': {
          source.calls.push(node);
          const required = requiredModule(node);
          if (required !== undefined) source.specifiers.push(required);
          return;
        }
        case 'VariableDeclarator':
          if (node.init) this.bindVariable(source, node.id, node.init);
          return;
        case 'AssignmentExpression': {
          const holder = node.operator === '=' ? holderKey(node.left) : undefined;
          if (holder && !source.values.has(holder)) source.values.set(holder, node.right);
          return;
        }
        case 'PropertyDefinition':
          if (node.value && node.key.type === 'Identifier') source.values.set(`this.${node.key.name}`, node.value);
          return;
        default:
      }
    });
    for (const node of source.news) {
      const site = this.functionSite(source, node);
      if (!site) continue;
      source.sites.set(node, site);
      const holder = holderOf(node);
      if (holder) source.holders.set(holder, site);
    }
    return source;
  }

  /** `const x = require('...')`, `const { a } = require('...')`, or any other value a name is given. */
  private bindVariable(source: SourceFile, id: TSESTree.BindingName, init: Node): void {
    const required = requiredModule(init);
    if (required !== undefined && id.type === 'Identifier') {
      this.bindImport(source, id.name, required, '*');
    } else if (required !== undefined && id.type === 'ObjectPattern') {
      for (const property of id.properties) {
        if (property.type === 'Property' && property.key.type === 'Identifier' && property.value.type === 'Identifier') {
          this.bindImport(source, property.value.name, required, property.key.name);
        }
      }
    } else if (id.type === 'Identifier' && !source.values.has(id.name)) {
      source.values.set(id.name, init);
    }
  }

  private bindImport(source: SourceFile, local: string, from: string, name: string): void {
    if (from === 'path' || from === 'node:path' || from === 'url' || from === 'node:url') {
      source.pathNames.set(local, name);
      return;
    }
    if (from === 'aws-cdk-lib' && name !== '*') {
      // `import { aws_lambda as lambda } from 'aws-cdk-lib'`
      if (name.startsWith('aws_')) source.imports.set(local, { module: name.replaceAll('_', '-'), name: '*' });
      return;
    }
    const module = cdkModule(from);
    if (module) source.imports.set(local, { module, name });
  }

  /** `lambda.Function` → `aws-lambda.Function`, through imports, `cdk.aws_lambda.Function` and `require`. */
  private cdkName(source: SourceFile, node: Node): string | undefined {
    if (node.type === 'Identifier') {
      const imported = source.imports.get(node.name);
      return imported && imported.name !== '*' ? `${imported.module}.${imported.name}` : undefined;
    }
    if (node.type !== 'MemberExpression' || node.computed || node.property.type !== 'Identifier') return undefined;
    const property = node.property.name;
    if (node.object.type === 'Identifier') {
      const imported = source.imports.get(node.object.name);
      if (!imported) return undefined;
      return imported.name === '*' ? `${imported.module}.${property}` : `${imported.module}.${imported.name}.${property}`;
    }
    // `cdk.aws_lambda.Function`, with `import * as cdk from 'aws-cdk-lib'`
    const object = node.object;
    if (object.type === 'MemberExpression' && !object.computed && object.property.type === 'Identifier' && object.property.name.startsWith('aws_')) {
      if (object.object.type === 'Identifier' && source.imports.get(object.object.name)?.module === 'aws-cdk-lib') {
        return `${object.property.name.replaceAll('_', '-')}.${property}`;
      }
    }
    const inner = this.cdkName(source, object);
    return inner ? `${inner}.${property}` : undefined;
  }

  /** A `new lambda.Function(...)` or `new NodejsFunction(...)` whose handler module is known. */
  private functionSite(source: SourceFile, node: TSESTree.NewExpression): FunctionSite | undefined {
    const name = this.cdkName(source, node.callee);
    // `new NodejsFunction(this, 'id')` has every property at its default.
    const props = node.arguments[2] ? this.objectProperties(source, node.arguments[2]) : new Map<string, Node>();
    if (!props) return undefined;
    const fresh = (module: string, exportName: string, runtime: () => string | undefined): FunctionSite => ({
      module,
      exportName,
      runtime,
      integrations: new Set(),
      ignored: [],
      unknown: false,
    });
    if (name === 'aws-lambda.Function' || name === 'aws-lambda.SingletonFunction') {
      const handler = this.stringValue(source, props.get('handler'));
      const asset = this.assetFolder(source, props.get('code'));
      const target = handler !== undefined && asset !== undefined ? splitHandler(asset, handler) : undefined;
      if (!target) return undefined;
      return fresh(target.module, target.exportName, () => this.runtimeValue(source, props.get('runtime')));
    }
    if (name === 'aws-lambda-nodejs.NodejsFunction') {
      if (props.has('code')) return undefined;
      const handler = props.has('handler') ? this.stringValue(source, props.get('handler')) : 'handler';
      if (handler === undefined || handler.includes('.')) return undefined;
      let module: string | undefined;
      if (props.has('entry')) {
        const entry = this.pathValue(source, props.get('entry'));
        module = entry === undefined ? undefined : withoutExtension(entry);
      } else {
        // CDK's default: `<stack file>.<id>.ts` (or .js, .mjs ...) beside the file that makes the function.
        const id = this.stringValue(source, node.arguments[1]);
        module = id === undefined ? undefined : `${withoutExtension(source.file)}.${id}`;
      }
      if (module === undefined) return undefined;
      const runtime = props.get('runtime');
      return fresh(module, handler, () => (runtime ? this.runtimeValue(source, runtime) : this.nodejsFunctionDefault()));
    }
    return undefined;
  }

  /**
   * Whether no source of the app can make an HTTP front door: none names API Gateway, a load
   * balancer or a Function URL, every module it imports is the CDK's, `constructs` or Node.js's
   * (a construct library could hide an API), and every source of the app was read.
   */
  private hasNoFrontDoor(): boolean {
    return (
      this.sources.length < MAX_FILES &&
      this.sources.every(
        (source) => !FRONT_DOOR_TEXT.test(source.text) && source.specifiers.every((specifier) => specifier.startsWith('.') || KNOWN_APP_MODULES.test(specifier) || isBuiltin(specifier)),
      )
    );
  }

  /** The triggers of each function, from the constructs and calls that take it. */
  private findTriggers(source: SourceFile): void {
    const lambdaOf = (node: Node | undefined) => (node ? this.functionOf(source, node) : undefined);
    const add = (site: FunctionSite | undefined, integration: Integration | 'other', ignored = false) => {
      if (!site) return;
      site.integrations.add(integration);
      site.ignored.push(ignored);
    };
    for (const node of [...source.news, ...source.calls]) {
      if (node.type === 'NewExpression') {
        const name = this.cdkName(source, node.callee);
        if (name === undefined) continue;
        const args = node.arguments;
        switch (name) {
          case 'aws-apigateway.LambdaRestApi':
            add(lambdaOf(this.objectProperties(source, args[2])?.get('handler')), 'rest');
            continue;
          case 'aws-apigateway.LambdaIntegration': {
            const proxy = this.objectProperties(source, args[1])?.get('proxy');
            add(lambdaOf(args[0]), proxy?.type === 'Literal' && proxy.value === false ? 'other' : 'rest');
            continue;
          }
          case 'aws-lambda-event-sources.ApiEventSource':
            continue;
          case 'aws-apigatewayv2-integrations.HttpLambdaIntegration': {
            const site = lambdaOf(args[1]);
            const version = this.payloadVersion(source, this.objectProperties(source, args[2])?.get('payloadFormatVersion'));
            if (site && version === undefined) site.unknown = true;
            else add(site, version === '1.0' ? 'http-v1' : 'http-v2');
            continue;
          }
          case 'aws-lambda.FunctionUrl':
            add(lambdaOf(this.objectProperties(source, args[2])?.get('function')), 'url');
            continue;
          case 'aws-elasticloadbalancingv2-targets.LambdaTarget': {
            // Which target group turns multi-value headers on is not followed: then the answer's form is not known.
            const site = lambdaOf(args[0]);
            if (site && MULTI_VALUE_HEADERS.test(source.text)) site.unknown = true;
            else add(site, 'alb');
            continue;
          }
          case 'aws-lambda.EventSourceMapping':
            add(lambdaOf(this.objectProperties(source, args[2])?.get('target')), 'other');
            continue;
          default: {
            const ignored = CDK_OTHER_TRIGGERS.get(name);
            // Event sources are given to `addEventSource`, which names the function; targets take it.
            if (ignored !== undefined && !name.startsWith('aws-lambda-event-sources.')) {
              const taken = name === 'aws-stepfunctions-tasks.LambdaInvoke' ? this.objectProperties(source, args[2])?.get('lambdaFunction') : args[0];
              add(lambdaOf(taken), 'other', ignored);
            }
          }
        }
      } else if (node.callee.type === 'MemberExpression' && node.callee.property.type === 'Identifier') {
        const method = node.callee.property.name;
        if (method !== 'addFunctionUrl' && method !== 'addEventSource') continue;
        const site = lambdaOf(node.callee.object);
        if (!site) continue;
        if (method === 'addFunctionUrl') {
          add(site, 'url');
          continue;
        }
        const eventSource = this.valueOf(source, node.arguments[0]);
        const name = eventSource?.type === 'NewExpression' ? this.cdkName(source, eventSource.callee) : undefined;
        if (name === 'aws-lambda-event-sources.ApiEventSource') add(site, 'rest');
        else if (name !== undefined && CDK_OTHER_TRIGGERS.has(name)) add(site, 'other', CDK_OTHER_TRIGGERS.get(name));
        else site.unknown = true;
      }
    }
  }

  /** The function a node names: the construct itself, or the variable or `this.x` that holds it. */
  private functionOf(source: SourceFile, node: Node, depth = 0): FunctionSite | undefined {
    const value = skipTypeWrappers(node);
    const direct = source.sites.get(value);
    if (direct) return direct;
    const holder = holderKey(value);
    if (!holder) return undefined;
    const held = source.holders.get(holder);
    if (held) return held;
    const aliased = source.values.get(holder);
    return aliased && depth < 5 ? this.functionOf(source, aliased, depth + 1) : undefined;
  }

  /** The expression a name stands for, followed through `const` and `this.x` values (a few steps). */
  private valueOf(source: SourceFile, node: Node | undefined, depth = 0): Node | undefined {
    if (!node) return undefined;
    const value = skipTypeWrappers(node);
    const holder = holderKey(value);
    if (holder === undefined || depth > 5) return value;
    const next = source.values.get(holder);
    return next ? this.valueOf(source, next, depth + 1) : value;
  }

  /** The properties of an object literal (spreads of known objects included), by name. */
  private objectProperties(source: SourceFile, node: Node | undefined, depth = 0): Map<string, Node> | undefined {
    const value = this.valueOf(source, node);
    if (value?.type !== 'ObjectExpression' || depth > 5) return undefined;
    const properties = new Map<string, Node>();
    for (const property of value.properties) {
      if (property.type === 'SpreadElement') {
        for (const [name, spread] of this.objectProperties(source, property.argument, depth + 1) ?? []) properties.set(name, spread);
      } else if (!property.computed) {
        properties.set(property.key.type === 'Identifier' ? property.key.name : String(property.key.value), property.value);
      }
    }
    return properties;
  }

  private stringValue(source: SourceFile, node: Node | undefined): string | undefined {
    const value = this.valueOf(source, node);
    if (!value) return undefined;
    if (value.type === 'Literal') return typeof value.value === 'string' ? value.value : undefined;
    if (value.type === 'TemplateLiteral') {
      let text = value.quasis[0]?.value.cooked ?? '';
      for (const [index, expression] of value.expressions.entries()) {
        const part = this.stringValue(source, expression);
        if (part === undefined) return undefined;
        text += part + (value.quasis[index + 1]?.value.cooked ?? '');
      }
      return text;
    }
    if (value.type === 'BinaryExpression' && value.operator === '+') {
      const left = this.stringValue(source, value.left);
      const right = this.stringValue(source, value.right);
      return left === undefined || right === undefined ? undefined : left + right;
    }
    return undefined;
  }

  /** An absolute path: a literal (from the folder holding `cdk.json`), or `path.join` of `__dirname` and literals. */
  private pathValue(source: SourceFile, node: Node | undefined): string | undefined {
    const value = this.valueOf(source, node);
    if (!value) return undefined;
    if (isDirname(source, value)) return path.dirname(source.file);
    if (value.type === 'CallExpression') {
      // `path.join(...)` / `join(...)` and `resolve`; no other call gives a known path.
      const method = pathFunction(source, value.callee);
      if (method !== 'join' && method !== 'resolve') return undefined;
      const parts: string[] = [];
      for (const argument of value.arguments) {
        const part = isDirname(source, skipTypeWrappers(argument)) ? path.dirname(source.file) : this.stringValue(source, argument) ?? this.pathValue(source, argument);
        if (part === undefined) return undefined;
        parts.push(part);
      }
      return path.resolve(this.base, ...parts);
    }
    const text = this.stringValue(source, value);
    return text === undefined ? undefined : path.resolve(this.base, text);
  }

  /** The folder of `Code.fromAsset(folder)` / `new AssetCode(folder)`. */
  private assetFolder(source: SourceFile, node: Node | undefined): string | undefined {
    const value = this.valueOf(source, node);
    if (value?.type === 'CallExpression') {
      const name = this.cdkName(source, value.callee);
      if (name === 'aws-lambda.Code.fromAsset' || name === 'aws-lambda.AssetCode.fromAsset' || name === 'aws-lambda.Code.asset') {
        return this.pathValue(source, value.arguments[0]);
      }
    }
    if (value?.type === 'NewExpression' && this.cdkName(source, value.callee) === 'aws-lambda.AssetCode') {
      return this.pathValue(source, value.arguments[0]);
    }
    return undefined;
  }

  /** `Runtime.NODEJS_22_X`, `Runtime.NODEJS_LATEST` or `new Runtime('nodejs24.x')`. */
  private runtimeValue(source: SourceFile, node: Node | undefined): string | undefined {
    const value = this.valueOf(source, node);
    if (!value) return undefined;
    if (value.type === 'NewExpression' && this.cdkName(source, value.callee) === 'aws-lambda.Runtime') {
      return nodeRuntime(this.stringValue(source, value.arguments[0]));
    }
    const name = this.cdkName(source, value);
    if (name === 'aws-lambda.Runtime.NODEJS_LATEST') return this.latestRuntime();
    const major = name === undefined ? undefined : /^aws-lambda\.Runtime\.NODEJS_(\d+)_X$/u.exec(name)?.[1];
    return major === undefined ? undefined : `nodejs${major}.x`;
  }

  /** `NodejsFunction` without `runtime`: the latest runtime under the feature flag, else CDK's old default. */
  private nodejsFunctionDefault(): string | undefined {
    return this.latestFlag ? this.latestRuntime() : CDK_NODEJS_FUNCTION_DEFAULT_RUNTIME;
  }

  /** What `NODEJS_LATEST` names in the aws-cdk-lib the app installs or accepts; undefined when that varies. */
  private latestRuntime(): string | undefined {
    if (this.latestOnce === undefined) {
      const version = packageVersion('aws-cdk-lib', this.base);
      if (version) this.files.push(version.file);
      const possible = new Set(version ? spansWithin(version.range, CDK_LATEST_SPANS).map((span) => span.runtime) : []);
      this.latestOnce = { runtime: possible.size === 1 ? [...possible][0] : undefined };
    }
    return this.latestOnce.runtime;
  }

  /** `PayloadFormatVersion.VERSION_1_0`, `.VERSION_2_0` or `.custom('1.0')`; '2.0' when unset, undefined when unknown. */
  private payloadVersion(source: SourceFile, node: Node | undefined): string | undefined {
    if (!node) return '2.0';
    const value = this.valueOf(source, node);
    if (!value) return undefined;
    const name = this.cdkName(source, value.type === 'CallExpression' ? value.callee : value) ?? '';
    if (name.endsWith('PayloadFormatVersion.VERSION_1_0')) return '1.0';
    if (name.endsWith('PayloadFormatVersion.VERSION_2_0')) return '2.0';
    if (value.type === 'CallExpression' && name.endsWith('PayloadFormatVersion.custom')) {
      const text = this.stringValue(source, value.arguments[0]);
      return text === '1.0' || text === '2.0' ? text : undefined;
    }
    return undefined;
  }
}

/** The integration of a function from its triggers: one HTTP front door, else `other`, else unknown. */
function integrationOf(site: FunctionSite): Integration | 'other' | undefined {
  const http = [...site.integrations].filter((integration) => integration !== 'other');
  if (http.length > 1 || site.unknown) return undefined;
  if (http.length === 1) return http[0];
  return site.integrations.has('other') ? 'other' : undefined;
}

/** The CDK module a package path names: `aws-cdk-lib/aws-lambda` and `@aws-cdk/aws-lambda` are `aws-lambda`. */
function cdkModule(from: string): string | undefined {
  if (from === 'aws-cdk-lib') return 'aws-cdk-lib';
  const module = /^(?:aws-cdk-lib\/|@aws-cdk\/)(aws-[a-z0-9-]+?)(?:-alpha)?$/u.exec(from)?.[1];
  return module;
}

/** The name a holder of a value has: `fn` or `this.fn`. */
function holderKey(node: Node): string | undefined {
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'MemberExpression' && node.object.type === 'ThisExpression' && !node.computed && node.property.type === 'Identifier') {
    return `this.${node.property.name}`;
  }
  return undefined;
}

/** The variable or property a construct is stored in: `const fn = new ...`, `this.fn = new ...`. */
function holderOf(node: Node): string | undefined {
  let child: Node = node;
  let parent = node.parent;
  while (parent && (parent.type === 'TSAsExpression' || parent.type === 'TSNonNullExpression' || parent.type === 'TSSatisfiesExpression')) {
    child = parent;
    parent = parent.parent;
  }
  if (parent?.type === 'VariableDeclarator' && parent.init === child) return holderKey(parent.id);
  if (parent?.type === 'AssignmentExpression' && parent.right === child) return holderKey(parent.left);
  if (parent?.type === 'PropertyDefinition' && parent.value === child && parent.key.type === 'Identifier') return `this.${parent.key.name}`;
  return undefined;
}

/** `__dirname`, `import.meta.dirname`, or `path.dirname(fileURLToPath(import.meta.url))`. */
function isDirname(source: SourceFile, node: Node): boolean {
  if (node.type === 'Identifier') return node.name === '__dirname';
  if (node.type === 'MemberExpression' && node.object.type === 'MetaProperty' && node.property.type === 'Identifier') {
    return node.property.name === 'dirname';
  }
  if (node.type === 'CallExpression' && pathFunction(source, node.callee) === 'dirname') {
    const argument = node.arguments[0];
    return (
      argument?.type === 'CallExpression' &&
      pathFunction(source, argument.callee) === 'fileURLToPath' &&
      argument.arguments[0]?.type === 'MemberExpression' &&
      argument.arguments[0].object.type === 'MetaProperty'
    );
  }
  return false;
}

/**
 * The function of `path` or `url` a callee is: `path.join` (the module by any local name) and
 * `join` (imported by name, `import { join } from 'path'`) alike.
 */
function pathFunction(source: SourceFile, callee: Node): string | undefined {
  if (callee.type === 'Identifier') {
    const imported = source.pathNames.get(callee.name);
    return imported === '*' || imported === 'default' ? undefined : imported;
  }
  if (callee.type !== 'MemberExpression' || callee.object.type !== 'Identifier' || callee.property.type !== 'Identifier') return undefined;
  const module = source.pathNames.get(callee.object.name);
  return module === '*' || module === 'default' ? callee.property.name : undefined;
}
