/** A tiny, strict XML parser for structure tests: elements, attributes, text; throws when ill-formed. */

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(Number.parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)));
    const value = ENTITIES[entity];
    if (value === undefined) throw new Error(`Unknown entity ${whole}`);
    return value;
  });
}

export function parseXml(source: string): XmlElement {
  let pos = 0;
  const fail = (why: string): never => {
    const line = source.slice(0, pos).split('\n').length;
    throw new Error(`Ill-formed XML at line ${line}: ${why}`);
  };
  const skipMisc = () => {
    for (;;) {
      const rest = source.slice(pos);
      const ws = /^\s+/.exec(rest);
      if (ws) {
        pos += ws[0].length;
        continue;
      }
      if (rest.startsWith('<?')) {
        const end = source.indexOf('?>', pos);
        if (end < 0) fail('unterminated declaration');
        pos = end + 2;
        continue;
      }
      if (rest.startsWith('<!--')) {
        const end = source.indexOf('-->', pos);
        if (end < 0) fail('unterminated comment');
        pos = end + 3;
        continue;
      }
      return;
    }
  };

  const element = (): XmlElement => {
    const open = /^<([A-Za-z_][\w.:-]*)/.exec(source.slice(pos));
    if (!open) return fail('element expected');
    pos += open[0].length;
    const node: XmlElement = { name: open[1], attrs: {}, children: [], text: '' };
    for (;;) {
      const attr = /^\s+([A-Za-z_][\w.:-]*)\s*=\s*("([^"<]*)"|'([^'<]*)')/.exec(source.slice(pos));
      if (attr) {
        if (attr[1] in node.attrs) fail(`duplicate attribute ${attr[1]}`);
        node.attrs[attr[1]] = decode(attr[3] ?? attr[4] ?? '');
        pos += attr[0].length;
        continue;
      }
      const end = /^\s*(\/?)>/.exec(source.slice(pos));
      if (!end) return fail(`bad attribute or tag end in <${node.name}>`);
      pos += end[0].length;
      if (end[1] === '/') return node;
      break;
    }
    for (;;) {
      const next = source.indexOf('<', pos);
      if (next < 0) fail(`<${node.name}> is never closed`);
      node.text += decode(source.slice(pos, next));
      pos = next;
      if (source.startsWith('<!--', pos)) {
        const end = source.indexOf('-->', pos);
        if (end < 0) fail('unterminated comment');
        pos = end + 3;
        continue;
      }
      if (source.startsWith('</', pos)) {
        const close = /^<\/([A-Za-z_][\w.:-]*)\s*>/.exec(source.slice(pos));
        if (!close || close[1] !== node.name) fail(`</${close?.[1]}> closes <${node.name}>`);
        pos += close![0].length;
        node.text = node.text.trim();
        return node;
      }
      node.children.push(element());
    }
  };

  skipMisc();
  const root = element();
  skipMisc();
  if (pos !== source.length) fail('content after the root element');
  return root;
}

/** Every element of the tree, depth first. */
export function allElements(root: XmlElement): XmlElement[] {
  return [root, ...root.children.flatMap(allElements)];
}

/** The first child named `name` (throws when absent, for readable test failures). */
export function child(node: XmlElement, name: string): XmlElement {
  const found = node.children.find((c) => c.name === name);
  if (!found) throw new Error(`<${node.name}> has no <${name}>`);
  return found;
}
