import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Every export of every entry point carries TSDoc with an @example.
const ENTRIES = ['src/index.ts', 'src/zod.ts', 'src/render.ts', 'src/parse.ts'];

function exportsWithoutExample(entry: string): string[] {
  const program = ts.createProgram([entry], { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, strict: true });
  const checker = program.getTypeChecker();
  const module = checker.getSymbolAtLocation(program.getSourceFile(entry)!)!;
  return checker
    .getExportsOfModule(module)
    .filter((exported) => {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      return !(symbol.declarations ?? []).some((d) => ts.getJSDocTags(d).some((tag) => tag.tagName.text === 'example'));
    })
    .map((s) => s.name);
}

describe('API documentation', () => {
  it.each(ENTRIES)('every export of %s has an @example', (entry) => {
    expect(exportsWithoutExample(entry)).toEqual([]);
  });
});
