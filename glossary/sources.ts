// The pages the glossary's definitions and outside aliases were checked against, named once so entries can cite
// them. The four NIH texts are in the project's shared corpus (public domain); the others were read in stored copies
// of the pages (glossary/SOURCE.md says what the definitions were checked against; each entry in
// glossary/entries.ts names its pages in `sources`, and glossary/check-entries.ts checks them at build time).

import type { SourceRef } from './types.ts';

export const NHLBI_RLS: SourceRef = {
  name: 'NHLBI',
  title: 'Restless Legs Syndrome (NIH National Heart, Lung, and Blood Institute)',
  url: 'http://www.nhlbi.nih.gov/health/health-topics/topics/rls',
};
export const NHLBI_IDA: SourceRef = {
  name: 'NHLBI',
  title: 'Iron-Deficiency Anemia (NIH National Heart, Lung, and Blood Institute)',
  url: 'http://www.nhlbi.nih.gov/health-topics/topics/ida',
};
export const MEDLINEPLUS_RLS: SourceRef = {
  name: 'MedlinePlus',
  title: 'Restless Legs',
  url: 'https://medlineplus.gov/restlesslegs.html',
};
export const GENETICS_RLS: SourceRef = {
  name: 'MedlinePlus Genetics',
  title: 'Restless legs syndrome',
  url: 'https://ghr.nlm.nih.gov/condition/restless-legs-syndrome',
};
export const NHS_RLS: SourceRef = {
  name: 'NHS',
  title: 'Restless legs syndrome (NHS 111 Wales encyclopaedia)',
  url: 'https://111.wales.nhs.uk/encyclopaedia/r/article/restlesslegsyndrome/',
};
export const NHS_IDA: SourceRef = {
  name: 'NHS',
  title: 'Anaemia, iron deficiency (NHS Direct Wales encyclopaedia)',
  url: 'http://www.nhsdirect.wales.nhs.uk/encyclopaedia/a/article/anaemia,irondeficiency',
};
export const MEDLINEPLUS_ESRD: SourceRef = {
  name: 'MedlinePlus',
  title: 'End-stage renal disease (Medical Encyclopedia)',
  url: 'https://medlineplus.gov/ency/article/000500.htm',
};
export const MEDLINEPLUS_ACUTE_KIDNEY_FAILURE: SourceRef = {
  name: 'MedlinePlus',
  title: 'Acute kidney failure (Medical Encyclopedia)',
  url: 'https://medlineplus.gov/ency/article/000501.htm',
};
export const NICE_ESRF: SourceRef = {
  name: 'NICE',
  title: 'TA165, Clinical need and practice: end-stage renal disease, or established renal failure',
  url: 'https://www.nice.org.uk/guidance/ta165/chapter/2-clinical-need-and-practice',
};
export const MESH_KIDNEY_FAILURE_CHRONIC: SourceRef = {
  name: 'MeSH',
  title: 'Kidney Failure, Chronic (entry terms)',
  url: 'https://meshb.nlm.nih.gov/record/ui?ui=D007676',
};
export const REVIEW_OPIOID: SourceRef = {
  name: 'Review article',
  title: 'Iron, dopamine, genetics, and hormones in the pathophysiology of restless legs syndrome (J Neurol 2017)',
  url: 'https://link.springer.com/article/10.1007/s00415-017-8431-1',
};
