import { z } from 'zod';

/** Ids of glossary entries and slugs of documents: they become permanent URLs. */
export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u;

/**
 * Front matter of a corpus page: what a citation of the original article needs,
 * and which verbatim source the page edits.
 */
export const documentSchema = z
  .object({
    title: z.string().min(1).describe('the headline as the source gives it'),
    publisher: z.string().min(1).describe('the outlet that published the article'),
    authors: z.array(z.string().min(1)).default([]),
    published: z.iso.date().describe('publication date, YYYY-MM-DD'),
    dateNote: z.string().min(1).optional().describe('how the date was established where the source leaves it implicit'),
    url: z.url().optional().describe('the original article'),
    receivedFrom: z.url().optional().describe('the copy the source text was taken from, where that is not the original'),
    receivedFromPublisher: z.string().min(1).optional().describe('who published the copy at receivedFrom, such as "Nejat Society"'),
    comparedWithOriginal: z.string().min(1).optional().describe('for a copy: whether the editors compared it with the original article, and what they found'),
    language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/u, 'a BCP 47 language tag such as "en"'),
    source: z.string().regex(/^[a-z0-9-]+\.txt$/u, 'a file name in content/sources/, such as "my-article.txt"'),
    sha256: z.string().regex(/^[0-9a-f]{64}$/u, 'the 64-digit lower-case hex SHA-256 of the source file'),
    draft: z.literal(true).optional().describe('a page not yet reviewed: production builds leave it out; remove the line to publish'),
    review: z.array(z.string().min(1)).optional().describe("what the editor must still check before publishing, one item each (ingest's review list)"),
  })
  .strict()
  .superRefine((meta, context) => {
    if (!meta.draft && meta.review && meta.review.length > 0) {
      context.addIssue({
        code: 'custom',
        path: ['review'],
        message: `${meta.review.length === 1 ? '1 review item remains' : `${meta.review.length} review items remain`} open: check each and delete it from the list (or the whole review field) before publishing, or keep draft: true`,
      });
    }
    // A reader must be told whose copy they are reading, and whether it was checked against the original.
    if (!meta.receivedFrom) return;
    if (!meta.receivedFromPublisher) {
      context.addIssue({ code: 'custom', path: ['receivedFrom'], message: 'a copy needs receivedFromPublisher: who published it (the site at receivedFrom)' });
    }
    if (!meta.comparedWithOriginal) {
      context.addIssue({
        code: 'custom',
        path: ['receivedFrom'],
        message: 'a copy needs comparedWithOriginal: whether the text was compared with the original article, and what was found',
      });
    }
  });

export type DocumentMeta = z.infer<typeof documentSchema>;

/** What a production build reads of a draft it leaves out: its open review items. */
export const draftSchema = z.object({ review: z.array(z.string()).default([]) });

export const entryTypes = ['person', 'organisation', 'institution', 'place', 'event', 'agreement', 'publication'] as const;
export type EntryType = (typeof entryTypes)[number];

/**
 * A day, a month or a year (`2023-06-20`, `2022-09`, `1979`), as precise as
 * the sources allow. YAML reads a bare year as a number and some parsers read
 * a day as a date: both come back as the text written.
 */
export const partialDate = z
  .union([z.string(), z.number().int(), z.date()])
  .transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value)))
  .pipe(
    z
      .string()
      .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/u, 'a day, month or year: YYYY-MM-DD, YYYY-MM or YYYY')
      .refine((text) => text.length < 10 || new Date(`${text}T00:00:00Z`).toISOString().startsWith(text), 'a day that exists, such as 2023-02-28'),
  );

/** When an event happened or an agreement was made, for the timeline. */
const entryWhen = z
  .object({
    start: partialDate.describe('the day, month or year it happened or began'),
    end: partialDate.optional().describe('for a period: the day, month or year it ended'),
    note: z.string().min(1).optional().describe('where the sources differ on the date: how; the timeline says so'),
    resolved: z
      .array(
        z
          .object({
            document: z.string().regex(slugPattern, 'a document slug'),
            paragraph: z.number().int().positive(),
            says: z.string().min(1).describe('the relative words of the paragraph, such as "yesterday"'),
            note: z.string().min(1).describe("the label of the editors' note on that paragraph that resolves them, such as yesterday for [^yesterday]"),
          })
          .strict(),
      )
      .default([])
      .describe('paragraphs that date it only relatively ("yesterday", "on Tuesday") and the editors\' notes that resolve them'),
  })
  .strict()
  .refine(({ start, end }) => end === undefined || end.slice(0, start.length) >= start.slice(0, end.length), {
    message: 'end comes before start',
    path: ['end'],
  });

/** Where a place is, and who says so. */
const entryCoordinates = z
  .object({
    lat: z.number().min(-90).max(90).describe('latitude in decimal degrees, north positive'),
    lon: z.number().min(-180).max(180).describe('longitude in decimal degrees, east positive'),
    source: z.string().min(1).describe('the retrieved page or dataset that gives them'),
  })
  .strict();

/** Front matter of a glossary entry. */
export const entrySchema = z
  .object({
    name: z.string().min(1),
    type: z.enum(entryTypes),
    aliases: z.array(z.string().min(1)).default([]),
    context: z
      .array(z.string().regex(slugPattern, 'a glossary entry id such as "mek"'))
      .default([])
      .describe(
        'entries whose naming in a document makes its lower-case aliases (descriptions such as "the compound") refer to this entry; naming the entry itself always does',
      ),
    summary: z.string().min(1).describe('one or two neutral sentences'),
    role: z.string().min(1).optional().describe('for people: their role at the time of the sources'),
    wikidata: z
      .string()
      .regex(/^Q[1-9][0-9]*$/u, 'a Wikidata item id such as "Q42"')
      .optional(),
    wikipedia: z.url().optional(),
    when: entryWhen.optional().describe('for events and agreements: when, for the timeline'),
    coordinates: entryCoordinates.optional().describe('for places: where, for the map'),
  })
  .strict()
  .superRefine((meta, context) => {
    if (meta.when && meta.type !== 'event' && meta.type !== 'agreement') {
      context.addIssue({ code: 'custom', path: ['when'], message: `when dates events and agreements, and this entry's type is ${meta.type}: remove when` });
    }
    if (meta.coordinates && meta.type !== 'place') {
      context.addIssue({
        code: 'custom',
        path: ['coordinates'],
        message: `coordinates locate places, and this entry's type is ${meta.type}: remove coordinates`,
      });
    }
  });

export type EntryMeta = z.infer<typeof entrySchema>;

const paragraphNumbers = z.array(z.number().int().positive()).describe('¶ numbers of the document that make the point');

/** A point-by-point comparison of how several documents tell the same events. */
export const comparisonSchema = z
  .object({
    title: z.string().min(1),
    summary: z.string().min(1),
    documents: z.array(z.string().min(1)).min(2).describe('slugs of the documents compared, in column order'),
    points: z
      .array(
        z
          .object({
            topic: z.string().min(1),
            verdict: z.enum(['agree', 'differ', 'only-one']).describe('whether the documents agree, differ, or only one speaks'),
            summary: z.string().min(1).describe("the editors' neutral reading of the point"),
            accounts: z.record(z.string(), z.object({ says: z.string().min(1), paragraphs: paragraphNumbers.default([]) }).strict()),
            claims: z.array(z.string().regex(slugPattern, 'a claim id')).optional().describe('the claims of the register (content/claims) this point concerns'),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

export type Comparison = z.infer<typeof comparisonSchema>;

const correctionBase = {
  date: z.iso.date().describe('the day the change was published, YYYY-MM-DD'),
  target: z
    .string()
    .min(1)
    .describe(
      'the editorial text changed: documents/<slug>#note-<label>, documents/<slug>#metadata, glossary/<id>, glossary/<id>#when, glossary/<id>#coordinates, comparisons/<id>#point-<n>',
    ),
  replaces: z
    .string({ error: 'quote the hash, as in replaces: "24754559": unquoted digits are a number to YAML' })
    .regex(/^[0-9a-f]{8,64}$/u, 'the first 8 hex digits of the published hash the build quoted')
    .optional()
    .describe('the published version this record replaces, as content/editorial.lock.json holds it; omitted for an addition, such as a new note'),
  what: z.string().min(1).describe('what changed, in a sentence a reader understands'),
};

/**
 * A change to published editorial text (content/corrections.yaml). A
 * correction fixes what was wrong, a clarification adds what was missing;
 * both say why and keep the wording they replace (an addition, such as a new
 * note on a published document, replaces nothing). A typo needs one line.
 */
export const correctionSchema = z.discriminatedUnion('kind', [
  z.object({ ...correctionBase, kind: z.literal('typo') }).strict(),
  z
    .object({
      ...correctionBase,
      kind: z.enum(['correction', 'clarification']),
      why: z.string().min(1).describe('why, and on what evidence'),
      before: z.string().min(1).optional().describe('the wording as published; omitted only for an addition'),
    })
    .strict()
    .refine((record) => record.replaces === undefined || record.before !== undefined, {
      message: 'a correction or clarification of published text keeps the wording it replaces: add before',
      path: ['before'],
    }),
]);

export const correctionsSchema = z.array(correctionSchema);

export type CorrectionRecord = z.infer<typeof correctionSchema>;

const entryId = z.string().regex(slugPattern, 'a glossary entry id such as "ncri"');

/** How one claim responds to another. */
export const claimRelations = ['denies', 'contradicts', 'qualifies', 'supports'] as const;
export type ClaimRelation = (typeof claimRelations)[number];

/**
 * What the evidence shows of a claim, never a verdict of the editors' own:
 * unverified (no evidence either way has been found), disputed (another party
 * denies or contradicts it), corroborated (independent sources report it
 * too), contradicted (evidence from a named source goes against it).
 */
export const claimStatuses = ['unverified', 'disputed', 'corroborated', 'contradicted'] as const;
export type ClaimStatus = (typeof claimStatuses)[number];

/** Front matter of a claim (content/claims/<id>.md); its body holds sourced notes, as a glossary entry's does. */
export const claimSchema = z
  .object({
    statement: z.string().min(1).describe('the claim, stated neutrally, as its claimant makes it'),
    claimant: entryId.describe('the glossary entry (a person, institution, organisation or publication) that makes the claim'),
    date: z.iso.date().optional().describe('when the claim was first made, where known'),
    about: z.array(entryId).default([]).describe('glossary entries the claim concerns'),
    status: z
      .object({
        kind: z.enum(claimStatuses),
        label: z.string().min(1).describe('what the evidence shows and whose it is: "Disputed by the Interior Ministry"'),
      })
      .strict(),
    appearances: z
      .array(
        z
          .object({
            document: z.string().regex(slugPattern, 'a document slug'),
            paragraph: z.number().int().positive(),
            quote: z.string().min(1).describe('the exact words of the paragraph that report the claim'),
          })
          .strict(),
      )
      .min(1),
    responses: z
      .array(z.object({ claim: z.string().regex(slugPattern, 'a claim id'), relation: z.enum(claimRelations) }).strict())
      .default([])
      .describe('other claims that respond to this one, and how'),
    review: z
      .object({
        by: entryId.describe('who evaluated the claim: never the editors themselves'),
        date: z.iso.date(),
        rating: z.string().min(1).describe('their conclusion, in their words'),
        evidence: z.string().min(1).describe('where they published it'),
      })
      .strict()
      .optional()
      .describe('an evaluation of the claim by a named party, with its evidence'),
  })
  .strict();

export type ClaimMeta = z.infer<typeof claimSchema>;
