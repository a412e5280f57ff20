import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** The repository's root, where `@/` points (tsconfig.json's paths). */
export const ROOT = path.resolve(import.meta.dirname, '../..');

/** What a module imports: `import`, `export ... from` and `import()`, and whether only types come. */
export type ModuleImport = { specifier: string; typeOnly: boolean };

export function importsOf(file: string): ModuleImport[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: ModuleImport[] = [];
  const visit = (node: ts.Node) => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      const typeOnly = ts.isImportDeclaration(node)
        ? Boolean(node.importClause?.isTypeOnly)
        : node.isTypeOnly;
      found.push({ specifier: node.moduleSpecifier.text, typeOnly });
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      found.push({ specifier: node.arguments[0].text, typeOnly: false });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The path a relative or `@/` specifier points at, as written (no extension); undefined for a package. */
export function pointsAt(file: string, specifier: string): string | undefined {
  if (specifier.startsWith('@/')) return path.join(ROOT, specifier.slice(2));
  if (specifier.startsWith('.')) return path.resolve(path.dirname(file), specifier);
  return undefined;
}

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.mjs', '/index.ts'];

/** The source file a local specifier loads, the way the bundler resolves it. */
export function resolveModule(target: string): string {
  const file = [target, ...EXTENSIONS.map((extension) => target + extension)].find(
    (candidate) => fs.existsSync(candidate) && fs.statSync(candidate).isFile(),
  );
  if (!file) throw new Error(`No module at ${path.relative(ROOT, target)}`);
  return file;
}

/** The source files of a folder, tests included. */
export function sourceFiles(folder: string): string[] {
  return fs
    .readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(ts|tsx|mts|mjs)$/.test(name))
    .map((name) => path.join(folder, name));
}

/** The packages a module loads at run time, through every local module it loads (type imports vanish). */
export function packagesLoadedBy(entry: string): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const { specifier, typeOnly } of importsOf(file)) {
      if (typeOnly) continue;
      const target = pointsAt(file, specifier);
      if (target) visit(resolveModule(target));
      else packages.add(specifier);
    }
  };
  visit(entry);
  return packages;
}
