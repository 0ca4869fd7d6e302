/**
 * An esbuild plugin for Code.js: in the locale tables, `'money.text': (p) => …` becomes the method
 * `'money.text'(p) { return …; }`. With `keepNames` (kept for the execution log's stack traces)
 * esbuild wraps every arrow a property names in a call that carries the name a second time,
 * `o(e=>…,"money.text")`: kilobytes of Code.js for sentence builders no stack trace ever shows.
 * A method has its name from its key, so nothing is wrapped. An arrow that uses `this`,
 * `arguments` or `super` is left as it is (a method would bind its own).
 */
import { readFile } from 'node:fs/promises';
import type * as esbuild from 'esbuild';
import ts from 'typescript';

/** Whether `node` uses what an arrow takes from around it and a method would not: `this`, `arguments`, `super`. */
function usesOuterBinding(node: ts.Node): boolean {
  if (node.kind === ts.SyntaxKind.ThisKeyword || node.kind === ts.SyntaxKind.SuperKeyword) return true;
  if (ts.isIdentifier(node) && node.text === 'arguments') return true;
  // A nested ordinary function has bindings of its own.
  if (ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isMethodDeclaration(node))
    return false;
  return ts.forEachChild(node, usesOuterBinding) === true;
}

function toMethods(source: string, fileName: string): string {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const transformer: ts.TransformerFactory<ts.SourceFile> = (context) => {
    const visit = (node: ts.Node): ts.Node => {
      const visited = ts.visitEachChild(node, visit, context);
      if (!ts.isPropertyAssignment(visited) || !ts.isArrowFunction(visited.initializer)) return visited;
      const arrow = visited.initializer;
      if (arrow.modifiers?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword)) return visited;
      if (usesOuterBinding(arrow.body)) return visited;
      const body = ts.isBlock(arrow.body)
        ? arrow.body
        : ts.factory.createBlock([ts.factory.createReturnStatement(arrow.body)], false);
      return ts.factory.createMethodDeclaration(
        undefined,
        undefined,
        visited.name,
        undefined,
        arrow.typeParameters,
        arrow.parameters,
        arrow.type,
        body,
      );
    };
    return (root) => ts.visitNode(root, visit) as ts.SourceFile;
  };
  const result = ts.transform(file, [transformer]);
  const printed = ts.createPrinter().printFile(result.transformed[0]);
  result.dispose();
  return printed;
}

export function methodTables(filter: RegExp): esbuild.Plugin {
  return {
    name: 'method-tables',
    setup(build) {
      build.onLoad({ filter }, async (args) => ({
        contents: toMethods(await readFile(args.path, 'utf8'), args.path),
        loader: 'ts',
      }));
    },
  };
}
