import type { Messages } from '../../i18n';

export const messages = {
  sv: {
    start: {
      title: 'Trygghetsdialoger och trygghetsvandringar',
      lead: 'Kom och prata trygghet med polisen, politiker och grannar – på plats eller digitalt. Alla är välkomna.',
      filters: 'Filtrera',
      area: 'Område',
      allAreas: 'Alla områden',
      format: 'Form',
      allFormats: 'Alla former',
      kind: 'Typ',
      allKinds: 'Dialoger och vandringar',
      upcoming: 'Kommande',
      none: 'Inga kommande dialoger eller vandringar matchar filtret.',
      count_one: '{{count}} kommande tillfälle',
      count_other: '{{count}} kommande tillfällen',
      subscribe: 'Prenumerera på kalendern (iCalendar)',
    },
    cancelled: 'Inställd',
  },
  en: {
    start: {
      title: 'Safety dialogues and safety walks',
      lead: 'Come and talk about safety with the police, politicians and neighbours – on site or online. Everyone is welcome.',
      filters: 'Filter',
      area: 'Neighbourhood',
      allAreas: 'All neighbourhoods',
      format: 'Format',
      allFormats: 'All formats',
      kind: 'Type',
      allKinds: 'Dialogues and walks',
      upcoming: 'Upcoming',
      none: 'No upcoming dialogues or walks match the filter.',
      count_one: '{{count}} upcoming event',
      count_other: '{{count}} upcoming events',
      subscribe: 'Subscribe to the calendar (iCalendar)',
    },
    cancelled: 'Cancelled',
  },
} satisfies Messages;
