/**
 * The English names of the objects of the report JSON: the JSON Schema's
 * `$defs` names, and so the type names code generators give them.
 *
 * A row of cells is named by its block's `shape` (or its own, for a 总计
 * row); a table or a group of rows by its key, `outcomes` → `Outcomes`,
 * with the edition appended where the editions' objects of that name differ
 * (`Outcomes2021`, `Outcomes2019`).
 *
 * @module
 */
import { EDITION_KEYS, layoutOf, type ObjectNode } from '../format/layout.js';
import type { Edition } from '../format/types.js';

/** A row's shape name from the metadata, or `undefined` for a table or a group of rows. */
function rowShape(node: ObjectNode): string | undefined {
  const [first] = node.children;
  if (first?.type !== 'cell') return undefined;
  const name = first.cell.rows.at(-1)?.shape ?? first.cell.block.shape;
  if (name === undefined) throw new Error(`the metadata names no shape for the row ${node.pointer}`);
  return name;
}

/** What a table or group holds, key by key: two objects with one signature are alike. */
function signature(node: ObjectNode): string {
  return JSON.stringify(
    node.children.map((child) => (child.type === 'cell' ? [child.key, child.cell.kind, child.cell.derived] : [child.key, child.optional, signature(child)])),
  );
}

function objectsOf(edition: Edition): ObjectNode[] {
  const objects: ObjectNode[] = [];
  layoutOf(edition).objectAt.forEach((node) => objects.push(node));
  return objects;
}

const pascal = (key: string) => key.charAt(0).toUpperCase() + key.slice(1);

/**
 * The English name of every table and row object of an edition's report
 * JSON. Rows of one shape share a name.
 */
export function shapeNames(edition: Edition): ReadonlyMap<ObjectNode, string> {
  // The signatures each group name has in any edition: more than one, and the name takes its edition.
  const signatures = new Map<string, Set<string>>();
  for (const node of EDITION_KEYS.flatMap(objectsOf)) {
    if (rowShape(node) !== undefined) continue;
    const name = pascal(node.key);
    signatures.set(name, (signatures.get(name) ?? new Set()).add(signature(node)));
  }
  return new Map(
    objectsOf(edition).map((node) => {
      const name = pascal(node.key);
      return [node, rowShape(node) ?? (signatures.get(name)!.size > 1 ? `${name}${edition}` : name)];
    }),
  );
}
