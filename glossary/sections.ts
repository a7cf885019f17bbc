// The article's sections as the glossary files them: ids, titles as in glossary/article.md, and a curated
// one-line summary of what each section says. The compiler checks the titles against the article's headings.

import type { SectionId } from './types.ts';

export interface SectionInfo {
  id: SectionId;
  /** Exactly the `## ` heading in article.md ("Introduction" and "Conclusion" were added for untitled parts). */
  title: string;
  summary: string;
}

export const SECTIONS: readonly SectionInfo[] = [
  {
    id: 'introduction',
    title: 'Introduction',
    summary:
      'RLS is a neurological disorder with an urge to move the legs; its causes are complex and several factors contribute.',
  },
  {
    id: 'genetics',
    title: 'Genetic Predisposition and Family History',
    summary:
      'RLS often runs in families, above all when it starts before 45, and specific gene variants raise the risk.',
  },
  {
    id: 'neurological',
    title: 'Neurological and Nervous System Abnormalities',
    summary:
      'Disrupted signals in the peripheral nerves, spinal cord or brain may cause the crawling, tingling sensations at rest.',
  },
  {
    id: 'dopamine',
    title: 'Dopamine and Neurotransmitter Imbalance',
    summary:
      'Impaired dopamine signalling in movement-controlling brain regions, and opioid-system changes, are central to RLS.',
  },
  {
    id: 'iron',
    title: 'Iron Deficiency and Its Systemic Impact',
    summary: 'Low iron, especially in the brain, is strongly linked to RLS because iron is needed to make dopamine.',
  },
  {
    id: 'conditions',
    title: 'Other Contributing Medical Conditions',
    summary: 'Kidney failure, pregnancy, autoimmune disorders and metabolic imbalances can bring on secondary RLS.',
  },
  {
    id: 'conclusion',
    title: 'Conclusion',
    summary:
      'RLS arises from genetic, neurological and biochemical factors acting together, chiefly dopamine and iron.',
  },
];
