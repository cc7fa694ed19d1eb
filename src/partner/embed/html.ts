import type { Attributes, Child } from './agenda-renderer.js';

/** HTML text and attribute values, escaped. Everything the embed page prints from data goes through this. */
export function escapeHtml(value: string | number): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** JSON for a <script> data block: `<`, `>` and `&` as \u escapes, so no content can close the element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Markup already written as HTML, as opposed to text that still needs escaping. */
export class Html {
  constructor(readonly html: string) {}
}

/** The agenda renderer's element builder on the server: HTML text, every attribute value and text child escaped. */
export function htmlElement(tag: string, attributes: Attributes | null, ...children: Child<Html>[]): Html {
  const attrs = Object.entries(attributes ?? {})
    .filter((entry): entry is [string, string] => entry[1] !== null && entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
    .join('');
  const content = children
    .map((child) => (child instanceof Html ? child.html : child ? escapeHtml(child) : ''))
    .join('');
  return new Html(`<${tag}${attrs}>${content}</${tag}>`);
}
