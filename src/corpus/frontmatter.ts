import { LineCounter, parseDocument, isMap, isScalar, type Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import type { Problem } from './problems.ts';

export interface SplitFile {
  /** The YAML between the `---` fences, or null when the file has none. */
  yaml: string | null;
  /** The body after the front matter. */
  body: string;
  /** Number of lines before the body starts, to turn body lines into file lines. */
  bodyLineOffset: number;
}

const fence = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/u;

export function splitFrontmatter(file: string): SplitFile {
  const match = fence.exec(file);
  if (!match) return { yaml: null, body: file, bodyLineOffset: 0 };
  const head = match[0];
  return { yaml: match[1] ?? '', body: file.slice(head.length), bodyLineOffset: head.split('\n').length - 1 };
}

export type YamlResult<T> =
  | {
      ok: true;
      data: T;
      /** Line of the value at a path such as ['points', 2, 'accounts'], for checks beyond the schema. */
      lineOf: (path: readonly PropertyKey[]) => number;
    }
  | { ok: false; problems: Problem[] };

/**
 * Valid front matter that an earlier build parsed, by the schema's name and
 * the YAML's text: parsing YAML was most of what the glossary's and claims'
 * front matter cost every build (0.35 s for 500 entries and 200 claims).
 * What it gives is the caller's to change.
 */
export interface FrontmatterMemo {
  /** What this YAML gave under this schema, valid; undefined where it is not known. */
  get(schema: string, yaml: string): unknown;
  /** Records what this YAML gave under this schema, valid, as it is now. */
  set(schema: string, yaml: string, data: unknown): void;
}

/**
 * Parses and validates front matter, locating each problem on the line of the
 * offending field (the YAML starts on line 2, after the opening fence). With a
 * `memo`, front matter it knows under the schema's `name` is not parsed again,
 * until a later check asks for the line of a field.
 */
export function parseFrontmatter<S extends z.ZodType>(
  file: string,
  path: string,
  schema: S,
  memo?: { memo: FrontmatterMemo; name: string },
): YamlResult<z.output<S>> {
  const { yaml } = splitFrontmatter(file);
  if (yaml === null) {
    return { ok: false, problems: [{ file: path, line: 1, message: 'missing front matter: the file must start with a `---` fenced YAML block' }] };
  }
  const parse = () => parseYaml(yaml, path, schema, 'front matter', 1);
  const known = memo?.memo.get(memo.name, yaml);
  if (known !== undefined) {
    let parsed: YamlResult<z.output<S>> | undefined;
    const lineOf = (at: readonly PropertyKey[]) => {
      parsed ??= parse();
      return parsed.ok ? parsed.lineOf(at) : 1;
    };
    return { ok: true, data: known as z.output<S>, lineOf };
  }
  const result = parse();
  if (result.ok) memo?.memo.set(memo.name, yaml, result.data);
  return result;
}

/** Parses and validates a YAML text that starts `linesBefore` lines into its file. */
export function parseYaml<S extends z.ZodType>(yaml: string, path: string, schema: S, what: string, linesBefore = 0): YamlResult<z.output<S>> {
  const lineCounter = new LineCounter();
  const document = parseDocument(yaml, { lineCounter, prettyErrors: false });
  const lineOf = (offset: number) => lineCounter.linePos(offset).line + linesBefore;
  if (document.errors.length > 0) {
    return {
      ok: false,
      problems: document.errors.map((error) => ({
        file: path,
        line: lineOf(error.pos[0]),
        message: `${what} is not valid YAML: ${error.message.split('\n')[0]}`,
      })),
    };
  }
  const result = schema.safeParse(document.toJS());
  const lineOfPath = (path: readonly PropertyKey[]) => lineOf((findNode(document.contents, path) ?? document.contents)?.range?.[0] ?? 0);
  if (result.success) return { ok: true, data: result.data, lineOf: lineOfPath };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => {
      const field = issue.path.length > 0 ? ` \`${issue.path.join('.')}\`` : '';
      return { file: path, line: lineOfPath(issue.path), message: `${what}${field}: ${describeIssue(issue)}` };
    }),
  };
}

function findNode(node: YamlNode | null, path: readonly PropertyKey[]): YamlNode | null {
  let current: unknown = node;
  let found: YamlNode | null = node;
  for (const key of path) {
    if (isMap(current)) {
      const pair = current.items.find((item) => isScalar(item.key) && item.key.value === key);
      if (!pair) return found;
      found = (pair.value as YamlNode | null) ?? (pair.key as YamlNode);
      current = pair.value;
    } else if (current && typeof current === 'object' && 'items' in current && typeof key === 'number') {
      const item = (current as { items: YamlNode[] }).items[key];
      if (!item) return found;
      found = item;
      current = item;
    } else {
      return found;
    }
  }
  return found;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `\`${key}\``).join(', ')}`;
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'is required';
  return issue.message;
}
