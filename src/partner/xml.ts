/** A tiny XML writer: elements with attributes and text, everything escaped. Enough for schedule.xml. */

export interface XmlElement {
  name: string;
  attributes?: Record<string, string | number | null | undefined>;
  children?: (XmlElement | null | undefined)[];
  text?: string | number | null;
}

/** Drops what XML 1.0 cannot carry at all: C0 controls other than tab, LF and CR, lone surrogates, U+FFFE/F. */
function xmlChars(value: string): string {
  let out = '';
  for (const ch of value) {
    const c = ch.codePointAt(0)!;
    const control = c < 0x20 && c !== 0x9 && c !== 0xa && c !== 0xd;
    if (control || (c >= 0xd800 && c <= 0xdfff) || c === 0xfffe || c === 0xffff) continue;
    out += ch;
  }
  return out;
}

export function escapeXml(value: string): string {
  return xmlChars(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#13;');
}

export const el = (
  name: string,
  attributes: XmlElement['attributes'] = {},
  ...content: (XmlElement | string | number | null | undefined)[]
): XmlElement => {
  const [first] = content;
  return content.length === 1 && (typeof first === 'string' || typeof first === 'number')
    ? { name, attributes, text: first }
    : { name, attributes, children: content.filter((c): c is XmlElement => typeof c === 'object' && c !== null) };
};

function write(node: XmlElement, depth: number, out: string[]): void {
  const indent = '  '.repeat(depth);
  const attributes = Object.entries(node.attributes ?? {})
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');
  const children = (node.children ?? []).filter((c): c is XmlElement => Boolean(c));
  if (children.length > 0) {
    out.push(`${indent}<${node.name}${attributes}>`);
    for (const child of children) write(child, depth + 1, out);
    out.push(`${indent}</${node.name}>`);
  } else if (node.text !== undefined && node.text !== null && node.text !== '') {
    out.push(`${indent}<${node.name}${attributes}>${escapeXml(String(node.text))}</${node.name}>`);
  } else {
    out.push(`${indent}<${node.name}${attributes}/>`);
  }
}

/** The document, with its XML declaration, UTF-8. */
export function toXml(root: XmlElement): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  write(root, 0, out);
  return `${out.join('\n')}\n`;
}
