import type { TSESTree } from '@typescript-eslint/utils';
import { AWS_LAMBDA_MODULE } from '../contract/aws-lambda-types.js';

/** The UMD global of `@types/aws-lambda` (`export as namespace AWSLambda`), usable without an import. */
const GLOBAL_NAMESPACE = 'AWSLambda';

/**
 * The names a module binds to `@types/aws-lambda`: `import type { APIGatewayProxyHandler as H }`,
 * `import * as lambda`, `import lambda = require('aws-lambda')`. A type written in the code counts as a
 * Lambda type only through them (or `import('aws-lambda').X`, or the `AWSLambda` global), by the name
 * the package declares it under.
 */
export class LambdaTypeImports {
  // Made on the first import from `aws-lambda`: most modules have none.
  private named: Map<string, string> | undefined;
  private namespaces: Set<string> | undefined;

  /** Records what a top-level statement imports from `aws-lambda`. */
  add(statement: TSESTree.ImportDeclaration | TSESTree.TSImportEqualsDeclaration): void {
    if (statement.type === 'TSImportEqualsDeclaration') {
      const reference = statement.moduleReference;
      if (reference.type === 'TSExternalModuleReference' && reference.expression.value === AWS_LAMBDA_MODULE) {
        (this.namespaces ??= new Set()).add(statement.id.name);
      }
      return;
    }
    if (statement.source.value !== AWS_LAMBDA_MODULE) return;
    for (const specifier of statement.specifiers) {
      if (specifier.type === 'ImportSpecifier') {
        const imported = specifier.imported.type === 'Identifier' ? specifier.imported.name : specifier.imported.value;
        (this.named ??= new Map()).set(specifier.local.name, imported);
      } else {
        (this.namespaces ??= new Set()).add(specifier.local.name);
      }
    }
  }

  /**
   * The `@types/aws-lambda` name an annotation is, as the package names it (`ALBHandler`, and
   * `lambda.ALBHandler`), not one it only contains (`Partial<ALBEvent>`, `ALBEvent | Other`).
   */
  nameOf(node: TSESTree.Node | undefined): string | undefined {
    if (node?.type === 'TSTypeReference') return this.packageName(node.typeName);
    if (node?.type === 'TSImportType' && node.source.value === AWS_LAMBDA_MODULE && node.qualifier?.type === 'Identifier') return node.qualifier.name;
    return undefined;
  }

  /** The `@types/aws-lambda` names an annotation references, type arguments included, as the package names them. */
  namesIn(node: TSESTree.Node | undefined): string[] {
    if (!node) return [];
    switch (node.type) {
      case 'TSTypeReference':
      case 'TSImportType': {
        const own = this.nameOf(node);
        const inner = node.typeArguments?.params.flatMap((param) => this.namesIn(param)) ?? [];
        return own === undefined ? inner : [own, ...inner];
      }
      case 'TSUnionType':
      case 'TSIntersectionType':
        return node.types.flatMap((member) => this.namesIn(member));
      case 'TSTypeParameterInstantiation':
        return node.params.flatMap((param) => this.namesIn(param));
      default:
        return [];
    }
  }

  private packageName(name: TSESTree.EntityName): string | undefined {
    if (name.type === 'Identifier') return this.named?.get(name.name);
    if (
      name.type === 'TSQualifiedName' &&
      name.left.type === 'Identifier' &&
      (name.left.name === GLOBAL_NAMESPACE || this.namespaces?.has(name.left.name) === true)
    ) {
      return name.right.name;
    }
    return undefined;
  }
}
