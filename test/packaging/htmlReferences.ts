/** What a built index.html loads, and the Content-Security-Policy it declares. */

export function findHtmlReferences(html: string): string[] {
  const references: string[] = [];
  const tags = html.matchAll(/<(script|link|img|source|audio|video)\b[^>]*>/gi);
  for (const [tag] of tags) {
    for (const match of tag.matchAll(/\b(src|href)\s*=\s*["']([^"']+)["']/gi)) {
      references.push(match[2]);
    }
  }
  return references;
}

/** url(...) targets in a stylesheet, without data: URIs. */
export function findCssUrls(css: string): string[] {
  return [...css.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)]
    .map((match) => match[1])
    .filter((url) => !url.startsWith('data:') && !url.startsWith('#'));
}

/** Directive name → its sources, from `<meta http-equiv="Content-Security-Policy" content=…>`. */
export function readCspMeta(html: string): Map<string, string[]> | null {
  const meta = [...html.matchAll(/<meta\b[^>]*>/gi)]
    .map(([tag]) => tag)
    .find((tag) => /http-equiv\s*=\s*["']Content-Security-Policy["']/i.test(tag));
  const content = meta && /\bcontent\s*=\s*"([^"]*)"/i.exec(meta)?.[1];
  if (!content) return null;
  const directives = new Map<string, string[]>();
  for (const directive of content.split(';')) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}
