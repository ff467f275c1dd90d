#!/usr/bin/env node
// Prints the import cycles between folders of the main process and the preload, so layering stays
// visible: each first-level folder of src-main is one node (a file directly in src-main is a node
// of its own), and src-preload is one node. Every static `import ... from` and `export ... from`
// counts, `import type` included (a type cycle is still a design cycle); dynamic import() does not.
// Tests are left out unless --tests is given (a test may reach across layers on purpose).
//   node scripts/import-cycles.mjs [--tests]   -> exit 1 when any cycle exists
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ROOTS = ['src-main', 'src-preload'];
const withTests = process.argv.includes('--tests');
const SOURCE = /\.(ts|tsx|mts)$/;
const TEST = /\.test\.(ts|tsx|mts)$/;

function listFiles(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full));
    else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts') && (withTests || !TEST.test(entry.name)))
      out.push(full);
  }
  return out;
}

/** Module specifiers of the file's static import and export-from declarations. */
function specifiersOf(file) {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const specs = [];
  for (const statement of source.statements) {
    const spec = (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && statement.moduleSpecifier;
    if (spec && ts.isStringLiteral(spec)) specs.push(spec.text);
  }
  return specs;
}

/** A relative specifier as a file of the graph, the way TypeScript's bundler resolution finds it. */
function resolveSpecifier(fromFile, spec, known) {
  if (!spec.startsWith('.')) return null;
  const base = path.resolve(path.dirname(fromFile), spec);
  const stem = base.replace(/\.(js|mjs)$/, '');
  const candidates = [base, `${stem}.ts`, `${stem}.tsx`, `${stem}.mts`, path.join(base, 'index.ts')];
  return candidates.find((c) => known.has(c)) ?? null;
}

/** The folder node of a file: `src-preload`, `src-main/<folder>`, or `src-main/<file>` at the top. */
function nodeOf(file) {
  const [top, first] = path.relative(root, file).split(path.sep);
  return top === 'src-preload' ? top : `${top}/${first}`;
}

/** Tarjan's strongly connected components; each component of two or more nodes holds a cycle. */
function components(graph) {
  let counter = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const result = [];
  const visit = (v) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
    }
    if (low.get(v) !== index.get(v)) return;
    const component = [];
    let w;
    do {
      w = stack.pop();
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1) result.push(component.sort());
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return result;
}

/** Folder graph: from -> to -> the file imports that make the edge. */
function buildGraph() {
  const files = ROOTS.flatMap((r) => listFiles(path.join(root, r)));
  const known = new Set(files);
  const graph = new Map();
  for (const file of files) {
    const from = nodeOf(file);
    if (!graph.has(from)) graph.set(from, new Map());
    for (const spec of specifiersOf(file)) {
      const target = resolveSpecifier(file, spec, known);
      if (!target) continue;
      const to = nodeOf(target);
      if (to === from) continue;
      const edges = graph.get(from);
      if (!edges.has(to)) edges.set(to, []);
      edges.get(to).push(`${path.relative(root, file)} -> ${path.relative(root, target)}`);
    }
  }
  return graph;
}

const graph = buildGraph();
const cycles = components(graph);
if (cycles.length === 0) {
  console.log(`No import cycles between folders of ${ROOTS.join(' and ')}.`);
  process.exit(0);
}
console.log(`${cycles.length} import cycle(s) between folders of ${ROOTS.join(' and ')}:`);
for (const members of cycles) {
  const inside = new Set(members);
  console.log(`\n  ${members.join(', ')}`);
  for (const from of members) {
    for (const [to, imports] of [...graph.get(from).entries()].sort()) {
      if (!inside.has(to)) continue;
      const more = imports.length > 1 ? ` (+${imports.length - 1} more)` : '';
      console.log(`    ${from} -> ${to}: ${imports[0]}${more}`);
    }
  }
}
process.exit(1);
