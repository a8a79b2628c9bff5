import { expect, test } from '@playwright/test';
import { loadCorpus } from '../../src/integrations/load-corpus.ts';

const { model } = await loadCorpus(process.cwd());
const mentions = model.documents.reduce((sum, document) => sum + document.blocks.reduce((count, block) => count + block.mentions.length, 0), 0);
const notes = model.documents.reduce((sum, document) => sum + document.noteCount, 0);

test('the site publishes every mention and note as a Web Annotation', async ({ request }) => {
  const response = await request.get('/annotations.jsonld');
  expect(response.ok()).toBe(true);
  const collection = await response.json();
  expect(collection['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
  expect(collection.type).toBe('AnnotationCollection');
  expect(collection.total).toBe(mentions + notes);
  expect(collection.first.items).toHaveLength(mentions + notes);
});

test('the site publishes the corpus as JSON, with every permanent anchor', async ({ request }) => {
  const corpus = await (await request.get('/corpus.json')).json();
  const anchors = corpus.documents.flatMap((document: { paragraphs: { anchor: string }[] }) => document.paragraphs.map((paragraph) => paragraph.anchor));
  expect(anchors).toEqual(model.anchors);
  expect(corpus.glossary).toHaveLength(model.entries.length);
});
