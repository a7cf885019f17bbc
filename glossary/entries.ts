// The curated glossary entries (first version; more follow).

import type { EntrySource } from './types.ts';

export const ENTRIES: readonly EntrySource[] = [
  {
    id: 'restless-legs-syndrome',
    term: 'Restless legs syndrome',
    aliases: ['RLS'],
    outsideAliases: ['restless legs', 'restless leg syndrome', 'Willis-Ekbom disease', 'Willis–Ekbom disease'],
    section: 'introduction',
    definition:
      'A condition of the nervous system that causes a strong urge to move the legs, usually with unpleasant feelings in them. It comes on during rest, often in the evening or at night, and eases for a while with movement.',
    related: ['dopamine', 'iron-deficiency', 'ferritin'],
  },
  {
    id: 'dopamine',
    term: 'Dopamine',
    section: 'dopamine',
    definition:
      'A chemical messenger in the brain that helps control movement, motivation and reward. In RLS, dopamine signalling appears to work less well in brain regions that steer movement.',
    related: ['restless-legs-syndrome', 'iron-deficiency'],
  },
  {
    id: 'iron-deficiency',
    term: 'Iron deficiency',
    section: 'iron',
    definition:
      'Having too little iron in the body to meet its needs. Low iron in the brain is strongly linked to RLS, because the brain needs iron to make dopamine.',
    related: ['restless-legs-syndrome', 'dopamine', 'ferritin'],
  },
  {
    id: 'ferritin',
    term: 'Ferritin',
    section: 'iron',
    definition:
      'A protein that stores iron inside the body\'s cells. The amount of ferritin in the blood is a common measure of how much iron the body has in reserve.',
    related: ['restless-legs-syndrome', 'iron-deficiency'],
  },
];
