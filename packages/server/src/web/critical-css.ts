/**
 * The rules of a stylesheet that can style a page's markup (its "critical
 * CSS"), to put in the page itself so it is painted without waiting for the
 * stylesheet (web-app.ts). A rule is kept when every class its selector names
 * appears on some element of the markup; at-rules that hold rules (@media,
 * @supports, @layer, @container) keep what they hold that is kept; other
 * at-rules (@keyframes, @font-face, @layer and @import statements) are kept
 * whole. It errs on the side of dropping a rule (a class named only inside
 * :not() counts as needed): the full stylesheet still follows in the page.
 *
 * Written for the minified CSS Vite builds (no comments; braces only as
 * block delimiters); not a general CSS parser.
 */
export function criticalCss(css: string, html: string): string {
  const classes = new Set<string>();
  for (const [, list = ''] of html.matchAll(/\bclass="([^"]*)"/g)) for (const name of list.split(/\s+/)) if (name) classes.add(name);
  return keptRules(css, classes);
}

const GROUPING_AT_RULES = /^@(media|supports|layer|container)\b/;

function keptRules(css: string, classes: Set<string>): string {
  let kept = '';
  let at = 0;
  while (at < css.length) {
    const open = css.indexOf('{', at);
    const semicolon = css.indexOf(';', at);
    // A statement before the next block: @layer a, b; or @import ...;
    if (semicolon >= 0 && (open < 0 || semicolon < open)) {
      const statement = css.slice(at, semicolon + 1).trim();
      if (statement.startsWith('@')) kept += statement;
      at = semicolon + 1;
      continue;
    }
    if (open < 0) break;
    let depth = 1;
    let close = open + 1;
    for (; close < css.length && depth > 0; close++) {
      if (css[close] === '{') depth++;
      else if (css[close] === '}') depth--;
    }
    const prelude = css.slice(at, open).trim();
    const body = css.slice(open + 1, close - 1);
    if (GROUPING_AT_RULES.test(prelude)) {
      const inner = keptRules(body, classes);
      if (inner) kept += `${prelude}{${inner}}`;
    } else if (prelude.startsWith('@') || selectorApplies(prelude, classes)) {
      kept += `${prelude}{${body}}`;
    }
    at = close;
  }
  return kept;
}

/** Whether one selector of the list names only classes the markup has (commas inside parentheses do not split it). */
function selectorApplies(selectors: string, classes: Set<string>): boolean {
  const list: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < selectors.length; i++) {
    if (selectors[i] === '(') depth++;
    else if (selectors[i] === ')') depth--;
    else if (selectors[i] === ',' && depth === 0) {
      list.push(selectors.slice(start, i));
      start = i + 1;
    }
  }
  list.push(selectors.slice(start));
  return list.some((selector) => [...selector.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].every(([, name = '']) => classes.has(name)));
}
