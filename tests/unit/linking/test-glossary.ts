/**
 * A small glossary with the cases matching must handle: diacritics,
 * acronyms, descriptions and their context, a name inside another entry's
 * alias, names too short or shared by two entries, a name inside another's
 * name (Iran).
 */
import type { GlossaryName } from '../../../src/linking/names.ts';

export const testGlossary: GlossaryName[] = [
  {
    id: 'mek',
    name: "People's Mojahedin Organization of Iran",
    aliases: ['MEK', 'PMOI', 'PMOI/MEK', 'People’s Mujahedin of Iran', 'People’s Mujahideen Organization of Iran'],
    context: [],
  },
  { id: 'bledi-cuci', name: 'Bledi Çuçi', aliases: ['Bledi Cuci', 'Çuçi', 'Cuci'], context: [] },
  { id: 'albanian-state-police', name: 'Albanian State Police', aliases: ['State Police', 'Albanian Police', 'Albanian police'], context: [] },
  {
    id: 'police-operation',
    name: 'Police operation at Ashraf 3',
    aliases: ['police operation', 'police raid', 'operation', 'Albanian Police operation'],
    context: ['ashraf-3'],
  },
  { id: 'ashraf-3', name: 'Ashraf 3', aliases: ['compound', 'Ashraf', '“Ashraf” camp', 'MEK camp'], context: ['mek'] },
  { id: 'prison', name: 'Evin Prison', aliases: ['compound'], context: [] },
  { id: 'united-states', name: 'United States', aliases: ['US', 'USA', 'U.S.'], context: [] },
  { id: 'tehran', name: 'Tehran', aliases: [], context: [] },
  { id: 'iran', name: 'Iran', aliases: [], context: [] },
  { id: 'rupture', name: 'Rupture of relations', aliases: ['breakdown of diplomatic relations with Tehran'], context: [] },
  { id: 'albania', name: 'Albania', aliases: ['A'], context: [] },
  { id: 'one', name: 'Special Court', aliases: [], context: [] },
  { id: 'two', name: 'Special court', aliases: [], context: [] },
];
