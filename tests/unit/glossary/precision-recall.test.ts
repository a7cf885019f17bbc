// Real text, read as the content script will: each row is a small page (a few blocks) of sentences written for this
// table, run through the real matcher, the compiled glossary and the context rule. A row lists every highlight the
// page must get ("text → entry id"); anything else is a false highlight. Negatives are other senses, other
// conditions and tech acronyms (the rows of issue 10); positives are article forms and true outside synonyms.
import { afterAll, describe, expect, it } from 'vitest';
import glossary from 'virtual:rls-lens/glossary';
import { pageReader } from '../../harness/read-page';

const { lit } = pageReader(glossary);

interface Row {
  page: string[];
  highlights: string[];
}

const NEGATIVES: Record<string, Row> = {
  'sickle cell and pernicious anaemia get the honest Anemia entry': {
    page: ['Sickle cell anemia is inherited.', 'Pernicious anaemia comes from too little vitamin B12.'],
    highlights: ['anemia → anemia', 'anaemia → anemia'],
  },
  'anaemia in kidney disease is not iron-deficiency anaemia': {
    page: ['In kidney disease, anaemia (low blood count) is common.'],
    highlights: ['anaemia → anemia'],
  },
  'acute kidney failure is not end-stage renal disease': {
    page: ['Acute kidney failure can be reversed.'],
    highlights: ['kidney failure → kidney-failure'],
  },
  'carpal tunnel paresthesia is not RLS': { page: ['Carpal tunnel causes paresthesia in the hand.'], highlights: [] },
  'eczema sensations are not RLS': {
    page: ['Eczema causes itching sensations and uncomfortable sensations.'],
    highlights: [],
  },
  'a gastric sleeve is not a bypass': { page: ['A gastric sleeve is a type of bariatric surgery.'], highlights: [] },
  'genetics the science': { page: ['Genetics is the study of heredity.'], highlights: [] },
  'heritability of height': { page: ['The heritability of height is high.'], highlights: [] },
  'MEIS1 in leukaemia': { page: ['MEIS1 is studied in leukaemia.'], highlights: [] },
  'runners and endorphins': { page: ['Runners get endorphins after a long run.'], highlights: [] },
  'diabetic peripheral neuropathy': { page: ['Diabetic peripheral neuropathy causes numb feet.'], highlights: [] },
  'a clinical nurse specialist': { page: ['Ask the CNS on ward 4 about your dressing.'], highlights: [] },
  'row level security on a database page': {
    page: ['Row Level Security (RLS) restricts rows per user.', 'Enable RLS on every table.'],
    highlights: [],
  },
  'cast iron and ironing': { page: ['Season the cast iron pan.', 'Iron the napkins before dinner.'], highlights: [] },
  genealogy: { page: ['Family history research starts with census records.'], highlights: [] },
  'the urge to move house': { page: ['I feel the urge to move to Canada.'], highlights: [] },
  'wellness toxins': { page: ['Detox teas claim to stop toxin buildup.'], highlights: [] },
  'a city-liveability ranking': { page: ['Vienna tops the ranking for quality of life again.'], highlights: [] },
  'a hotel review': {
    page: ['The spa offers a pregnancy massage.', 'Pregnant guests get a late checkout.'],
    highlights: [],
  },
  'a kitchen designer': {
    page: ['Hire a Certified Kitchen Designer (CKD).', 'Our CKD drew the plans.'],
    highlights: [],
  },
};

const POSITIVES: Record<string, Row> = {
  'end-stage renal failure and its abbreviations': {
    page: [
      'End-stage renal failure (ESRF) needs dialysis.',
      'People on dialysis for ESRF often have restless legs syndrome.',
    ],
    highlights: [
      'End-stage renal failure → end-stage-renal-disease',
      'ESRF → end-stage-renal-disease',
      'ESRF → end-stage-renal-disease',
      'restless legs syndrome → restless-legs-syndrome',
    ],
  },
  'end-stage kidney failure, ESKD': {
    page: ['End-stage kidney failure is also written ESKD.'],
    highlights: ['End-stage kidney failure → end-stage-renal-disease', 'ESKD → end-stage-renal-disease'],
  },
  'Willis–Ekbom and Wittmaack–Ekbom, hyphen and en dash': {
    page: ['Willis–Ekbom disease, once called Wittmaack-Ekbom syndrome or Wittmaack–Ekbom syndrome.'],
    highlights: [
      'Willis–Ekbom disease → restless-legs-syndrome',
      'Wittmaack-Ekbom syndrome → restless-legs-syndrome',
      'Wittmaack–Ekbom syndrome → restless-legs-syndrome',
    ],
  },
  "dopamine agonists are the article's medications that boost dopamine": {
    page: [
      'Dopamine agonists can cause augmentation.',
      "Dopaminergic medications are used in Parkinson's disease too.",
    ],
    highlights: [
      'Dopamine agonists → dopamine-boosting-medications',
      'Dopaminergic medications → dopamine-boosting-medications',
    ],
  },
  'the article itself': {
    page: [
      'Restless Legs Syndrome (RLS) is a neurological disorder.',
      'One of the most significant contributors to RLS is genetics.',
    ],
    highlights: [
      'Restless Legs Syndrome → restless-legs-syndrome',
      'RLS → restless-legs-syndrome',
      'neurological disorder → neurological-disorder',
      'RLS → restless-legs-syndrome',
      'genetics → genetics',
    ],
  },
  'an iron page': {
    page: [
      'Iron-deficiency anaemia raises the risk of RLS.',
      'Low ferritin and iron deficiency are common; iron helps make dopamine.',
    ],
    highlights: [
      'Iron-deficiency anaemia → iron-deficiency-anemia',
      'ferritin → ferritin',
      'iron deficiency → iron-deficiency',
      'iron → iron',
      'dopamine → dopamine',
    ],
  },
  'pregnancy and kidney disease': {
    page: [
      'Pregnant women often get restless legs late in pregnancy.',
      'Chronic kidney disease (CKD) and CKD-related anemia.',
    ],
    highlights: [
      'Pregnant → pregnancy',
      'restless legs → restless-legs-syndrome',
      'pregnancy → pregnancy',
      'Chronic kidney disease → chronic-kidney-disease',
      'CKD → chronic-kidney-disease',
      'CKD → chronic-kidney-disease',
      'anemia → anemia',
    ],
  },
  'a nurse specialist explains the central nervous system': {
    page: ['The clinical nurse specialist (CNS) explained the central nervous system.'],
    highlights: ['central nervous system → central-nervous-system'],
  },
  'a forum thread': {
    page: ['My RLS is bad tonight.', 'Anyone else with restless legs and low iron?'],
    highlights: ['RLS → restless-legs-syndrome', 'restless legs → restless-legs-syndrome', 'iron → iron'],
  },
  'a genetics page about RLS': {
    page: ['Restless legs syndrome often runs in families.', 'Genetics plays a part: gene variants raise the risk.'],
    highlights: [
      'Restless legs syndrome → restless-legs-syndrome',
      'runs in families → family-history',
      'Genetics → genetics',
      'gene variants → gene-variants',
    ],
  },
  'secondary RLS and kidney failure': {
    page: ['Secondary RLS may follow kidney failure.', 'Unlike primary restless legs syndrome, it has a known cause.'],
    highlights: [
      'Secondary RLS → secondary-rls',
      'kidney failure → kidney-failure',
      'restless legs syndrome → restless-legs-syndrome',
    ],
  },
};

const tally = { truePositives: 0, falsePositives: 0, falseNegatives: 0 };

function count(found: string[], expected: string[]) {
  const left = [...expected];
  for (const label of found) {
    const at = left.indexOf(label);
    if (at >= 0) {
      left.splice(at, 1);
      tally.truePositives++;
    } else tally.falsePositives++;
  }
  tally.falseNegatives += left.length;
}

describe('highlights on real sentences', () => {
  for (const [name, row] of [...Object.entries(NEGATIVES), ...Object.entries(POSITIVES)]) {
    it(name, () => {
      const found = lit(row.page);
      count(found, row.highlights);
      expect(found).toEqual(row.highlights);
    });
  }

  afterAll(() => {
    const { truePositives: tp, falsePositives: fp, falseNegatives: fn } = tally;
    const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
    const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
    console.log(
      `precision/recall over ${Object.keys(NEGATIVES).length} negative and ${Object.keys(POSITIVES).length} positive pages: ` +
        `${tp} true highlights, ${fp} false, ${fn} missed → precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`,
    );
  });
});
