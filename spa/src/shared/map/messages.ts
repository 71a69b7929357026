import type { Messages } from '../../i18n';

/** The maps' texts: a namespace of its own that loads with the first map, not with the start page. */
export const messages = {
  sv: {
    heading: 'Karta',
    zoomIn: 'Zooma in', zoomOut: 'Zooma ut', boundaries: 'Stadsdelsgränser: Stockholms stad (CC0)',
    legend: 'Teckenförklaring', route: 'Vandringens sträcka', meeting: 'Samlingsplats', venue: 'Plats för mötet',
    observationOpen: 'Iakttagelse som inte är åtgärdad', observationPlanned: 'Iakttagelse med planerad eller pågående åtgärd',
    observationDone: 'Åtgärdad eller avslutad iakttagelse', observationOther: 'Dubblett eller inte stadens ansvar',
    sameAsList: 'Allt på kartan finns också i listan.',
    measure: 'Åtgärd, vid iakttagelsen den svarar på',
    cluster_one: '{{count}} iakttagelse här, zooma in',
    cluster_other: '{{count}} iakttagelser här, zooma in',
    clusterKey: 'Flera iakttagelser nära varandra (tryck för att zooma in)',
    baseFailed: 'Kartans bakgrund med stadsdelarna gick inte att hämta just nu. Kartan visar bara punkterna; allt finns också i listan.',
    picker: { chosen: 'Vald plats' },
    upcoming: {
      label: 'Karta: kommande dialoger och vandringar',
      notOnMap_one: '{{count}} tillfälle är digitalt och finns bara i listan.',
      notOnMap_other: '{{count}} tillfällen är digitala och finns bara i listan.',
    },
    event: {
      label: 'Karta: {{title}}',
      observations_one: '{{count}} iakttagelse längs vandringen',
      observations_other: '{{count}} iakttagelser längs vandringen',
      report: 'Rapportera något du sett längs vandringen',
    },
  },
  en: {
    heading: 'Map',
    zoomIn: 'Zoom in', zoomOut: 'Zoom out', boundaries: 'Neighbourhood boundaries: City of Stockholm (CC0)',
    legend: 'Key', route: 'The walk\'s route', meeting: 'Meeting point', venue: 'Where the meeting is',
    observationOpen: 'Observation not yet fixed', observationPlanned: 'Observation with a measure planned or under way',
    observationDone: 'Fixed or closed observation', observationOther: 'Duplicate or not the city\'s responsibility',
    sameAsList: 'Everything on the map is also in the list.',
    measure: 'Measure, at the observation it answers',
    cluster_one: '{{count}} observation here, zoom in',
    cluster_other: '{{count}} observations here, zoom in',
    clusterKey: 'Several observations close together (tap to zoom in)',
    baseFailed: 'The map\'s base with the neighbourhoods could not be fetched just now. The map shows only the points; everything is also in the list.',
    picker: { chosen: 'Chosen place' },
    upcoming: {
      label: 'Map: upcoming dialogues and walks',
      notOnMap_one: '{{count}} event is online and is only in the list.',
      notOnMap_other: '{{count}} events are online and are only in the list.',
    },
    event: {
      label: 'Map: {{title}}',
      observations_one: '{{count}} observation along the walk',
      observations_other: '{{count}} observations along the walk',
      report: 'Report something you saw along the walk',
    },
  },
} satisfies Messages;
