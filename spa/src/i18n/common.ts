import type { Messages } from '.';

/** Texts shared by every page: the frame, formats, errors. */
export const common = {
  sv: {
    appName: 'Trygghet i Hägersten-Älvsjö',
    skipToContent: 'Hoppa till innehållet',
    nav: {
      label: 'Huvudmeny',
      events: 'Dialoger och vandringar',
      areas: 'Områden',
      staff: 'För personal',
    },
    language: { label: 'Språk', switchTo: 'In English', switchToLang: 'en' },
    footer: {
      text: 'Trygghet drivs av Hägersten-Älvsjö stadsdelsförvaltning. Öppna data: polisens händelser och BRÅ:s statistik.',
      api: 'Öppet API',
    },
    loading: 'Laddar…',
    notFound: { title: 'Sidan finns inte', text: 'Sidan du söker finns inte eller har flyttats.', home: 'Till startsidan' },
    error: { title: 'Något gick fel', retry: 'Försök igen', offline: 'Det gick inte att nå tjänsten. Kontrollera anslutningen och försök igen.' },
    problem: { fields: 'Rätta följande:' },
    format: { onSite: 'På plats', remote: 'Digitalt', hybrid: 'På plats och digitalt' },
    kind: { dialogue: 'Trygghetsdialog', walk: 'Trygghetsvandring' },
    kindPlural: { dialogue: 'Trygghetsdialoger', walk: 'Trygghetsvandringar' },
    observationStatus: {
      reported: 'Rapporterad', investigating: 'Utreds', planned: 'Planerad', inProgress: 'Pågår', fixed: 'Åtgärdad',
      notResponsible: 'Inte vårt ansvar', duplicate: 'Dubblett', closed: 'Avslutad',
    },
    timeRange: '{{date}}, kl. {{start}}–{{end}}',
    close: 'Stäng',
    save: 'Spara',
    cancel: 'Avbryt',
    yes: 'Ja',
    no: 'Nej',
  },
  en: {
    appName: 'Safety in Hägersten-Älvsjö',
    skipToContent: 'Skip to content',
    nav: {
      label: 'Main menu',
      events: 'Dialogues and walks',
      areas: 'Neighbourhoods',
      staff: 'For staff',
    },
    language: { label: 'Language', switchTo: 'På svenska', switchToLang: 'sv' },
    footer: {
      text: 'Trygghet is run by the Hägersten-Älvsjö district administration. Open data: police events and BRÅ statistics.',
      api: 'Open API',
    },
    loading: 'Loading…',
    notFound: { title: 'Page not found', text: 'The page you are looking for does not exist or has moved.', home: 'Go to the start page' },
    error: { title: 'Something went wrong', retry: 'Try again', offline: 'The service could not be reached. Check your connection and try again.' },
    problem: { fields: 'Please correct the following:' },
    format: { onSite: 'On site', remote: 'Online', hybrid: 'On site and online' },
    kind: { dialogue: 'Safety dialogue', walk: 'Safety walk' },
    kindPlural: { dialogue: 'Safety dialogues', walk: 'Safety walks' },
    observationStatus: {
      reported: 'Reported', investigating: 'Being investigated', planned: 'Planned', inProgress: 'In progress', fixed: 'Fixed',
      notResponsible: 'Not our responsibility', duplicate: 'Duplicate', closed: 'Closed',
    },
    timeRange: '{{date}}, {{start}}–{{end}}',
    close: 'Close',
    save: 'Save',
    cancel: 'Cancel',
    yes: 'Yes',
    no: 'No',
  },
} satisfies Messages;
