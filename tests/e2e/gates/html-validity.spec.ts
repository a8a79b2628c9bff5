import { readFileSync } from 'node:fs';
import { HtmlValidate } from 'html-validate';
import config from '../../../.htmlvalidate.mjs';
import { expect, test } from '../site.ts';

const validator = new HtmlValidate(config);

async function errors(html: string, file: string): Promise<string[]> {
  const report = await validator.validateString(html, file);
  return report.results.flatMap((result) =>
    result.messages.map((message) => `${file}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`),
  );
}

test('every built page is valid HTML', async ({ site }) => {
  const found: string[] = [];
  for (const path of site.pages()) found.push(...(await errors(site.html(path), site.file(path))));
  expect(found).toEqual([]);
});

test('the gate fails on invalid HTML', async ({ site }) => {
  test.skip(site.name !== 'fixture', 'a proof of the gate itself, made once');
  const found = (await errors(readFileSync('tests/fixtures/gates/invalid.html', 'utf8'), 'invalid.html')).map((line) => line.split(' ')[1]);
  expect(found).toEqual(expect.arrayContaining(['close-order:', 'no-dup-id:', 'element-permitted-content:']));
});
