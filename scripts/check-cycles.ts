/**
 * `npm run lint` step: no import cycles, at two grains.
 *
 * - Between files, type-only imports included: a cycle of types still means two modules that
 *   cannot be read or moved apart (ESLint's import/no-cycle skips type imports, so it would miss it).
 * - Between the folders of lib/ (lib/server/db, lib/server/auth, lib/core/geo, ...; a file directly
 *   in a layer, like lib/server/csp.ts, is a folder of its own): db importing auth while auth
 *   imports db is a cycle between rooms even when no single file closes the loop.
 *
 * Run: tsx scripts/check-cycles.ts (exit code 1 and the cycles on stderr when there are any).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** File (or folder) → what it imports, as paths relative to the project root with `/`. */
export type ImportGraph = Map<string, Set<string>>;

/** The project's own .ts/.tsx files (tsconfig's list) and the project files each one imports. */
export function importGraph(root: string): ImportGraph {
  const configFile = ts.findConfigFile(root, ts.sys.fileExists);
  if (!configFile) throw new Error(`importGraph: no tsconfig.json in ${root}; run from the project root.`);
  const parsed = ts.getParsedCommandLineOfConfigFile(configFile, undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(`importGraph: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    },
  });
  if (!parsed) throw new Error(`importGraph: could not read ${configFile}.`);
  const cache = ts.createModuleResolutionCache(root, (name) => name, parsed.options);
  const own = (file: string) => {
    const rel = path.relative(root, file).split(path.sep).join('/');
    const outside = rel.startsWith('..') || rel.startsWith('.next/') || rel.includes('node_modules/');
    return outside || rel.endsWith('.d.ts') || !/\.tsx?$/.test(rel) ? null : rel;
  };
  const graph: ImportGraph = new Map();
  for (const file of parsed.fileNames) {
    const from = own(file);
    if (!from) continue;
    const edges = new Set<string>();
    const text = ts.sys.readFile(file) ?? '';
    for (const { fileName } of ts.preProcessFile(text, true, true).importedFiles) {
      const resolved = ts.resolveModuleName(fileName, file, parsed.options, ts.sys, cache).resolvedModule;
      const to = resolved && own(resolved.resolvedFileName);
      if (to && to !== from) edges.add(to);
    }
    graph.set(from, edges);
  }
  return graph;
}

/** lib/<layer>/<folder> for a file under lib/ (lib/<layer>/<name> for one directly in a layer), else null. */
export function libFolderOf(file: string): string | null {
  const parts = file.split('/');
  if (parts[0] !== 'lib' || parts.length < 3) return null;
  return parts.slice(0, 3).join('/').replace(/\.tsx?$/, '');
}

/** The graph between lib/ folders: an edge when any file of one imports any file of the other. */
export function libFolderGraph(files: ImportGraph): ImportGraph {
  const graph: ImportGraph = new Map();
  for (const [file, imports] of files) {
    const from = libFolderOf(file);
    if (!from) continue;
    const edges = graph.get(from) ?? new Set<string>();
    graph.set(from, edges);
    for (const target of imports) {
      const to = libFolderOf(target);
      if (to && to !== from) edges.add(to);
    }
  }
  return graph;
}

/** The import cycles, each as a path that starts and ends at the same node. */
export function importCycles(graph: ImportGraph): string[][] {
  // Tarjan's strongly connected components; every component of two or more nodes holds a cycle.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1) components.push(component.sort());
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  // One shortest loop through each member, so a tangle of three folders shows every pair involved.
  const loops = new Map<string, string[]>();
  for (const component of components) {
    for (const start of component) {
      const loop = shortestLoop(graph, component, start);
      const key = [...new Set(loop)].sort().join('\n');
      if (!loops.has(key)) loops.set(key, loop);
    }
  }
  return [...loops.values()].sort((a, b) => a.join(' ').localeCompare(b.join(' ')));
}

/** The shortest path from `start` back to itself, staying inside its strongly connected component. */
function shortestLoop(graph: ImportGraph, component: string[], start: string): string[] {
  const inside = new Set(component);
  const cameFrom = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i]!;
    for (const next of [...(graph.get(node) ?? [])].sort()) {
      if (!inside.has(next)) continue;
      if (next === start) {
        const loop = [start];
        for (let at: string | undefined = node; at !== undefined && at !== start; at = cameFrom.get(at)) loop.splice(1, 0, at);
        return [...loop, start];
      }
      if (!cameFrom.has(next)) {
        cameFrom.set(next, node);
        queue.push(next);
      }
    }
  }
  return [...component, start];
}

function main() {
  const files = importGraph(process.cwd());
  const found = [
    ...importCycles(files).map((loop) => `files:   ${loop.join(' → ')}`),
    ...importCycles(libFolderGraph(files)).map((loop) => `folders: ${loop.join(' → ')}`),
  ];
  if (found.length === 0) {
    console.log(`check-cycles: no import cycles among ${files.size} files.`);
    return;
  }
  console.error(`check-cycles: ${found.length} import cycle(s); break each by moving what both sides need to one side:`);
  for (const line of found) console.error(`  ${line}`);
  process.exitCode = 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
