/**
 * The administrator's guide (`resources/help/*.md`) as passages: each `##` section of a page is
 * one passage, cited as `guide:<page>#<section>`, titled with its heading and its page's. The
 * README is about the guide, not part of it.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface GuidePassage {
  ref: string;
  /** The section's heading (the page's title would add the same words to every section of it). */
  title: string;
  /** The page's title, for showing where the passage is. */
  page: string;
  body: string;
}

export interface Guide {
  passages: GuidePassage[];
  /** Of every page's name and text: a changed guide is indexed again. */
  digest: string;
}

/** `resources/help` beside the sources (the repository when run from source or a build in out/). */
export function defaultGuideDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.resolve(here, '../../../resources/help'), path.resolve(here, '../../resources/help')];
  return candidates.find((dir) => fs.existsSync(dir)) ?? path.resolve('resources', 'help');
}

export const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);

/** One page's sections. Text before the first `##` (the page's intro) is not a passage. */
export function parsePage(name: string, text: string): GuidePassage[] {
  const page = /^#\s+(.+)$/m.exec(text)?.[1]?.trim() ?? name;
  const passages: GuidePassage[] = [];
  const sections = text.split(/^##\s+/m).slice(1);
  for (const section of sections) {
    const newline = section.indexOf('\n');
    const heading = (newline === -1 ? section : section.slice(0, newline)).trim();
    const body = (newline === -1 ? '' : section.slice(newline + 1)).replace(/\s+/g, ' ').trim();
    if (!heading || !body) continue;
    passages.push({ ref: `guide:${name}#${slug(heading)}`, title: heading, page, body });
  }
  return passages;
}

export function loadGuide(dir: string): Guide {
  const hash = createHash('sha256');
  const passages: GuidePassage[] = [];
  const files = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.md') && f.toLowerCase() !== 'readme.md')
        .sort()
    : [];
  for (const file of files) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    hash.update(`${file}\n${text}\n`);
    passages.push(...parsePage(file.replace(/\.md$/, ''), text));
  }
  return { passages, digest: hash.digest('hex') };
}
