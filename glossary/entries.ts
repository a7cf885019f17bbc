// The curated glossary: one entry per concept a reader of the article would want explained.
// Rules the build enforces (glossary/compile.ts, glossary/check-entries.ts):
// - every term and alias occurs in the article as the page matcher would find it; no form belongs to two entries;
// - an outside alias (a form the article never uses) is a true synonym, spelling variant, plural, inflection or
//   standard abbreviation, with its `kind` and a short `source`; a word with another sense is left alone or gets its
//   own honest entry (Anemia, Kidney failure, Genetics below);
// - acronyms and words with an everyday sense are `needsContext` (core/context-rule.ts decides per page);
// - definitions are hedged as the sources are, explain and never advise, and name the sources they were checked
//   against; `leadsTo` (the concept map) has no cycles.
// The matcher already treats hyphen and space alike and ignores case (except for all-capital acronyms), so aliases
// list only forms those rules don't cover.

import type { EntrySource, OtherSenseCue } from './types.ts';
import {
  GENETICS_RLS,
  MEDLINEPLUS_ACUTE_KIDNEY_FAILURE,
  MEDLINEPLUS_ESRD,
  MEDLINEPLUS_RLS,
  MESH_KIDNEY_FAILURE_CHRONIC,
  NHLBI_IDA,
  NHLBI_RLS,
  NHS_IDA,
  NHS_RLS,
  NICE_ESRF,
  REVIEW_OPIOID,
} from './sources.ts';

const plural = (text: string) => ({ text, kind: 'plural' as const, source: 'plural' });
const singular = (text: string) => ({ text, kind: 'inflection' as const, source: 'singular' });

// "iron" the metal, the appliance, the golf club and the verb. Only a match of the bare word "iron" is checked, so
// "iron deficiency" in "due to iron deficiency" is never affected (see core/context-rule.ts).
const IRON_OTHER_SENSES: OtherSenseCue[] = [
  {
    prev: [
      'cast',
      'ductile',
      'wrought',
      'pig',
      'scrap',
      'corrugated',
      'galvanized',
      'galvanised',
      'sheet',
      'steam',
      'curling',
      'flat',
      'soldering',
      'branding',
      'waffle',
      'tyre',
      'tire',
      'angle',
      'pumping',
      'pumped',
    ],
  },
  {
    next: [
      'age',
      'man',
      'men',
      'ore',
      'ores',
      'curtain',
      'fist',
      'maiden',
      'lung',
      'lungs',
      'horse',
      'throne',
      'skillet',
      'skillets',
      'pan',
      'pans',
      'cookware',
      'railing',
      'railings',
      'gate',
      'gates',
      'fence',
      'filings',
      'bar',
      'bars',
      'beam',
      'beams',
      'oxide',
      'dome',
      'lady',
      'chef',
      'grip',
      'sights',
    ],
  },
  // The verb: "to iron the napkins", "we iron out the details" ("keep iron out of reach" stays the mineral).
  {
    prev: [
      'to',
      'i',
      'you',
      'we',
      'they',
      'please',
      'can',
      'will',
      'would',
      'could',
      "don't",
      'never',
      'always',
      'then',
      'help',
    ],
    next: [
      'the',
      'your',
      'my',
      'his',
      'her',
      'their',
      'our',
      'a',
      'an',
      'it',
      'them',
      'clothes',
      'shirts',
      'shirt',
      'napkins',
      'sheets',
      'trousers',
      'linen',
      'out',
      'outs',
    ],
  },
  // The golf club: "a seven iron.", "hit a five iron to the green" ("five iron-rich foods" stays the mineral).
  {
    prev: ['four', 'five', 'six', 'seven', 'eight', 'nine'],
    next: ['', 'shot', 'shots', 'club', 'off', 'from', 'into', 'onto', 'to', 'approach'],
  },
];

const RLS_PAGES = ['restless-legs-syndrome', 'secondary-rls'];
const GENETIC_PAGES = [
  'genetic-predisposition',
  'family-history',
  'gene-variants',
  'hereditary-component',
  ...RLS_PAGES,
];
const KIDNEY_PAGES = ['chronic-kidney-disease', 'end-stage-renal-disease', 'kidney-failure'];
// Entries whose (unambiguous) forms show that a page is about health: everyday words with an RLS-specific card
// ("quality of life" on a city ranking, "pregnancy" on a hotel review) light only there.
const HEALTH_PAGES = [
  ...RLS_PAGES,
  ...KIDNEY_PAGES,
  'neurological-disorder',
  'iron-deficiency',
  'iron-deficiency-anemia',
  'anemia',
  'ferritin',
  'iron-stores',
  'dopamine',
  'neurotransmitter',
  'nervous-system',
  'hormonal-changes',
  'gastric-bypass-surgery',
  'autoimmune-disorders',
  'metabolic-imbalances',
];

export const ENTRIES: readonly EntrySource[] = [
  // Introduction
  {
    id: 'restless-legs-syndrome',
    term: 'Restless legs syndrome',
    aliases: [{ text: 'RLS', why: 'the article\'s abbreviation: "Restless Legs Syndrome (RLS)"', needsContext: true }],
    outsideAliases: [
      { text: 'restless legs', kind: 'synonym', source: 'MedlinePlus health topic "Restless Legs"' },
      { text: 'restless leg syndrome', kind: 'spelling variant', source: 'NHS page title "Restless leg syndrome"' },
      { text: 'Willis-Ekbom disease', kind: 'synonym', source: 'NHS: "also known as Willis-Ekbom disease"' },
      {
        text: 'Willis–Ekbom disease',
        kind: 'spelling variant',
        source: 'en dash spelling of Willis-Ekbom disease (NHS)',
      },
      { text: 'Wittmaack-Ekbom syndrome', kind: 'synonym', source: 'MeSH entry term of Restless Legs Syndrome' },
      {
        text: 'Wittmaack–Ekbom syndrome',
        kind: 'spelling variant',
        source: 'en dash spelling of Wittmaack-Ekbom syndrome',
      },
    ],
    section: 'introduction',
    definition:
      'A condition of the nervous system that causes a strong urge to move the legs, usually with unpleasant feelings in them. It comes on at rest, is worse in the evening and at night, and eases for a while with movement.',
    sources: [NHLBI_RLS, MEDLINEPLUS_RLS, NHS_RLS],
    related: [
      'neurological-disorder',
      'urge-to-move',
      'secondary-rls',
      'genetic-predisposition',
      'dopamine',
      'iron-deficiency',
      'genetics',
    ],
    context: { from: ['secondary-rls'] },
  },
  {
    id: 'neurological-disorder',
    term: 'Neurological disorder',
    outsideAliases: [
      plural('neurological disorders'),
      { text: 'neurologic disorder', kind: 'spelling variant', source: 'US usage ("a neurologic movement disorder")' },
      plural('neurologic disorders'),
    ],
    section: 'introduction',
    definition:
      'An illness of the nervous system: the brain, the spinal cord or the nerves. Calling RLS a neurological disorder means its roots lie in how nerves and the brain work, not in the leg muscles themselves.',
    sources: [NHS_RLS, GENETICS_RLS],
    related: ['restless-legs-syndrome', 'nervous-system'],
  },
  {
    id: 'urge-to-move',
    term: 'Urge to move',
    outsideAliases: [{ ...plural('urges to move'), needsContext: true }],
    section: 'introduction',
    definition:
      'The hallmark of RLS: a strong, hard-to-resist need to move the legs. Moving eases it for a while, and it returns once the legs are still again.',
    sources: [NHLBI_RLS, NHS_RLS],
    related: ['restless-legs-syndrome', 'uncomfortable-sensations', 'motor-activity'],
    // "the urge to move house": only a page about RLS means the symptom.
    context: { term: true, from: RLS_PAGES },
  },
  {
    id: 'uncomfortable-sensations',
    term: 'Uncomfortable sensations',
    aliases: [
      {
        text: 'sensory discomfort',
        why: 'the article\'s "exacerbate sensory discomfort": the same sensations',
        needsContext: true,
      },
    ],
    outsideAliases: [{ ...singular('uncomfortable sensation'), needsContext: true }],
    section: 'introduction',
    definition:
      'Unpleasant feelings in the body. In RLS they are felt deep in the legs and described as creeping, crawling, pulling, itching, tingling, burning or aching; they come on when sitting or lying still and ease with movement.',
    sources: [NHLBI_RLS, GENETICS_RLS],
    related: ['urge-to-move', 'peripheral-nerves', 'opioid-system', 'pain-modulation'],
    // Eczema and carpal tunnel cause uncomfortable sensations too: only a page about RLS means these.
    context: { term: true, from: RLS_PAGES },
  },
  {
    id: 'quality-of-life',
    term: 'Quality of life',
    section: 'introduction',
    definition:
      "How good a person's life feels, in body, mind and daily life. RLS can lower it, mostly by disturbing sleep and leaving people tired during the day.",
    sources: [NHLBI_RLS, GENETICS_RLS],
    related: ['sleep-quality'],
    // An everyday phrase (city rankings, product pages): its RLS card only where the page is about health.
    context: { term: true, from: HEALTH_PAGES },
  },

  // Genetic Predisposition and Family History
  {
    id: 'genetics',
    term: 'Genetics',
    section: 'genetics',
    definition:
      'The study of genes and heredity. The article uses the word for the part inherited genes play in causing RLS: it often runs in families, and variants in several genes are linked to a higher risk.',
    sources: [GENETICS_RLS, NHLBI_RLS],
    related: ['genetic-predisposition', 'gene-variants', 'restless-legs-syndrome'],
    leadsTo: ['restless-legs-syndrome'],
    // "Genetics is the study of heredity" on a biology page: only a page about RLS or its genetics lights it.
    // "MedlinePlus Genetics" is a website's name.
    context: { term: true, from: GENETIC_PAGES, otherSense: [{ prev: ['medlineplus'] }] },
  },
  {
    id: 'genetic-predisposition',
    term: 'Genetic predisposition',
    outsideAliases: [
      {
        text: 'genetic susceptibility',
        kind: 'synonym',
        source: 'MeSH: "Genetic Susceptibility", entry term of Genetic Predisposition to Disease',
      },
      plural('genetic predispositions'),
    ],
    section: 'genetics',
    definition:
      'A higher chance of developing a condition because of the genes a person inherits. It raises the risk but does not make the condition certain.',
    sources: [GENETICS_RLS],
    related: ['restless-legs-syndrome', 'family-history', 'gene-variants', 'hereditary-component', 'genetics'],
    leadsTo: ['restless-legs-syndrome'],
  },
  {
    id: 'family-history',
    term: 'Family history',
    aliases: [
      { text: 'run in families', why: 'the article\'s "tends to run in families": relatives who have the condition' },
    ],
    outsideAliases: [
      { text: 'runs in families', kind: 'inflection', source: 'NHS: "it can run in families"' },
      { text: 'running in families', kind: 'inflection', source: 'inflection of "run in families"' },
      { ...plural('family histories'), needsContext: true },
    ],
    section: 'genetics',
    definition:
      'Whether close relatives have had a condition. RLS often runs in families, above all the kind that starts before the age of 45.',
    sources: [NHLBI_RLS, GENETICS_RLS],
    related: ['genetic-predisposition', 'hereditary-component'],
    leadsTo: ['restless-legs-syndrome'],
    // Genealogy pages speak of "family history" in another sense.
    context: { term: true, from: GENETIC_PAGES },
  },
  {
    id: 'gene-variants',
    term: 'Gene variants',
    outsideAliases: [
      singular('gene variant'),
      { text: 'genetic variants', kind: 'synonym', source: 'MedlinePlus Genetics: "variations in several genes"' },
      { text: 'genetic variant', kind: 'synonym', source: 'singular of "genetic variants"' },
    ],
    section: 'genetics',
    definition:
      "Small differences in a gene's DNA from one person to the next. Variants in several genes are more common in people with RLS, but each explains only a small part of the risk.",
    sources: [GENETICS_RLS],
    related: ['genetic-predisposition', 'hereditary-component', 'genetics'],
    leadsTo: ['restless-legs-syndrome'],
  },
  {
    id: 'hereditary-component',
    term: 'Hereditary component',
    aliases: [
      {
        text: 'inherited biological factors',
        why: 'the article\'s "the role of inherited biological factors": the hereditary part of the cause',
      },
    ],
    section: 'genetics',
    definition:
      "The part of a condition's cause that passes from parents to children through genes. In RLS it is thought to be large: many people with RLS have a parent, brother or sister who has it.",
    sources: [GENETICS_RLS, NHLBI_RLS],
    related: ['genetic-predisposition', 'family-history', 'gene-variants'],
    leadsTo: ['restless-legs-syndrome'],
  },

  // Neurological and Nervous System Abnormalities
  {
    id: 'nerve-function',
    term: 'Nerve function',
    section: 'neurological',
    definition:
      'How well nerves carry signals between the brain, the spinal cord and the body. The article names abnormal nerve function as a part of RLS, and waste that builds up when the kidneys fail can disturb it.',
    sources: [NHLBI_RLS],
    related: ['peripheral-nerves', 'spinal-cord', 'central-nervous-system', 'end-stage-renal-disease', 'toxin-buildup'],
    leadsTo: ['restless-legs-syndrome'],
  },
  {
    id: 'peripheral-nerves',
    term: 'Peripheral nerves',
    outsideAliases: [singular('peripheral nerve')],
    section: 'neurological',
    definition:
      'The nerves outside the brain and spinal cord that link them to the skin, muscles and organs, including those of the legs. Damage to them (peripheral neuropathy, for example from diabetes) may cause or worsen RLS.',
    sources: [NHLBI_RLS],
    related: ['nerve-function', 'nervous-system', 'uncomfortable-sensations'],
    leadsTo: ['restless-legs-syndrome'],
  },
  {
    id: 'spinal-cord',
    term: 'Spinal cord',
    outsideAliases: [plural('spinal cords')],
    section: 'neurological',
    definition:
      'The bundle of nerve tissue running down the spine that relays signals between the brain and the body. With the brain it forms the central nervous system.',
    sources: [NHLBI_RLS],
    related: ['central-nervous-system', 'nerve-function'],
    leadsTo: ['restless-legs-syndrome'],
  },
  {
    id: 'central-nervous-system',
    term: 'Central nervous system',
    outsideAliases: [
      {
        text: 'CNS',
        kind: 'standard abbreviation',
        source: 'standard abbreviation (MeSH: Central Nervous System)',
        needsContext: true,
      },
    ],
    section: 'neurological',
    definition:
      'The brain and spinal cord together: the part of the nervous system that processes signals and sends out commands. Dopamine signalling and brain iron, both linked to RLS, belong to it.',
    sources: [GENETICS_RLS, NHLBI_RLS],
    related: ['nervous-system', 'spinal-cord', 'nerve-function', 'dopamine'],
    leadsTo: ['restless-legs-syndrome'],
    // "ask the CNS on ward 4" (a clinical nurse specialist): only a page about the nervous system lights "CNS".
    context: { from: ['nervous-system', 'spinal-cord'] },
  },
  {
    id: 'nervous-system',
    term: 'Nervous system',
    outsideAliases: [plural('nervous systems')],
    section: 'neurological',
    definition:
      "The body's network of brain, spinal cord and nerves that carries signals for feeling, movement and thought. RLS arises from problems in how this network works.",
    sources: [NHS_RLS, GENETICS_RLS],
    related: ['central-nervous-system', 'peripheral-nerves', 'neurological-disorder'],
    leadsTo: ['restless-legs-syndrome'],
  },

  // Dopamine and Neurotransmitter Imbalance
  {
    id: 'dopaminergic-dysfunction',
    term: 'Dopaminergic dysfunction',
    outsideAliases: [
      {
        text: 'dopamine dysfunction',
        kind: 'synonym',
        source:
          '"dopaminergic" means "of dopamine" (MedlinePlus Genetics: "malfunction of the dopamine signaling system")',
      },
      plural('dopaminergic dysfunctions'),
    ],
    section: 'dopamine',
    definition:
      'A fault in the brain systems that use dopamine to pass on signals. In RLS, dopamine signalling in regions that control movement appears to be disturbed, which may underlie the urge to move.',
    sources: [GENETICS_RLS],
    related: ['dopamine', 'neurotransmitter', 'motor-activity'],
    leadsTo: ['restless-legs-syndrome'],
  },
  {
    id: 'dopamine',
    term: 'Dopamine',
    section: 'dopamine',
    definition:
      'A chemical messenger in the brain that helps control movement. In RLS, dopamine signalling in the brain regions that steer movement is thought to be disturbed; the brain needs iron to make dopamine.',
    sources: [NHLBI_RLS, GENETICS_RLS, NHS_RLS],
    related: [
      'dopaminergic-dysfunction',
      'neurotransmitter',
      'iron',
      'restless-legs-syndrome',
      'central-nervous-system',
      'dopamine-boosting-medications',
    ],
    leadsTo: ['restless-legs-syndrome'],
  },
  {
    id: 'neurotransmitter',
    term: 'Neurotransmitter',
    outsideAliases: [plural('neurotransmitters')],
    section: 'dopamine',
    definition:
      'A chemical that nerve cells release to pass a signal to the next cell; dopamine is one. An imbalance in such messengers is thought to play a part in RLS.',
    sources: [GENETICS_RLS],
    related: ['dopamine', 'dopaminergic-dysfunction', 'opioid-system'],
    leadsTo: ['restless-legs-syndrome'],
  },
  {
    id: 'motor-activity',
    term: 'Motor activity',
    outsideAliases: [plural('motor activities')],
    section: 'dopamine',
    definition:
      "Movement of the body produced by muscles under the nervous system's control. The brain regions that govern it rely on dopamine, and in RLS their signalling appears to be disturbed.",
    sources: [NHLBI_RLS, GENETICS_RLS],
    related: ['dopaminergic-dysfunction', 'urge-to-move'],
  },
  {
    id: 'dopamine-boosting-medications',
    term: 'Medications that boost dopamine levels',
    outsideAliases: [
      {
        text: 'dopamine agonist',
        kind: 'synonym',
        source: 'NHS: dopamine agonists "work by increasing dopamine levels" (the main such medicines)',
      },
      plural('dopamine agonists'),
      {
        text: 'dopaminergic medication',
        kind: 'synonym',
        source: '"dopaminergic": acting on dopamine (NHLBI: medicines that "make dopamine or mimic it")',
      },
      plural('dopaminergic medications'),
      { text: 'dopaminergic drug', kind: 'synonym', source: 'as "dopaminergic medication"' },
      plural('dopaminergic drugs'),
    ],
    section: 'dopamine',
    definition:
      "Medicines that make dopamine or mimic it in the brain, such as dopamine agonists, of the kinds also used in Parkinson's disease. Used for a long time, they can make RLS symptoms worse than before, a problem called augmentation.",
    sources: [NHLBI_RLS, NHS_RLS],
    related: ['dopamine'],
  },
  {
    id: 'opioid-system',
    term: 'Opioid system',
    outsideAliases: [
      {
        text: 'endogenous opioid system',
        kind: 'synonym',
        source: '"endogenous" = the body\'s own (review: "the endogenous opioid ... systems")',
      },
      plural('opioid systems'),
    ],
    section: 'dopamine',
    definition:
      "The body's own pain-control and reward chemistry: natural substances such as endorphins and the receptors they act on. Research suggests it works differently in RLS, and the article says this may make the unpleasant sensations worse.",
    sources: [REVIEW_OPIOID],
    related: ['pain-modulation', 'neurotransmitter', 'uncomfortable-sensations'],
    leadsTo: ['uncomfortable-sensations', 'restless-legs-syndrome'],
  },
  {
    id: 'pain-modulation',
    term: 'Pain modulation',
    section: 'dopamine',
    definition:
      "The nervous system's way of turning pain signals up or down before they are felt. The opioid system is part of it.",
    sources: [REVIEW_OPIOID],
    related: ['opioid-system', 'uncomfortable-sensations'],
  },

  // Iron Deficiency and Its Systemic Impact
  {
    id: 'iron',
    term: 'Iron',
    section: 'iron',
    definition:
      'A mineral the body needs to make haemoglobin, which carries oxygen in the blood, and that the brain uses to make dopamine. A lack of iron in the brain, or faulty use of it, is thought to be a main cause of RLS.',
    sources: [NHLBI_RLS, NHLBI_IDA, GENETICS_RLS],
    related: [
      'iron-deficiency',
      'iron-deficiency-anemia',
      'iron-stores',
      'ferritin',
      'iron-metabolism',
      'dopamine',
      'anemia',
    ],
    // "Iron is essential for dopamine production": the map's arrow is what iron does, not what its lack does.
    leadsTo: ['dopamine'],
    context: {
      term: true,
      from: [
        'iron-deficiency',
        'iron-deficiency-anemia',
        'anemia',
        'iron-stores',
        'ferritin',
        'iron-metabolism',
        'dopamine',
        ...RLS_PAGES,
        ...KIDNEY_PAGES,
        'gastric-bypass-surgery',
      ],
      otherSense: IRON_OTHER_SENSES,
    },
  },
  {
    id: 'iron-deficiency',
    term: 'Iron deficiency',
    aliases: [
      { text: 'iron depletion', why: 'the article\'s "can lead to iron depletion": running low on iron' },
      { text: 'low iron levels', why: 'the article\'s "Low iron levels, particularly in the brain": iron deficiency' },
    ],
    outsideAliases: [
      { text: 'iron deficient', kind: 'inflection', source: 'adjective of iron deficiency' },
      plural('iron deficiencies'),
      { text: 'lack of iron', kind: 'synonym', source: 'NHLBI: "a lack of iron in the brain"' },
    ],
    section: 'iron',
    definition:
      'Having too little iron in the body, or in the brain, for its needs. Low iron in the brain is thought to play a central part in RLS, because the brain uses iron to make dopamine.',
    sources: [NHLBI_RLS, GENETICS_RLS],
    related: [
      'iron',
      'iron-deficiency-anemia',
      'ferritin',
      'restless-legs-syndrome',
      'chronic-kidney-disease',
      'pregnancy',
      'gastric-bypass-surgery',
    ],
    leadsTo: ['restless-legs-syndrome', 'secondary-rls', 'dopaminergic-dysfunction'],
  },
  {
    id: 'iron-deficiency-anemia',
    term: 'Iron-deficiency anemia',
    outsideAliases: [
      {
        text: 'iron-deficiency anaemia',
        kind: 'spelling variant',
        source: 'NHS: "iron deficiency anaemia" (UK spelling)',
      },
    ],
    section: 'iron',
    definition:
      'Anemia caused by too little iron: without enough iron the body cannot make enough healthy red blood cells. It is the most common type of anemia, and people who have it are more likely to have RLS.',
    sources: [NHLBI_IDA, NHS_IDA, NHS_RLS],
    related: ['iron-deficiency', 'iron', 'anemia'],
    leadsTo: ['restless-legs-syndrome'],
  },
  {
    id: 'anemia',
    term: 'Anemia',
    termSource:
      'NHLBI: anemia is a lower than normal number of red blood cells or too little hemoglobin; the article uses the word only in "iron-deficiency anemia"',
    outsideAliases: [
      { text: 'anaemia', kind: 'spelling variant', source: 'NHS: "anaemia" (UK spelling)' },
      plural('anemias'),
      plural('anaemias'),
    ],
    section: 'iron',
    definition:
      'Too few red blood cells, or too little haemoglobin in them, to carry oxygen well. It has many causes, such as a lack of iron, vitamin B12 or folate, blood loss, kidney disease or inherited conditions; iron-deficiency anaemia is the kind linked to RLS.',
    sources: [NHLBI_IDA, NHS_IDA],
    related: ['iron-deficiency-anemia', 'iron'],
  },
  {
    id: 'chronic-kidney-disease',
    term: 'Chronic kidney disease',
    outsideAliases: [
      {
        text: 'CKD',
        kind: 'standard abbreviation',
        source: 'standard abbreviation of chronic kidney disease',
        needsContext: true,
      },
    ],
    section: 'iron',
    definition:
      'A long-term loss of kidney function that develops over months or years. It can lead to iron depletion, and it is one of the conditions that can bring on secondary RLS.',
    sources: [NHS_RLS, NHLBI_IDA],
    related: ['end-stage-renal-disease', 'iron-deficiency', 'secondary-rls', 'kidney-failure'],
    leadsTo: ['iron-deficiency'],
    context: { from: KIDNEY_PAGES.filter((id) => id !== 'chronic-kidney-disease') },
  },
  {
    id: 'gastric-bypass-surgery',
    term: 'Gastric bypass surgery',
    outsideAliases: [
      { text: 'gastric bypass', kind: 'synonym', source: 'NHLBI: "intestinal surgery (such as gastric bypass)"' },
    ],
    section: 'iron',
    definition:
      "A weight-loss operation that turns the stomach into a small pouch and routes food past the first part of the small intestine, where much of the body's iron is absorbed. Iron can therefore run low afterwards, which can bring on secondary RLS.",
    sources: [NHLBI_IDA],
    related: ['iron-deficiency', 'secondary-rls'],
    leadsTo: ['iron-deficiency'],
  },
  {
    id: 'iron-stores',
    term: 'Iron stores',
    outsideAliases: [
      singular('iron store'),
      { text: 'iron reserves', kind: 'synonym', source: 'NHLBI: "stored iron"' },
    ],
    section: 'iron',
    definition:
      'The iron the body keeps in reserve, mostly bound to the protein ferritin. When the stores run out, the body makes fewer red blood cells, and the brain may get too little iron.',
    sources: [NHLBI_IDA, NHLBI_RLS],
    related: ['ferritin', 'iron', 'iron-metabolism'],
    leadsTo: ['iron-deficiency'],
  },
  {
    id: 'ferritin',
    term: 'Ferritin',
    section: 'iron',
    definition:
      "A protein that stores iron inside the body's cells. The amount of ferritin in the blood (serum ferritin) shows how much iron the body has in reserve.",
    sources: [NHLBI_IDA],
    related: ['iron-stores', 'iron', 'iron-deficiency'],
    // Ferritin is where the body keeps its iron in reserve: its level is the iron stores the article names.
    leadsTo: ['iron-stores'],
  },

  // Other Contributing Medical Conditions
  {
    id: 'secondary-rls',
    term: 'Secondary RLS',
    aliases: ['secondary forms of restless legs syndrome'],
    outsideAliases: [
      {
        text: 'secondary restless legs syndrome',
        kind: 'synonym',
        source: 'NHS: "This is known as secondary restless legs syndrome"',
      },
      { text: 'secondary restless legs', kind: 'synonym', source: 'short form of secondary restless legs syndrome' },
    ],
    section: 'conditions',
    definition:
      'RLS brought on by another condition or by a medicine: iron deficiency, kidney failure or pregnancy, or some anti-nausea medicines, antidepressants, antipsychotics and antihistamines. It contrasts with primary (idiopathic) RLS, which has no known cause and often runs in families.',
    sources: [NHLBI_RLS, NHS_RLS, GENETICS_RLS],
    related: [
      'restless-legs-syndrome',
      'chronic-kidney-disease',
      'end-stage-renal-disease',
      'pregnancy',
      'gastric-bypass-surgery',
      'autoimmune-disorders',
      'metabolic-imbalances',
      'kidney-failure',
    ],
    // A form of RLS: the conditions that bring it on lead to RLS through it.
    leadsTo: ['restless-legs-syndrome'],
    context: { term: true, from: ['restless-legs-syndrome'] },
  },
  {
    id: 'end-stage-renal-disease',
    term: 'End-stage renal disease',
    outsideAliases: [
      {
        text: 'ESRD',
        kind: 'standard abbreviation',
        source: 'MedlinePlus: "Alternative names: ESRD"',
        needsContext: true,
      },
      { text: 'end-stage kidney disease', kind: 'synonym', source: 'MeSH entry term (renal = kidney)' },
      {
        text: 'ESKD',
        kind: 'standard abbreviation',
        source: 'abbreviation of end-stage kidney disease',
        needsContext: true,
      },
      {
        text: 'end-stage renal failure',
        kind: 'synonym',
        source: 'MeSH entry term; NICE: "established renal failure"',
      },
      {
        text: 'ESRF',
        kind: 'standard abbreviation',
        source: 'abbreviation of end-stage renal failure (UK usage)',
        needsContext: true,
      },
      {
        text: 'end-stage kidney failure',
        kind: 'synonym',
        source: 'MedlinePlus: "Alternative names: kidney failure - end stage"',
      },
      {
        text: 'established renal failure',
        kind: 'synonym',
        source: 'NICE: "End-stage renal disease, or established renal failure"',
      },
    ],
    section: 'conditions',
    definition:
      'The last stage of chronic kidney disease, when the kidneys have lost nearly all their function for good and life depends on dialysis or a kidney transplant. RLS is common at this stage.',
    sources: [MEDLINEPLUS_ESRD, NICE_ESRF, MESH_KIDNEY_FAILURE_CHRONIC, GENETICS_RLS],
    related: ['chronic-kidney-disease', 'toxin-buildup', 'nerve-function', 'secondary-rls', 'kidney-failure'],
    leadsTo: ['toxin-buildup', 'secondary-rls'],
    context: { from: KIDNEY_PAGES.filter((id) => id !== 'end-stage-renal-disease') },
  },
  {
    id: 'kidney-failure',
    term: 'Kidney failure',
    termSource:
      'NHLBI: RLS "has been linked to kidney failure"; the article names chronic kidney disease and end-stage renal disease',
    outsideAliases: [
      { text: 'renal failure', kind: 'synonym', source: 'MedlinePlus: "renal failure" ("renal" means kidney)' },
    ],
    // The article names kidney failure only as its end stage and the disease that leads there: their sentences.
    quoteFrom: ['end-stage-renal-disease', 'chronic-kidney-disease'],
    section: 'conditions',
    definition:
      'When the kidneys can no longer filter waste from the blood well enough. It can come on suddenly (acute kidney failure, which may be reversible) or slowly at the end of chronic kidney disease (end-stage renal disease); kidney failure is linked to RLS.',
    sources: [MEDLINEPLUS_ACUTE_KIDNEY_FAILURE, MEDLINEPLUS_ESRD, NHLBI_RLS],
    related: ['end-stage-renal-disease', 'chronic-kidney-disease', 'secondary-rls'],
  },
  {
    id: 'toxin-buildup',
    term: 'Toxin buildup',
    outsideAliases: [
      { text: 'toxin build-up', kind: 'spelling variant', source: 'hyphenated spelling', needsContext: true },
    ],
    section: 'conditions',
    definition:
      'Waste products that build up in the blood when the kidneys fail to filter them out (uremia). In kidney failure they can disturb nerve function and are thought to add to RLS.',
    sources: [MEDLINEPLUS_ESRD],
    related: ['end-stage-renal-disease', 'nerve-function'],
    leadsTo: ['nerve-function'],
    // Wellness pages use "toxin buildup" loosely: only a page about kidney disease means this.
    context: { term: true, from: KIDNEY_PAGES },
  },
  {
    id: 'hormonal-changes',
    term: 'Hormonal changes',
    outsideAliases: [
      { text: 'hormone changes', kind: 'synonym', source: '"hormonal" means "of hormones"' },
      singular('hormonal change'),
    ],
    section: 'conditions',
    definition:
      "Shifts in the levels of the body's hormones, such as oestrogen and progesterone in pregnancy. They are thought to be one reason RLS is more common in pregnancy, though why is not fully known.",
    sources: [NHS_RLS, NHLBI_RLS],
    related: ['pregnancy'],
    leadsTo: ['secondary-rls'],
  },
  {
    id: 'pregnancy',
    term: 'Pregnancy',
    outsideAliases: [
      { text: 'pregnant', kind: 'inflection', source: 'adjective of pregnancy', needsContext: true },
      { ...plural('pregnancies'), needsContext: true },
    ],
    section: 'conditions',
    definition:
      'The months in which a baby grows in the womb. RLS is more common then, above all in the last three months; hormonal changes and low iron are thought to play a part, and it usually goes away after the birth.',
    sources: [NHLBI_RLS, NHS_RLS, GENETICS_RLS],
    related: ['hormonal-changes', 'iron-deficiency', 'secondary-rls'],
    leadsTo: ['hormonal-changes', 'iron-deficiency'],
    // Travel and lifestyle pages speak of pregnancy too: its RLS card only where the page is about health.
    context: { term: true, from: HEALTH_PAGES },
  },
  {
    id: 'autoimmune-disorders',
    term: 'Autoimmune disorders',
    outsideAliases: [
      singular('autoimmune disorder'),
      { text: 'autoimmune disease', kind: 'synonym', source: '"disease" and "disorder" name the same illnesses here' },
      plural('autoimmune diseases'),
    ],
    section: 'conditions',
    definition:
      "Illnesses in which the immune system attacks the body's own tissues, such as rheumatoid arthritis or multiple sclerosis. Some of them are linked to a higher rate of RLS.",
    sources: [GENETICS_RLS, NHLBI_RLS],
    related: ['secondary-rls'],
    leadsTo: ['secondary-rls'],
  },
  {
    id: 'metabolic-imbalances',
    term: 'Metabolic imbalances',
    outsideAliases: [singular('metabolic imbalance')],
    section: 'conditions',
    definition:
      "Disturbances in the body's chemistry, for example in blood sugar (as in diabetes), thyroid hormones or minerals. Some of them may play a role in RLS.",
    sources: [NHLBI_RLS, NHS_RLS],
    related: ['secondary-rls', 'iron-metabolism'],
    leadsTo: ['secondary-rls'],
  },

  // Conclusion
  {
    id: 'iron-metabolism',
    term: 'Iron metabolism',
    section: 'conclusion',
    definition:
      'How the body absorbs, carries, stores and uses iron. Problems anywhere along this chain can leave the brain short of iron, which is thought to play a part in RLS.',
    sources: [NHLBI_RLS, NHLBI_IDA],
    related: ['iron', 'iron-stores', 'metabolic-imbalances'],
    leadsTo: ['iron-deficiency'],
  },
  {
    id: 'sleep-quality',
    term: 'Sleep quality',
    outsideAliases: [
      { text: 'quality of sleep', kind: 'synonym', source: 'MedlinePlus Genetics: "the quality and amount of sleep"' },
    ],
    section: 'conclusion',
    definition:
      'How restful sleep is: how easily it comes and how deep and unbroken it is. RLS symptoms are worst in the evening and at night, so they often disturb sleep.',
    sources: [NHLBI_RLS, GENETICS_RLS],
    related: ['quality-of-life'],
  },
];
